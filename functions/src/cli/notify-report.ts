import path from 'node:path';
import Table from 'cli-table3';
import { formatVietnameseNumber as n } from '../domain/cells/number-format.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { STAGE_LABELS } from '../domain/notices/notice-kinds.js';
import { REVIEW_LABELS } from '../domain/review/review-decision.js';
import { periodLabel } from '../domain/periods/period-id.js';
import type { NotifyRun } from '../app/run-notify.js';
import type { Output } from './output.js';
import { COMPACT_TABLE } from './table-style.js';
import { NOTIFY } from './messages.js';

const MAX_LINES = 25;
const MAX_OUTBOX_LINES = 60;

/** What a notify run sent (or would send), what it held back and why, and where the mail is. */
export function printNotifyReport(
  out: Output,
  run: NotifyRun,
  names: ReadonlyMap<string, string>,
  forms: readonly FormSpec[],
): void {
  const { result } = run;
  out.print('');
  if (result.quiet) out.print('Ngoài giờ gửi thư: lượt này không gửi gì.');
  const table = new Table({ ...COMPACT_TABLE, head: ['Đơn vị', 'Biểu mẫu · Kỳ', 'Bước', 'Kết quả'] });
  for (const o of result.outcomes.slice(0, MAX_LINES)) {
    const outcome =
      o.result === 'sent'
        ? 'đã gửi'
        : o.result === 'would-send'
          ? 'sẽ gửi (chạy thử)'
          : o.result === 'failed'
            ? `lỗi: ${o.error}`
            : `bỏ qua: ${o.reason}`;
    const spec = forms.find((f) => f.id === o.notice.formId);
    const what = spec
      ? `${spec.tab} · ${periodLabel(spec, o.notice.periodId)}`
      : `${o.notice.formId} · ${o.notice.periodId}`;
    table.push([names.get(o.notice.unitId) ?? o.notice.unitId, what, STAGE_LABELS[o.notice.stage], outcome]);
  }
  const sent = result.outcomes.filter((o) => o.result === 'sent').length;
  out.print(
    `Thư nhắc (${run.mailer}): ${n(sent)} đã gửi, ${n(result.outcomes.filter((o) => o.result === 'would-send').length)} sẽ gửi, ${n(result.outcomes.filter((o) => o.result === 'failed').length)} lỗi, ${n(result.suppressed.length)} không gửi.`,
  );
  if (result.outcomes.length > 0) out.print(table.toString());
  if (result.outcomes.length > MAX_LINES)
    out.print(`… và ${n(result.outcomes.length - MAX_LINES)} thư khác (xem --json).`);
  if (result.reviews.length > 0) {
    const word = { sent: 'đã gửi', 'would-send': 'sẽ gửi (chạy thử)', failed: 'lỗi', skipped: 'bỏ qua' } as const;
    out.print('Thư báo kết quả duyệt:');
    for (const o of result.reviews)
      out.print(
        `  - ${names.get(o.notice.unitId) ?? o.notice.unitId}: ${REVIEW_LABELS[o.notice.decision.decision]} — ${word[o.result]}${o.result === 'skipped' ? ` (${o.reason})` : ''}`,
      );
  }
  const reasons = new Map<string, number>();
  // "đã gửi lúc 7g30 16/09/2024" and the like group under their reason, whatever the time.
  for (const s of result.suppressed) {
    const reason = s.reason.replace(/ lúc .*$/, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  if (reasons.size > 0) {
    out.print('Không gửi, vì:');
    for (const [reason, count] of [...reasons.entries()].sort((a, b) => b[1] - a[1]))
      out.print(`  - ${reason}: ${n(count)}`);
  }
  const digest = {
    sent: 'đã gửi',
    'would-send': 'sẽ gửi (chạy thử)',
    'already-sent': 'đã gửi trước đó hôm nay',
    failed: 'lỗi',
    skipped: 'không gửi',
  }[result.digest.result];
  out.print(`Thư tổng hợp gửi Quận Đoàn: ${digest}${result.digest.reason ? ` (${result.digest.reason})` : ''}.`);
  if (run.outbox) {
    // The outbox numbers its files in sending order: this run's are the last ones it sent.
    const thisRun =
      sent + result.reviews.filter((o) => o.result === 'sent').length + (result.digest.result === 'sent' ? 1 : 0);
    const files = run.outbox.files.slice(Math.max(0, run.outbox.files.length - thisRun));
    const earlier = run.outbox.files.length - files.length;
    out.print(NOTIFY.outboxThisRun(run.outbox.dir, n(files.length)));
    for (const f of files.slice(0, MAX_OUTBOX_LINES)) out.print(`  - ${path.basename(f.file)} → ${f.to}: ${f.subject}`);
    if (files.length > MAX_OUTBOX_LINES)
      out.print(`  … và ${n(files.length - MAX_OUTBOX_LINES)} thư khác của lần chạy này (xem --json).`);
    if (earlier > 0) out.print(NOTIFY.outboxEarlier(n(earlier)));
  }
}
