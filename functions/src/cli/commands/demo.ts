import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { localizePlan } from '../../domain/plans/district-placeholders.js';
import { formatIctDate, formatIctDateTime } from '../../domain/time/ict.js';
import { periodsOf } from '../../domain/periods/schedule.js';
import type { Unit } from '../../domain/units/unit.js';
import { buildDemoDistrict, DEMO_NOW, DEMO_SETTINGS, type DemoDistrict } from '../../demo/demo-district.js';
import { CONTROL_FILE, demoDistrictWritten, type WrittenDemoDistrict } from '../../demo/write-demo-district.js';
import { embeddedDataDir, withFirestore } from '../firestore-session.js';
import { printNotifyReport } from '../notify-report.js';
import type { NotifyRun } from '../../app/run-notify.js';
import { defaultSummaryPath } from '../../app/workbook-district.js';
import { readControlWorkbook } from '../../adapters/workbook/read-control-workbook.js';
import { PROCESSED_SUBFOLDER } from '../../adapters/mail/eml-folder-mailbox.js';
import { writeDemoMailbox } from '../../demo/write-demo-mailbox.js';
import { runMailbox } from '../../app/run-mailbox.js';
import { printMailboxReport } from '../mailbox-report.js';
import { printSweepReport, sweepRunJson } from '../sweep-report.js';
import { demoDir, type CommandContext } from './context.js';
import { runDemo } from './demo-run.js';
import type { SweepRun } from '../run-sweep.js';
import { writeDemoReport } from './demo-report.js';
import { demoIntake } from '../../demo/demo-intake.js';
import { demoBranchReport, type DemoBranchReport } from '../../demo/demo-branch-report.js';
import { demoParentCheck } from '../../demo/demo-parent-check.js';
import { printDemoIntake } from './demo-intake-report.js';
import { weeklyReportLine, writeDemoWeeklyReport } from './demo-weekly-report.js';

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
  // A plan due near "now" for the chi đoàn, so each cơ sở Đoàn has reports to review (demo/demo-branch-report.ts).
  const branchReport = demoBranchReport(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
  // A plan each cơ sở Đoàn fills about its chi đoàn ('Cấp trên của Chi đoàn', demo/demo-parent-check.ts).
  const parentCheck = demoParentCheck(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
  let written: WrittenDemoDistrict | undefined;
  let earlierNotices = 0;

  const { run, notices, report, weekly, mailbox } = await withFirestore(config, out, async (session) => {
    const demo = await runDemo({
      context,
      session,
      dir,
      controlPath,
      outboxDir,
      district,
      forms,
      intake,
      branchReport,
      parentCheck,
      fresh,
    });
    const { run: swept, notified, history } = demo;
    written = demo.written;
    earlierNotices = history.notices;
    if (fresh) await writeSampleMailbox(mailboxDir, district, swept.unitsLocation);
    const read = await runMailbox({
      config,
      db: session.db,
      control: swept.control,
      forms: swept.forms,
      unitsDir: swept.unitsLocation,
      mailboxDir,
      outboxDir,
      now: DEMO_NOW,
      folderOnly: true,
    });
    const writes = history.writes + demo.writes + notified.writes + read.writes;
    const report = await writeDemoReport({
      db: session.db,
      control: swept.control,
      forms: swept.forms,
      dir,
      now: DEMO_NOW,
      changed: fresh || writes > 0,
    });
    const weekly = await writeDemoWeeklyReport({
      db: session.db,
      control: swept.control,
      forms: swept.forms,
      dir,
      changed: fresh || writes > 0,
    });
    return { value: { run: swept, notices: notified.value, report, weekly, mailbox: read.value }, writes };
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
  printDemoReport(context, {
    dir,
    controlPath,
    written,
    district,
    branchReport,
    parentCheck,
    run,
    notices,
    earlierNotices,
    report,
    weekly,
  });
  printDemoIntake(out, intake, district.units, run.unitsLocation);
  printMailboxReport(out, mailbox, new Map(run.control.units.map((u) => [u.id, u.name])));
  out.print(
    `  Thư mẫu đã đọc nằm trong ${relative(path.join(mailboxDir, PROCESSED_SUBFOLDER))}/, thư trả lời trong hộp thư đi. Đọc hộp thư thật: đặt IMAP_URL rồi chạy "npx tonghop mailbox".`,
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

/** Whether a control workbook defines at least one plan (a demo written before plans were data does not). */
async function controlDefinesPlans(controlPath: string): Promise<boolean> {
  return (await readControlWorkbook(controlPath).catch(() => undefined))?.plans.plans.length !== 0;
}

function printDemoReport(
  { out }: CommandContext,
  report: {
    dir: string;
    controlPath: string;
    written: WrittenDemoDistrict | undefined;
    district: DemoDistrict;
    branchReport: DemoBranchReport;
    parentCheck: DemoBranchReport;
    run: SweepRun;
    notices: NotifyRun;
    earlierNotices: number;
    report: { docx: string; xlsx: string } | undefined;
    weekly: Awaited<ReturnType<typeof writeDemoWeeklyReport>>;
  },
): void {
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
  if (report.written?.created) {
    printBranchReview(out, report.district.units, report.branchReport);
    printParentCheck(out, report.district.units, report.parentCheck);
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

/** The chi đoàn report story in one line: how many chi đoàn sent, and what each cơ sở Đoàn decided from its own summary. */
function printBranchReview(out: CommandContext['out'], units: readonly Unit[], story: DemoBranchReport): void {
  const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const decided = story.decisions.map(
    (d) => `${nameOf(d.branchId)} duyệt báo cáo của ${nameOf(d.unitId)} (${formatIctDateTime(d.at)})`,
  );
  out.print('');
  out.print(
    `Chi đoàn báo cáo "${story.spec.title}" (hạn ${formatIctDateTime(periodsOf(story.spec)[0]?.due ?? story.issuedAt)}): ${n(story.sends.length)} chi đoàn đã gửi. ${decided.join('; ')}. Mỗi cơ sở Đoàn duyệt báo cáo của các chi đoàn trực thuộc ở trang "Duyệt báo cáo" của bảng tổng hợp riêng.`,
  );
}

function printParentCheck(out: CommandContext['out'], units: readonly Unit[], story: DemoBranchReport): void {
  const names = story.sends.map((s) => units.find((u) => u.id === s.unitId)?.name ?? s.unitId);
  out.print(
    `Cơ sở Đoàn nhập "${story.spec.title}" về các chi đoàn trực thuộc (Đối tượng: Cấp trên của Chi đoàn, hạn ${formatIctDateTime(periodsOf(story.spec)[0]?.due ?? story.issuedAt)}) trong tệp của mình: ${names.join(', ')}. Dòng ghi chi đoàn không trực thuộc cơ sở bị từ chối, kèm danh sách chi đoàn của cơ sở (xem trang Lỗi dữ liệu).`,
  );
}

/** A path as the person at the terminal reads it: relative to where they are, or whole when it lies elsewhere. */
function relative(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
}
