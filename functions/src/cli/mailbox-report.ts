import Table from 'cli-table3';
import { formatVietnameseNumber as n } from '../domain/cells/number-format.js';
import type { MailboxRun } from '../app/run-mailbox.js';
import type { MessageOutcome } from '../jobs/mailbox/process-mailbox.js';
import type { Output } from './output.js';
import { COMPACT_TABLE } from './table-style.js';

const RESULT_LABELS: Readonly<Record<MessageOutcome['result'], string>> = {
  ingested: 'đã ghi nhận',
  'unknown-sender': 'không rõ đơn vị gửi: không lưu gì',
  'nothing-readable': 'không có tệp .xlsx đọc được',
  'already-done': 'đã xử lý ở lượt trước',
  'reply-failed': 'chưa gửi được thư trả lời: thử lại ở lượt sau',
  'no-reply-address': 'thư không có địa chỉ người gửi',
};

const REPLY_LABELS: Readonly<Record<MessageOutcome['reply'], string>> = {
  sent: 'đã trả lời',
  earlier: 'đã trả lời trước đó',
  unknown: 'lượt trước dừng giữa chừng: không gửi lại',
  none: 'không trả lời',
  failed: 'lỗi gửi',
};

/** One line per message: unit, result, rows, reply. No address or subject (personal data). */
export function printMailboxReport(out: Output, run: MailboxRun, names: ReadonlyMap<string, string>): void {
  const { messages } = run.result;
  out.print('');
  out.print(`Đọc ${run.mailbox}: ${n(messages.length)} thư mới; thư trả lời qua ${run.mailer}.`);
  if (messages.length === 0) return;
  const table = new Table({
    ...COMPACT_TABLE,
    head: ['Thư', 'Đơn vị', 'Kết quả', 'Dòng hợp lệ', 'Dòng lỗi', 'Trả lời'],
  });
  for (const m of messages) {
    table.push([
      m.key.slice(0, 8),
      m.unitId ? (names.get(m.unitId) ?? m.unitId) : '—',
      RESULT_LABELS[m.result],
      n(m.rowsValid),
      n(m.rowsRejected),
      REPLY_LABELS[m.reply],
    ]);
  }
  out.print(table.toString());
  if (run.result.stoppedBy) out.print('Máy chủ thư lỗi: các thư còn lại được xử lý ở lượt sau.');
}
