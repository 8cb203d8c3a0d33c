import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { EmulatorUnavailableError } from '../adapters/store/emulator.js';
import { DataDirBusyError } from '../adapters/store/data-dir-lock.js';
import { SheetReadError } from '../domain/sheets/sheet-read-error.js';
import { GoogleApiError } from '../adapters/google/google-api-error.js';
import { StoreUnavailableError } from '../adapters/store/store-deadline.js';
import { createOutput } from './output.js';
import { ControlRefusedError } from '../domain/units/control-guard.js';
import { demoCommand } from './commands/demo.js';
import { summaryCommand, sweepCommand, type SweepCommandOptions } from './commands/sweep.js';
import { templatesCommand } from './commands/templates.js';
import { notifyCommand, type NotifyCommandOptions } from './commands/notify.js';
import { deployCommand, type DeployCommandOptions } from './commands/deploy.js';
import { inspectCommand } from './commands/inspect.js';
import { plansAddCommand, plansCheckCommand, plansListCommand } from './commands/plans.js';
import { webhookSecretCommand } from './commands/webhook-secret.js';
import { provisionCommand, type ProvisionCommandOptions } from './commands/provision.js';
import { mailboxCommand, type MailboxCommandOptions } from './commands/mailbox.js';
import { MailboxError } from '../jobs/mailbox/mailbox-error.js';

