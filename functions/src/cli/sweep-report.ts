import Table from 'cli-table3';
import { formatVietnameseNumber as n } from '../domain/cells/number-format.js';
import { solvedByAddedTab } from '../domain/feedback/plans-to-roll-out.js';
import { isDueBy } from '../domain/periods/schedule.js';
import { sharedSourceLabel } from '../domain/shared/shared-source.js';
import { ROLL_OUT } from './messages.js';
import type { SweepRun } from './run-sweep.js';
import type { Output } from './output.js';
import { COMPACT_TABLE } from './table-style.js';

const MAX_PROBLEM_LINES = 20;

/** The person's view of a run: what the sweep did, where each plan stands, what to fix, where the summary is. */
export function printSweepReport(out: Output, run: SweepRun): void {
  if (run.result) printSweepTable(out, run);
  printStanding(out, run);
  printProblems(out, run);
  const { summary } = run;
  out.print('');
  out.print(
    `Thống kê: ${n(summary.statsComputed)} kỳ báo cáo, ${n(summary.statsWritten)} bản thống kê mới ghi vào Firestore.`,
  );
  if (summary.summary)
    out.print(`Bảng tổng hợp: ${summary.summary.location} (${summary.summary.written ? 'đã cập nhật' : 'không đổi'}).`);
  for (const branch of summary.branchSummaries)
    out.print(
      `Bảng tổng hợp của cơ sở Đoàn '${branch.unitId}': ${branch.location} (${branch.written ? 'đã cập nhật' : 'không đổi'}).`,
    );
  const fb = summary.feedback;
  out.print(
    fb.unitsWritten > 0
      ? `Đã ghi tình trạng từng dòng và trang "Tình hình nộp" vào ${n(fb.unitsWritten)} tệp đơn vị (${n(fb.cellsWritten)} ô).`
      : 'Tình trạng từng dòng trong tệp của các đơn vị: không có gì cần ghi thêm.',
  );
  if (fb.tabsAdded.length > 0) out.print(ROLL_OUT.tabsAdded(n(fb.tabsAdded.length)));
  if (fb.unitsMovedOn > 0)
    out.print(`${n(fb.unitsMovedOn)} tệp đã thay đổi sau lần quét: sẽ ghi tình trạng ở lần quét sau.`);
  for (const { message } of fb.refused) out.print(`  ✗ Không ghi được tình trạng: ${message}`);
  if (run.requests) {
    const { requests, retries } = run.requests;
    out.print(
      `Google: ${n(requests.read)} lượt đọc, ${n(requests.write)} lượt ghi Trang tính, ${n(requests.drive)} lượt Drive; ${n(retries)} lần thử lại.`,
    );
  }
}

function printSweepTable(out: Output, run: SweepRun): void {
  const result = run.result;
  if (!result) return;
  const { totals, units, sweepId } = result;
  const current = units.map((u) => u.current);
  const stored = current.reduce(
    (sum, c) => ({ valid: sum.valid + c.counts.valid, rejected: sum.rejected + c.counts.rejected }),
    { valid: 0, rejected: 0 },
  );
  const table = new Table({ ...COMPACT_TABLE, head: ['', 'Lần chạy này', 'Hiện có'] });
  table.push(
    ['Đơn vị trong danh sách', n(totals.units), n(totals.units)],
    ['Đơn vị đọc tệp', n(totals.unitsRead), n(current.filter((c) => c.status === 'ok').length)],
    ['Đơn vị không đổi (bỏ qua)', n(totals.unitsUnchanged), ''],
    ['Đơn vị chưa gửi tệp', n(totals.unitsMissing), n(current.filter((c) => c.status === 'missing').length)],
    ['Tệp không đọc được', n(totals.unitsUnreadable), n(current.filter((c) => c.status === 'unreadable').length)],
    ['Dòng hợp lệ', n(totals.rowsValid), n(stored.valid)],
    ['Dòng bị từ chối', n(totals.rowsRejected), n(stored.rejected)],
    ['Bài nộp ghi vào Firestore', n(totals.submissionsWritten), ''],
    ['Tổng số lần ghi Firestore', n(totals.writes), ''],
  );
  out.print(table.toString());
  out.print(
    totals.writes === 0
      ? 'Không có gì thay đổi kể từ lần quét trước: không ghi gì vào Firestore.'
      : `Đã ghi nhật ký lần quét: sweeps/${sweepId}`,
  );
}

