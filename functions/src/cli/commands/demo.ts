import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { localizePlan } from '../../domain/plans/district-placeholders.js';
import { planReadingOf } from '../../domain/plans/plans-in-use.js';
import { formatIctDate, formatIctDateTime, ictInstant } from '../../domain/time/ict.js';
import { buildDemoDistrict, DEMO_NOW, DEMO_SETTINGS, type DemoDistrict } from '../../demo/demo-district.js';
import { demoFinanceSource } from '../../demo/demo-finance.js';
import {
  CONTROL_FILE,
  demoDistrictWritten,
  writeDemoDistrict,
  type WrittenDemoDistrict,
} from '../../demo/write-demo-district.js';
import { embeddedDataDir, withFirestore, type FirestoreSession } from '../firestore-session.js';
import type { Progress } from '../output.js';
import { PROGRESS } from '../messages.js';
import { printNotifyReport } from '../notify-report.js';
import { runNotify, type NotifyRun } from '../../app/run-notify.js';
import { defaultSummaryPath, workbookDistrict } from '../../app/workbook-district.js';
import { readControlWorkbook } from '../../adapters/workbook/read-control-workbook.js';
import { PROCESSED_SUBFOLDER } from '../../adapters/mail/eml-folder-mailbox.js';
import { writeDemoMailbox } from '../../adapters/mail/write-demo-mailbox.js';
import { runMailbox } from '../../app/run-mailbox.js';
import { printMailboxReport } from '../mailbox-report.js';
import { runSweep, type SweepUnitsAt } from '../run-sweep.js';
import { FirestoreReviewStore } from '../../adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../adapters/store/firestore-summary-store.js';
import { takeDemoReviewStep } from '../../demo/take-demo-review.js';
import { printSweepReport, sweepRunJson } from '../sweep-report.js';
import { demoDir, type CommandContext } from './context.js';
import { writeDemoReport } from './demo-report.js';
import { demoIntake } from '../../demo/demo-intake.js';
import { playDemoIntake } from '../../demo/play-demo-intake.js';
import { printDemoIntake } from './demo-intake-report.js';
import { weeklyReportLine, writeDemoWeeklyReport } from './demo-weekly-report.js';

/**
 * The morning notice runs of the demo's history around the training deadline (10g00 15/09/2024):
 * a reminder, the due day, overdue; the escalation comes with the final run at DEMO_NOW.
 */
const DEMO_NOTICE_RUNS = [
  ictInstant('2024-09-13', '07:30'),
  ictInstant('2024-09-15', '07:30'),
  ictInstant('2024-09-17', '07:30'),
];

/**
 * `tonghop demo`: a sample district on local workbooks. The first time, its history of sends
 * (years of reports, each at its own date) is replayed through the sweep, with the notice runs
 * of those days, so on-time, late and every reminder stage are real; then the whole district is
 * swept, summarized, given its row statuses and its notices at a fixed demo date.
 * Afterwards it only does what changed.
 */