/** The process's environment and streams; tests pass their own. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Run the `tonghop` CLI; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  const program = new Command('tonghop')
    .description('Tổng hợp báo cáo Đoàn – Đội: đọc bảng tính của các đơn vị, kiểm tra từng dòng, lưu vào Firestore.')
    .option('--json', 'print a machine-readable result on stdout')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  let exitCode = 0;
  const context = () => {
    const json = Boolean(program.opts<{ json?: boolean }>().json);
    return { config: loadConfig(io.env), out: createOutput({ json, stdout: io.stdout, stderr: io.stderr }) };
  };

  program
    .command('demo')
    .description('create a sample district (control workbook + one workbook per unit) and sweep it into the local Firestore')
    .option('--reset', 'delete and recreate the sample district first')
    .action(async (opts: { reset?: boolean }) => demoCommand(context(), { reset: Boolean(opts.reset) }));

  for (const [name, description, action] of [
    ['sweep', 'read the unit workbooks listed in a control workbook, validate every row, store submissions, then statistics, summary and row statuses', sweepCommand],
    ['summary', 'statistics, the summary workbook and row statuses from what is stored (no sweep)', summaryCommand],
  ] as const) {
    program
      .command(name)
      .description(description)
      .option('--control <file>', 'control workbook (.xlsx) with the "Đơn vị" tab (default: the demo\'s, in TONGHOP_HOME)')
      .option('--units-dir <dir>', 'folder of unit workbooks (default: units/ next to the control workbook)')
      .option('--summary <file>', 'summary workbook to write (default: tong-hop-bao-cao.xlsx next to the control workbook)')
      .option('--now <instant>', 'the clock, ISO 8601 (default: now)', parseInstant)
      .option('--yes', 'go on although the units registry shrank by more than half since the last run')
      .action(async (opts: SweepCommandOptions) => action(context(), opts));
  }

  program
    .command('notify')
    .description('send the reminder, due, overdue and escalation mails due now (at most once each) and the daily digest')
    .option('--control <file>', 'control workbook (.xlsx) with the "Đơn vị" tab (default: the demo\'s, in TONGHOP_HOME)')
    .option('--outbox <dir>', 'folder for .eml files when SMTP_URL is not set (default: outbox/ next to the control workbook)')
    .option('--now <instant>', 'the clock, ISO 8601 (default: now)', parseInstant)
    .option('--dry-run', 'show what would be sent; send and write nothing')
    .action(async (opts: NotifyCommandOptions) => notifyCommand(context(), opts));

  program
    .command('mailbox')
    .description('đọc thư mới trong hộp thư nhận báo cáo (IMAP_URL, hoặc thư mục tệp .eml), ghi nhận tệp .xlsx đính kèm của từng đơn vị và trả lời người gửi một lần')
    .option('--control <file>', 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME')
    .option('--units-dir <dir>', 'thư mục tệp của các đơn vị (mặc định: units/ cạnh bảng điều khiển)')
    .option('--mailbox-dir <dir>', 'thư mục tệp .eml khi chưa đặt IMAP_URL (mặc định: mailbox/ cạnh bảng điều khiển)')
    .option('--outbox <dir>', 'thư mục ghi thư trả lời (.eml) khi chưa đặt SMTP_URL (mặc định: outbox/ cạnh bảng điều khiển)')
    .option('--now <instant>', 'đồng hồ, ISO 8601 (mặc định: bây giờ)', parseInstant)
    .action(async (opts: MailboxCommandOptions) => mailboxCommand(context(), opts));

  program
    .command('provision')
    .description('Google Sheets: create or complete one spreadsheet per unit in the Drive folder, share it with the unit, record its id in the control spreadsheet')
    .option('--template <spreadsheetId>', 'copy this spreadsheet (with the Apps Script menu) for new units')
    .action(async (opts: ProvisionCommandOptions) => provisionCommand(context(), opts));

  program
    .command('deploy')
    .description('deploy the Cloud Functions, Pub/Sub topics, Cloud Scheduler jobs and Firestore rules to Google Cloud (--dry-run prints every command)')
    .option('--project <id>', 'Google Cloud project (default: TONGHOP_PROJECT_ID)')
    .option('--region <region>', 'region of the functions and schedules', 'asia-southeast1')
    .option('--service-account <email>', 'identity of the functions (default: tonghop@<project>.iam.gserviceaccount.com)')
    .option('--dry-run', 'print the commands; run nothing')
    .action(async (opts: DeployCommandOptions) => deployCommand(context(), opts));

  program
    .command('webhook-secret')
    .description("the secret of one unit's spreadsheet for its Apps Script (Tổng hợp ▸ Cài đặt kết nối…), derived from TONGHOP_WEBHOOK_KEY")
    .requiredOption('--unit <id>', 'the unit id, as in the control sheet')
    .action(async (opts: { unit: string }) => webhookSecretCommand(context(), opts));

  program
    .command('templates')
    .description('viết một mẫu .xlsx cho mỗi kế hoạch của bảng điều khiển (hoặc mỗi biểu mẫu mẫu với --catalog) vào sheets-templates/xlsx/')
    .option('--out <dir>', 'thư mục ghi mẫu')
    .option('--control <file>', 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME')
    .option('--catalog', 'dùng các biểu mẫu mẫu thay cho bảng điều khiển')
    .action(async (opts: { out?: string; control?: string; catalog?: boolean }) => templatesCommand(context(), opts));

  const plans = program.command('plans').description("kế hoạch (biểu mẫu) của Quận Đoàn trong bảng điều khiển: kiểm tra, liệt kê, chép từ biểu mẫu mẫu");
  plans
    .command('check')
    .description('kiểm tra các trang kế hoạch và danh sách đơn vị; báo từng lỗi kèm trang, dòng, cột (mã thoát 1 nếu có lỗi)')
    .option('--control <file>', 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME')
    .action(async (opts: { control?: string }) => {
      exitCode = await plansCheckCommand(context(), opts);
    });
  plans
    .command('list')
    .description('liệt kê các kế hoạch của bảng điều khiển (hoặc các biểu mẫu mẫu với --catalog)')
    .option('--control <file>', 'bảng điều khiển (.xlsx)')
    .option('--catalog', 'liệt kê các biểu mẫu mẫu có thể chép')
    .action(async (opts: { control?: string; catalog?: boolean }) => plansListCommand(context(), opts));
  plans
    .command('add')
    .description('chép biểu mẫu mẫu vào bảng điều khiển (các trang Biểu mẫu, Cột biểu mẫu, …); giữ nguyên những gì đã có')
    .argument('<ids...>', 'mã biểu mẫu mẫu, ví dụ tap-huan-2024 (xem: tonghop plans list --catalog)')
    .option('--control <file>', 'bảng điều khiển (.xlsx)')
    .action(async (ids: string[], opts: { control?: string }) => plansAddCommand(context(), ids, opts));

  program
    .command('inspect')
    .description('show what is stored in Firestore: submissions and each unit\'s sheet problems')
    .option('--unit <id>', 'only this unit')
    .option('--form <id>', 'only this form')
    .action(async (opts: { unit?: string; form?: string }) => inspectCommand(context(), opts));

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ControlRefusedError) {
      io.stderr.write(`tonghop: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof EmulatorUnavailableError || error instanceof DataDirBusyError || error instanceof SheetReadError || error instanceof StoreUnavailableError || error instanceof MailboxError) {
      io.stderr.write(`tonghop: ${error.message}\n`);
      return 2;
    }
    if (error instanceof GoogleApiError) {
      io.stderr.write(`tonghop: ${error.message}\n  → ${error.fix}\n`);
      return 2;
    }
    throw error;
  }
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('expected an ISO 8601 instant, e.g. 2024-09-15T10:00:00+07:00');
  return date;
}