/** Per plan, its latest period already due (or the latest started): counts and rates. */
function printStanding(out: Output, run: SweepRun): void {
  const { periods, now } = run.summary.picture;
  const latest = new Map<string, (typeof periods)[number]>();
  for (const entry of periods) {
    const kept = latest.get(entry.spec.id);
    if (!kept || isDueBy(entry.period, now) || !isDueBy(kept.period, now)) latest.set(entry.spec.id, entry);
  }
  if (latest.size === 0) return;
  const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);
  const table = new Table({
    ...COMPACT_TABLE,
    head: ['Biểu mẫu', 'Kỳ', 'Phải nộp', 'Nộp đủ', 'Đúng hạn', 'Chưa đạt', 'Chưa nộp', 'Tỉ lệ nộp đủ'],
  });
  for (const { spec, period, stats } of latest.values()) {
    const g = stats.overall;
    table.push([
      spec.tab,
      period.label,
      n(g.expected),
      n(g.complete),
      n(g.onTime),
      n(g.partial),
      n(g.missing),
      pct(g.rates.completeness),
    ]);
  }
  out.print('');
  out.print('Tình hình nộp (kỳ gần nhất của mỗi biểu mẫu):');
  out.print(table.toString());
}

function printProblems(out: Output, run: SweepRun): void {
  const nameOf = new Map(run.control.units.map((u) => [u.id, u.name]));
  // A tab this run just added to the unit's workbook is no longer missing: its "chưa có trang" is not for anyone to fix.
  const solved = solvedByAddedTab(run.summary.feedback.tabsAdded);
  const unitLines = (run.result?.units ?? []).flatMap((u) => {
    const who = `${nameOf.get(u.unitId) ?? sharedSourceLabel(u.unitId, run.forms) ?? u.unitId} (${u.unitId})`;
    const stillToFix = u.problems.filter(
      (p) => p.severity === 'error' && !solved({ unitId: u.unitId, formId: p.formId }),
    );
    const problems = stillToFix.map((p) => `${who}: ${p.message}`);
    const rejected = u.current.counts.rejected;
    if (rejected > 0)
      problems.push(
        `${who}: ${n(rejected)} dòng bị từ chối — xem lỗi từng dòng: npx tonghop inspect --unit ${u.unitId}`,
      );
    return problems;
  });
  const lines = [...run.control.problems.map((p) => `Bảng điều khiển: ${p}`), ...unitLines];
  if (lines.length === 0) return;
  out.print('');
  out.print(`Cần xử lý (${n(lines.length)}):`);
  for (const line of lines.slice(0, MAX_PROBLEM_LINES)) out.print(`  - ${line}`);
  if (lines.length > MAX_PROBLEM_LINES)
    out.print(
      `  … và ${n(lines.length - MAX_PROBLEM_LINES)} mục khác (xem trang "Lỗi dữ liệu" của bảng tổng hợp, hoặc: npx tonghop inspect).`,
    );
}

/** The machine-readable result of a run (--json). */
export function sweepRunJson(run: SweepRun): Record<string, unknown> {
  const { summary } = run;
  return {
    sweepId: run.result?.sweepId ?? null,
    totals: run.result?.totals ?? null,
    units: run.result?.units ?? null,
    controlProblems: run.control.problems,
    firestore: run.firestore,
    stats: { computed: summary.statsComputed, written: summary.statsWritten },
    summary: summary.summary ?? null,
    branchSummaries: summary.branchSummaries,
    feedback: summary.feedback,
    googleRequests: run.requests ?? null,
    standing: summary.picture.periods.map(({ spec, period, stats }) => ({
      formId: spec.id,
      periodId: period.id,
      ...stats.overall,
    })),
  };
}