export async function demoCommand(context: CommandContext, opts: { reset: boolean }): Promise<void> {
  const { config, out } = context;
  const dir = demoDir(config);
  const controlPath = path.join(dir, CONTROL_FILE);
  const outboxDir = path.join(dir, 'outbox');
  // A sample district made by an older version (its control workbook defines no plan) is made again, as --reset would.
  const outdated = !opts.reset && (await demoDistrictWritten(dir)) && !(await controlDefinesPlans(controlPath));
  if (outdated) out.log('Khu vực mẫu được tạo bởi phiên bản cũ (bảng điều khiển chưa khai báo kế hoạch): tạo lại.');
  const reset = opts.reset || outdated;
  const mailboxDir = path.join(dir, 'mailbox');
  if (reset)
    await Promise.all([
      rm(outboxDir, { recursive: true, force: true }),
      rm(mailboxDir, { recursive: true, force: true }),
    ]);
  if (reset && config.firestoreMode === 'embedded') await rm(embeddedDataDir(config), { recursive: true, force: true });
  const fresh = reset || !(await demoDistrictWritten(dir));
  // The catalog names the district by placeholders: the demo's files read as Quận Đoàn 1's own.
  const forms = (await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS));
  const district = buildDemoDistrict(forms);
  // Issue 14's ways of sending, each with a plan of its own (demo/demo-intake.ts).
  const intake = demoIntake(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
  let written: WrittenDemoDistrict | undefined;
  let earlierNotices = 0;

  const { run, notices, report, weekly, mailbox } = await withFirestore(config, out, async (session) => {
    const history = { notices: 0, writes: 0 };
    let notified: Awaited<ReturnType<typeof runNotify>> | undefined;
    const swept = await runSweep({
      session,
      out,
      district: workbookDistrict(controlPath),
      now: DEMO_NOW,
      summaryCurrentDays: config.summaryCurrentDays,
      afterSweep: async (control, specs) => {
        notified = await runNotify({
          config,
          db: session.db,
          control,
          forms: specs,
          outboxDir,
          now: DEMO_NOW,
          dryRun: false,
          ...journal(session),
        });
      },
      ...(fresh
        ? {
            prepare: async (sweepUnitsAt: SweepUnitsAt) => {
              written = await replayHistory({
                context,
                session,
                dir,
                district,
                forms,
                outboxDir,
                sweepUnitsAt,
                history,
              });
              const plans = [...forms, district.finance.spec, district.issued.spec];
              await playDemoIntake({
                controlPath,
                unitsDir: written.unitsDir,
                units: district.units,
                forms: plans,
                intake,
                sweepAt: sweepUnitsAt,
              });
            },
          }
        : {}),
    });
    earlierNotices = history.notices;
    if (!notified) throw new Error('the demo notice run did not happen');
    if (fresh) await writeSampleMailbox(mailboxDir, district, swept.value.unitsLocation);
    const read = await runMailbox({
      config,
      db: session.db,
      control: swept.value.control,
      forms: swept.value.forms,
      unitsDir: swept.value.unitsLocation,
      mailboxDir,
      outboxDir,
      now: DEMO_NOW,
      folderOnly: true,
    });
    const writes = history.writes + swept.writes + notified.writes + read.writes;
    const report = await writeDemoReport({
      db: session.db,
      control: swept.value.control,
      forms: swept.value.forms,
      dir,
      now: DEMO_NOW,
      changed: fresh || writes > 0,
    });
    const weekly = await writeDemoWeeklyReport({
      db: session.db,
      control: swept.value.control,
      forms: swept.value.forms,
      dir,
      changed: fresh || writes > 0,
    });
    return { value: { run: swept.value, notices: notified.value, report, weekly, mailbox: read.value }, writes };
  });

  if (out.json) {
    out.printJson({
      demoDir: dir,
      created: written?.created ?? false,
      controlPath,
      unitsDir: run.unitsLocation,
      demoNow: DEMO_NOW.toISOString(),
      ...sweepRunJson(run),
      notify: notices,
      mailbox,
      ...(report ? { report } : {}),
      ...(weekly
        ? {
            weeklyReport: {
              docx: weekly.docx,
              xlsx: weekly.xlsx,
              weekId: weekly.coverage.weekId,
              meetingByWeek: weekly.coverage.meetingByWeek,
            },
          }
        : {}),
    });
    return;
  }
  printDemoReport(context, { dir, controlPath, written, district, run, notices, earlierNotices, report, weekly });
  printDemoIntake(out, intake, district.units, run.unitsLocation);
  printMailboxReport(out, mailbox, new Map(run.control.units.map((u) => [u.id, u.name])));
  out.print(
    `  Thư mẫu đã đọc nằm trong ${path.relative(process.cwd(), path.join(mailboxDir, PROCESSED_SUBFOLDER)) || '.'}/, thư trả lời trong hộp thư đi. Đọc hộp thư thật: đặt IMAP_URL rồi chạy "npx tonghop mailbox".`,
  );
}

