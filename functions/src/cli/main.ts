import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { createOutput } from './output.js';
import { EXIT } from '../domain/errors/exit-code.js';
import { errorReport } from './error-report.js';
import { ADVICE } from '../domain/errors/advice.js';
import { HELP, vietnameseUsageError } from './messages.js';
import { localeIsUtf8, terminalText } from './terminal-text.js';
import { demoCommand } from './commands/demo.js';
import { summaryCommand, sweepCommand, type SweepCommandOptions } from './commands/sweep.js';
import { watchCommand } from './commands/watch.js';
import { templatesCommand } from './commands/templates.js';
import { notifyCommand, type NotifyCommandOptions } from './commands/notify.js';
import { deployCommand, type DeployCommandOptions } from './commands/deploy.js';
import { inspectCommand, type InspectCommandOptions } from './commands/inspect.js';
import { plansAddCommand, plansCheckCommand, plansListCommand } from './commands/plans.js';
import { webhookSecretCommand } from './commands/webhook-secret.js';
import { provisionCommand, type ProvisionCommandOptions } from './commands/provision.js';
import { reportCommand, type ReportCommandOptions } from './commands/report.js';
import { mailboxCommand, type MailboxCommandOptions } from './commands/mailbox.js';

/** The process's environment and streams; tests pass their own. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Run the `tonghop` CLI; resolves to the process exit code (0 done, 1 problems found, 2 usage or configuration). */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  const utf8 = localeIsUtf8(io.env);
  const text = terminalText(utf8);
  const program = new Command('tonghop')
    .description(HELP.program)
    .option('--json', HELP.json)
    .helpOption('-h, --help', HELP.help)
    .helpCommand('help [lệnh]', HELP.helpCommand)
    .exitOverride()
    .configureHelp({
      // `--json` works after any command too: its help lists it.
      showGlobalOptions: true,
      styleTitle: (title) => HELP.titles[title] ?? title,
      styleUsage: (usage) => usage.replace(/\[options\]|\[command\]/g, (word) => HELP.usageWords[word] ?? word),
      styleSubcommandTerm: (term) => term.replace(/\[options\]/g, (word) => HELP.usageWords[word] ?? word),
    })
    .configureOutput({
      writeOut: (out) => io.stdout.write(text(out)),
      writeErr: (err) => io.stderr.write(text(err)),
      outputError: (message, write) => write(`${vietnameseUsageError(message)}\n${ADVICE.usage}\n`),
    });

  let exitCode: number = EXIT.ok;
  const context = () => {
    const json = Boolean(program.opts<{ json?: boolean }>().json);
    return { config: loadConfig(io.env), out: createOutput({ json, stdout: io.stdout, stderr: io.stderr, utf8 }) };
  };

  program
    .command('demo')
    .description(HELP.demo.description)
    .option('--reset', HELP.demo.reset)
    .action(async (opts: { reset?: boolean }) => demoCommand(context(), { reset: Boolean(opts.reset) }));

  for (const [name, description, action] of [
    ['sweep', HELP.sweep, sweepCommand],
    ['summary', HELP.summary, summaryCommand],
    [
      'watch',
      HELP.watch,
      (context: Parameters<typeof watchCommand>[0], opts: SweepCommandOptions) => watchCommand(context, opts),
    ],
  ] as const) {
    program
      .command(name)
      .description(description)
      .option('--control <tệp>', HELP.sweepOptions.control)
      .option('--units-dir <thư-mục>', HELP.sweepOptions.unitsDir)
      .option('--summary <tệp>', HELP.sweepOptions.summary)
      .option('--now <thời-điểm>', HELP.sweepOptions.now, parseInstant)
      .option('--yes', HELP.sweepOptions.yes)
      .action(async (opts: SweepCommandOptions) => action(context(), opts));
  }

  program
    .command('notify')
    .description(HELP.notify.description)
    .option('--control <tệp>', HELP.notify.control)
    .option('--outbox <thư-mục>', HELP.notify.outbox)
    .option('--now <thời-điểm>', HELP.sweepOptions.now, parseInstant)
    .option('--dry-run', HELP.notify.dryRun)
    .action(async (opts: NotifyCommandOptions) => notifyCommand(context(), opts));

  program
    .command('mailbox')
    .description(
      'đọc thư mới trong hộp thư nhận báo cáo (IMAP_URL, hoặc thư mục tệp .eml), ghi nhận tệp .xlsx đính kèm của từng đơn vị và trả lời người gửi một lần',
    )
    .option('--control <tệp>', 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME')
    .option('--units-dir <thư-mục>', 'thư mục tệp của các đơn vị (mặc định: units/ cạnh bảng điều khiển)')
    .option(
      '--mailbox-dir <thư-mục>',
      'thư mục tệp .eml khi chưa đặt IMAP_URL (mặc định: mailbox/ cạnh bảng điều khiển)',
    )
    .option(
      '--outbox <thư-mục>',
      'thư mục ghi thư trả lời (.eml) khi chưa đặt SMTP_URL (mặc định: outbox/ cạnh bảng điều khiển)',
    )
    .option('--now <thời-điểm>', 'đồng hồ, ISO 8601 (mặc định: bây giờ)', parseInstant)
    .action(async (opts: MailboxCommandOptions) => mailboxCommand(context(), opts));

  program
    .command('provision')
    .description(HELP.provision.description)
    .option('--template <mã-bảng-tính>', HELP.provision.template)
    .action(async (opts: ProvisionCommandOptions) => provisionCommand(context(), opts));

  program
    .command('deploy')
    .description(HELP.deploy.description)
    .option('--project <mã-dự-án>', HELP.deploy.project)
    .option('--region <vùng>', HELP.deploy.region)
    .option('--service-account <email>', HELP.deploy.serviceAccount)
    .option('--dry-run', HELP.deploy.dryRun)
    .action(async (opts: DeployCommandOptions) => deployCommand(context(), opts));

  program
    .command('webhook-secret')
    .description(HELP.webhookSecret.description)
    .requiredOption('--unit <mã>', HELP.webhookSecret.unit)
    .action(async (opts: { unit: string }) => webhookSecretCommand(context(), opts));

  program
    .command('templates')
    .description(HELP.templates.description)
    .option('--out <thư-mục>', HELP.templates.out)
    .option('--control <tệp>', HELP.templates.control)
    .option('--catalog', HELP.templates.catalog)
    .action(async (opts: { out?: string; control?: string; catalog?: boolean }) => templatesCommand(context(), opts));

  const plans = program.command('plans').description(HELP.plans.description);
  plans
    .command('check')
    .description(HELP.plans.check)
    .option('--control <tệp>', HELP.plans.control)
    .action(async (opts: { control?: string }) => {
      exitCode = await plansCheckCommand(context(), opts);
    });
  plans
    .command('list')
    .description(HELP.plans.list)
    .option('--control <tệp>', HELP.plans.listControl)
    .option('--catalog', HELP.plans.catalog)
    .action(async (opts: { control?: string; catalog?: boolean }) => plansListCommand(context(), opts));
  plans
    .command('add')
    .description(HELP.plans.add)
    .argument('<mã...>', HELP.plans.ids)
    .option('--control <tệp>', HELP.plans.listControl)
    .action(async (ids: string[], opts: { control?: string }) => plansAddCommand(context(), ids, opts));

  program
    .command('report')
    .description(
      'báo cáo cấp trên của một kế hoạch trong một kỳ: văn bản Bao-cao-<biểu mẫu>-<kỳ>.docx theo thể thức Nghị định 30/2020/NĐ-CP và bảng số liệu .xlsx cùng tên (mẫu cố định, cấp thành phố tổng hợp được)',
    )
    .option(
      '--form <id>',
      'mã biểu mẫu, ví dụ tap-huan-2024 (xem: tonghop plans list); với --weekly: kế hoạch có chỉ số "Số tuần đạt chỉ tiêu" (mặc định: kế hoạch duy nhất có)',
    )
    .option(
      '--weekly',
      'báo cáo tuần gửi Ban Thường vụ: từng cơ sở Đoàn đạt/chưa đạt chỉ tiêu mỗi tuần (Bao-cao-tuan-<biểu mẫu>-<tuần>.docx và .xlsx)',
    )
    .option(
      '--week <tuần>',
      'với --weekly: tuần báo cáo, ví dụ 2024-W38 (16/09/2024 – 22/09/2024); mặc định: tuần trọn vẹn vừa qua',
    )
    .option('--period <id>', 'mã kỳ, ví dụ 2024-09-15 hoặc 2022-12; mặc định: kỳ gần nhất đã đến hạn')
    .option('--out <dir>', 'thư mục ghi báo cáo; mặc định: cạnh bảng điều khiển')
    .option('--control <file>', 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME')
    .option('--now <instant>', 'thời điểm tính số liệu và ngày của văn bản, ISO 8601 (mặc định: bây giờ)', parseInstant)
    .action(async (opts: ReportCommandOptions) => {
      exitCode = await reportCommand(context(), opts);
    });

  program
    .command('inspect')
    .description(HELP.inspect.description)
    .option('--unit <mã>', HELP.inspect.unit)
    .option('--form <mã>', HELP.inspect.form)
    .option('--rows', HELP.inspect.rows)
    .action(async (opts: InspectCommandOptions) => inspectCommand(context(), opts));

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    // Help and --version end with code 0; every other commander error is a usage error, already printed.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const report = errorReport(error);
    io.stderr.write(text(`${report.lines.join('\n')}\n`));
    return report.exitCode;
  }
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(HELP.invalidInstant);
  return date;
}
