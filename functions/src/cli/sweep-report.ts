import Table from 'cli-table3';
import { formatVietnameseNumber as n } from '../domain/cells/number-format.js';
import type { SweepRun } from './run-sweep.js';
import type { Output } from './output.js';
import { COMPACT_TABLE } from './table-style.js';

const MAX_PROBLEM_LINES = 20;

/** The person's view of a sweep: what this run did, where the district stands, what to fix. */
export function printSweepReport(out: Output, run: SweepRun): void {
  const { totals, units, sweepId } = run.result;
  const current = units.map((u) => u.current);
  const stored = current.reduce((sum, c) => ({ valid: sum.valid + c.counts.valid, rejected: sum.rejected + c.counts.rejected }), { valid: 0, rejected: 0 });
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
  if (totals.writes === 0) {
    out.print('Không có gì thay đổi kể từ lần quét trước: không ghi gì vào Firestore.');
  } else {
    out.print(`Đã ghi nhật ký lần quét: sweeps/${sweepId}`);
  }
  printProblems(out, run);
}

function printProblems(out: Output, run: SweepRun): void {
  const nameOf = new Map(run.control.units.map((u) => [u.id, u.name]));
  const lines = [
    ...run.control.problems.map((p) => `Bảng điều khiển: ${p}`),
    ...run.result.units.flatMap((u) => {
      const who = `${nameOf.get(u.unitId) ?? u.unitId} (${u.unitId})`;
      const problems = u.problems.filter((p) => p.severity === 'error').map((p) => `${who}: ${p.message}`);
      const rejected = u.current.counts.rejected;
      if (rejected > 0) problems.push(`${who}: ${n(rejected)} dòng bị từ chối — xem lỗi từng dòng: npx tonghop inspect --unit ${u.unitId}`);
      return problems;
    }),
  ];
  if (lines.length === 0) return;
  out.print('');
  out.print(`Cần xử lý (${n(lines.length)}):`);
  for (const line of lines.slice(0, MAX_PROBLEM_LINES)) out.print(`  - ${line}`);
  if (lines.length > MAX_PROBLEM_LINES) out.print(`  … và ${n(lines.length - MAX_PROBLEM_LINES)} mục khác (xem: npx tonghop inspect).`);
}