/** The sample mailbox: a unit with typing mistakes sends its file again, a clean unit sends a zip, a stranger writes. */
async function writeSampleMailbox(mailboxDir: string, district: DemoDistrict, unitsDir: string): Promise<void> {
  const unitOf = (scenario: string) => {
    const workbook = district.workbooks.find((w) => w.scenario === scenario && w.sentAt !== null);
    return district.units.find((u) => u.id === workbook?.unitId && u.contacts.some((c) => c.email));
  };
  const resender = unitOf('typos');
  const zipper = unitOf('clean');
  if (resender && zipper) await writeDemoMailbox(mailboxDir, { unitsDir, resender, zipper, at: DEMO_NOW });
}

/** The demo's review decisions, each taken once its instant has come (the replay calls takeUntil in time order). */
function demoReviewSteps(
  session: FirestoreSession,
  district: DemoDistrict,
): { takeUntil(instant: Date): Promise<void> } {
  const review = district.review;
  const pending = [...(review?.steps ?? [])];
  const ports = { submissions: new FirestoreSummaryStore(session.db), reviews: new FirestoreReviewStore(session.db) };
  return {
    async takeUntil(instant) {
      for (let step = pending[0]; review && step && step.at <= instant; step = pending[0]) {
        pending.shift();
        await takeDemoReviewStep(ports, review, step);
      }
    },
  };
}

/** The session's notice journal, for runNotify (embedded mode only). */
const journal = (session: FirestoreSession) => (session.noticeJournal ? { noticeJournal: session.noticeJournal } : {});

/** Whether a control workbook defines at least one plan (a demo written before plans were data does not). */
async function controlDefinesPlans(controlPath: string): Promise<boolean> {
  return (await readControlWorkbook(controlPath).catch(() => undefined))?.plans.plans.length !== 0;
}

/** Replay the district's sends day by day through the sweep; a notice run scheduled before a day's sends runs first. */
async function replayHistory(options: {
  context: CommandContext;
  session: FirestoreSession;
  dir: string;
  district: DemoDistrict;
  forms: FormSpec[];
  outboxDir: string;
  sweepUnitsAt: SweepUnitsAt;
  history: { notices: number; writes: number };
}): Promise<WrittenDemoDistrict> {
  const { context, session, dir, district, forms, outboxDir, sweepUnitsAt, history } = options;
  const { config, out } = context;
  const control = { settings: district.settings, units: district.units, plans: planReadingOf(forms), problems: [] };
  const pending = [...DEMO_NOTICE_RUNS];
  // From the day the district added a plan to the control, the control (and so each sweep and notice run) has it too.
  const plansAt = (at: Date) => [
    ...forms,
    ...(at >= district.finance.at ? [district.finance.spec] : []),
    ...(at > district.issued.at ? [district.issued.spec] : []),
  ];
  const shared = { sources: [demoFinanceSource(district.finance)], registry: district.units };
  const reviews = demoReviewSteps(session, district);
  const notifyUntil = async (instant: Date) => {
    for (let at = pending[0]; at && at <= instant; at = pending[0]) {
      // The district's review decisions made before this notice run: it mails them.
      await reviews.takeUntil(at);
      pending.shift();
      const notified = await runNotify({
        config,
        db: session.db,
        control,
        forms: plansAt(at),
        outboxDir,
        now: at,
        dryRun: false,
        ...journal(session),
      });
      history.notices += notified.value.result.outcomes.filter((o) => o.result === 'sent').length;
      history.writes += notified.writes;
    }
  };
  let progress: Progress | undefined;
  try {
    const written = await writeDemoDistrict(dir, district, {
      reset: true,
      onProgress: (done, total) => (progress ??= out.progress(PROGRESS.demoHistory, total)).tick(done),
      sweepAt: async (unitIds, at) => {
        await notifyUntil(at);
        await sweepUnitsAt(
          district.units.filter((u) => unitIds.includes(u.id)),
          plansAt(at),
          at,
          ...(at >= district.finance.at ? [shared] : []),
        );
      },
    });
    await notifyUntil(DEMO_NOW);
    await reviews.takeUntil(DEMO_NOW);
    return written;
  } finally {
    progress?.stop();
  }
}

