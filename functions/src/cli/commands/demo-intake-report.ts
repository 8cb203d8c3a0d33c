import path from 'node:path';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { formatIctDateTime } from '../../domain/time/ict.js';
import type { Unit } from '../../domain/units/unit.js';
import { SHARED_BOOK_FILE, type DemoIntake } from '../../demo/demo-intake.js';
import type { Output } from '../output.js';

/** Where to look for the demo's "Bấm nộp" and shared-link stories (printed once, when the demo is created). */
export function printDemoIntake(out: Output, intake: DemoIntake, units: readonly Unit[], unitsDir: string): void {
  const { explicit, shared } = intake;
  const unit = units.find((u) => u.id === explicit.unitId);
  const rel = path.relative(process.cwd(), unitsDir);
  const folder = rel === '' ? '.' : rel.startsWith('..') ? unitsDir : rel;
  out.print('');
  out.print('Các cách nộp báo cáo trong bản mẫu:');
  out.print(
    `  - "Bấm nộp": ${unit?.name ?? explicit.unitId} chọn "Có" ở ô "Nộp báo cáo" của trang "${explicit.spec.tab}" lúc ${formatIctDateTime(explicit.submittedAt)} (đã nộp, số liệu được tính), ` +
      `rồi thêm một dòng lúc ${formatIctDateTime(explicit.editedAt)} mà chưa nộp lại: trang "Tình hình nộp" của ${path.join(folder, unit?.source ?? '')} ghi "Bản nháp chưa nộp", thống kê vẫn dùng bản đã nộp.`,
  );
  out.print(
    `  - Một đường link đăng ký chung (${shared.spec.tab}): ${n(shared.rows.length)} câu trả lời trong ${path.join(folder, SHARED_BOOK_FILE)}, mỗi dòng ghi tên trường ở cột "Đơn vị" (có dòng gõ không dấu), ` +
      `được chia cho ${n(shared.unitIds.length)} Liên đội; dòng ghi "${shared.strangerName}" không có trong danh sách đơn vị nên không được tính, cột tình trạng cuối bảng ghi các tên gần nhất.`,
  );
  out.print(
    '  - Thư gửi kèm tệp Excel: hộp thư mẫu là một thư mục tệp .eml (có một thư của người không có trong danh sách); kết quả đọc ngay dưới đây.',
  );
}
