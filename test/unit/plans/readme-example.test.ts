import { expect, it } from 'vitest';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
const t = (name: string, rows: unknown[][]) => ({
  name,
  rows: rows.map((cells, i) => ({ rowNumber: i + 1, cells: cells as never })),
});
/** The worked example of docs/ke-hoach.md "Ban hành một kế hoạch mới", typed as district staff would: it must read without a problem. */
it('the docs/ke-hoach.md example plan reads without a problem, with the types it names', () => {
  const r = readPlanTabs([
    t('Biểu mẫu', [
      [
        'Mã biểu mẫu',
        'Tên biểu mẫu',
        'Cơ quan ban hành',
        'Loại',
        'Trang tính',
        'Kỳ báo cáo',
        'Hạn nộp',
        'Giờ hạn',
        'Đối tượng',
        'Nhắc trước (ngày)',
        'Trạng thái',
      ],
      [
        'ngay-hoi-doc-sach-2024',
        'Báo cáo Ngày hội đọc sách',
        'Hội đồng Đội Quận 1',
        'Báo cáo',
        'Ngày hội đọc sách',
        'Một lần',
        '28/10/2024',
        '17:00',
        'Liên đội',
        3,
        'Đang áp dụng',
      ],
    ]),
    t('Cột biểu mẫu', [
      ['Mã biểu mẫu', 'Thứ tự', 'Tiêu đề cột', 'Tên khác', 'Kiểu', 'Bắt buộc', 'Danh mục', 'Nhỏ nhất', 'Hướng dẫn'],
      ['ngay-hoi-doc-sach-2024', 1, 'Ngày tổ chức', 'Ngày', 'Ngày', 'Có', null, null, 'ví dụ 20/10/2024'],
      ['ngay-hoi-doc-sach-2024', 2, 'Giờ bắt đầu', 'Giờ', 'Giờ', null, null, null, 'ví dụ 14g00'],
      ['ngay-hoi-doc-sach-2024', 3, 'Hình thức', null, 'Lựa chọn', 'Có', 'Hình thức đọc sách', null, null],
      ['ngay-hoi-doc-sach-2024', 4, 'Số đội viên tham gia', 'Số ĐV', 'Số nguyên', 'Có', null, 0, null],
      ['ngay-hoi-doc-sach-2024', 5, 'Kinh phí', null, 'Số tiền', null, null, 0, 'ví dụ 1.900.000'],
    ]),
    t('Danh mục lựa chọn', [
      ['Danh mục', 'Giá trị', 'Tên khác'],
      ['Hình thức đọc sách', 'Trực tiếp', null],
      ['Hình thức đọc sách', 'Trực tuyến', 'online'],
    ]),
  ]);
  expect(r.problems.map((p) => p.message)).toEqual([]);
  expect(r.plans[0]?.columns.map((c) => c.type)).toEqual(['date', 'time', 'enum', 'int', 'money']);
});