function printDemoReport(
  { out }: CommandContext,
  report: {
    dir: string;
    controlPath: string;
    written: WrittenDemoDistrict | undefined;
    district: DemoDistrict;
    run: Awaited<ReturnType<typeof runSweep>>['value'];
    notices: NotifyRun;
    earlierNotices: number;
    report: { docx: string; xlsx: string } | undefined;
    weekly: Awaited<ReturnType<typeof writeDemoWeeklyReport>>;
  },
): void {
  const relative = (p: string) => {
    const rel = path.relative(process.cwd(), p);
    return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
  };
  out.print(
    report.written?.created
      ? `Đã tạo khu vực mẫu "${report.district.settings.districtName}" (${report.district.units.length} đơn vị) trong ${relative(report.dir)}, mô phỏng các lần gửi báo cáo từ năm 2014 đến ${formatIctDateTime(DEMO_NOW)}.`
      : `Dùng lại khu vực mẫu đã có trong ${relative(report.dir)} (tạo lại: npx tonghop demo --reset).`,
  );
  out.print(`Ngày giờ của bản mẫu: ${formatIctDateTime(DEMO_NOW)} (mọi hạn nộp được tính theo mốc này).`);
  printSweepReport(out, report.run);
  if (report.earlierNotices > 0) {
    out.print('');
    out.print(
      `Các lượt nhắc trước đó (7g30 ngày 13, 15 và 17/09/2024) đã gửi ${n(report.earlierNotices)} thư nhắc, đến hạn và quá hạn.`,
    );
  }
  const review = report.district.review;
  const reviewed = report.district.units.find((u) => u.id === review?.unitId);
  const [sentBack, approved] = review?.steps ?? [];
  if (report.written?.created && review && reviewed && sentBack && approved) {
    out.print('');
    out.print(
      `Duyệt báo cáo: Quận Đoàn trả lại bản đăng ký tập huấn của ${reviewed.name} ("Cần bổ sung", ${formatIctDateTime(sentBack.at)}), đơn vị bổ sung ngày ${formatIctDate(review.fixedAt)}, Quận Đoàn duyệt ngày ${formatIctDate(approved.at)}; mỗi quyết định một thư "[Duyệt báo cáo]" trong hộp thư đi. Xem trang "Duyệt báo cáo" của bảng tổng hợp.`,
    );
  }
  printNotifyReport(
    out,
    report.notices,
    new Map(report.run.control.units.map((u) => [u.id, u.name])),
    report.run.forms,
  );
  out.print('');
  out.print('Xem tiếp:');
  out.print(`  - Bảng tổng hợp cho Quận Đoàn: ${relative(defaultSummaryPath(report.controlPath))}`);
  for (const branch of report.run.summary.branchSummaries) {
    const name = report.run.control.units.find((u) => u.id === branch.unitId)?.name ?? branch.unitId;
    out.print(`  - Bảng tổng hợp riêng của ${name} (chỉ các chi đoàn trực thuộc): ${relative(branch.location)}`);
  }
  out.print(`  - Bảng điều khiển (danh sách đơn vị): ${relative(report.controlPath)}`);
  out.print(
    `  - Bảng tính của từng đơn vị (có cột "Tình trạng" và trang "Tình hình nộp"): ${relative(report.run.unitsLocation)}/`,
  );
  if (report.notices.outbox)
    out.print(`  - Thư đã gửi (tệp .eml, mở bằng Outlook/Thunderbird): ${relative(report.notices.outbox.dir)}/`);
  if (report.report) {
    out.print(
      `  - Báo cáo gửi Thành Đoàn về đăng ký tập huấn (mở bằng Word hoặc LibreOffice, điền số và ký): ${relative(report.report.docx)}`,
    );
    out.print(`    cùng bảng số liệu cho cấp thành phố tổng hợp: ${relative(report.report.xlsx)}`);
  }
  if (report.weekly) out.print(`  - ${weeklyReportLine(report.weekly.coverage)}: ${relative(report.weekly.docx)}`);
  out.print(
    `  - Dữ liệu đã lưu: ${report.run.firestore}; xem bằng "npx tonghop inspect" (lọc: --unit <mã đơn vị>, --form <mã biểu mẫu>, --json)`,
  );
  out.print('  - Chạy lại "npm start": chỉ làm phần đã thay đổi; không có gì mới thì không ghi và không gửi gì.');
}
