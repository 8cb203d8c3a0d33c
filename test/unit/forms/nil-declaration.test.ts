import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm, type CompiledForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readFormTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { buildSubmissions } from '../../../functions/src/domain/submissions/build-submissions.js';

const BAO_CAO_HEADER = [
  'STT',
  'Tháng',
  'Tuần',
  'Địa điểm tổ chức',
  'Số lượng ĐVTN tham gia',
  'Nội dung tổ chức',
  'Hình thức tổ chức',
  'Kết quả hoạt động',
  'Tình trạng (hệ thống ghi)',
];
const TAP_HUAN_HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Giới tính', 'Ngày sinh', 'Số điện thoại'];
const DATA_ROW: RawCell[] = [1, '6/2021', 1, 'Hội trường', 20, 'Vệ sinh', 'Lao động', 'Tốt'];

let baoCao: CompiledForm;
let tapHuan: CompiledForm;

beforeAll(async () => {
  const forms = await loadBuiltinForms();
  const byId = (id: string) => compileForm(forms.find((f) => f.id === id) ?? (undefined as never));
  baoCao = byId('30-phut-bao-cao');
  tapHuan = byId('tap-huan-2024');
});

const tab = (header: RawCell[], ...rows: RawCell[][]) => ({
  name: 'x',
  rows: [header, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })),
});

describe('"Không phát sinh" declarations', () => {
  it.each<[string, RawCell[]]>([
    ['in the content column with the month', [1, '7/2021', null, null, null, 'Không phát sinh']],
    ['without accents, in another column', [null, 'Tháng 7/2021', null, 'khong phat sinh']],
    [
      'in capitals and NFD, next to an old status text',
      [2, '7/2021', null, null, null, 'KHÔNG PHÁT SINH'.normalize('NFD'), null, null, '✓ Hợp lệ'],
    ],
  ])('a monthly row %s declares nothing to report for that month', (_label, row) => {
    const reading = readFormTab(baoCao, tab(BAO_CAO_HEADER, row));
    expect(reading.nil).toEqual([expect.objectContaining({ rowNumber: 2, periodId: '2021-07' })]);
    expect([reading.valid.length, reading.rejected.length, reading.rowsRead]).toEqual([0, 0, 1]);
    const [submission] = buildSubmissions(baoCao.spec, 'u', reading);
    expect(submission).toMatchObject({
      periodId: '2021-07',
      nil: true,
      complete: true,
      nilRows: [2],
      counts: { read: 1, valid: 1, rejected: 0, nil: 1 },
    });
  });

  it('needs the month on a monthly report, and says so', () => {
    const reading = readFormTab(baoCao, tab(BAO_CAO_HEADER, [null, null, null, null, null, 'Không phát sinh']));
    expect(reading.nil).toEqual([]);
    expect(reading.rejected[0]?.errors[0]?.message).toBe(
      "Dòng 2, cột 'Tháng': chưa nhập (cột bắt buộc) (dòng ghi 'Không phát sinh' cần cho biết kỳ báo cáo).",
    );
  });

  it('is rejected when the same month also has rows, which are kept', () => {
    const reading = readFormTab(
      baoCao,
      tab(BAO_CAO_HEADER, DATA_ROW, [2, '6/2021', null, null, null, 'Không phát sinh']),
    );
    const [submission] = buildSubmissions(baoCao.spec, 'u', reading);
    expect(submission).toMatchObject({
      nil: false,
      complete: false,
      counts: { read: 2, valid: 1, rejected: 1, nil: 0 },
    });
    expect(submission?.rejected[0]?.errors[0]?.message).toContain(
      "Dòng 3: kỳ này đã có số liệu nên không ghi 'Không phát sinh' được",
    );
  });

  it('is not a declaration when the row holds anything else', () => {
    const reading = readFormTab(baoCao, tab(BAO_CAO_HEADER, [1, '7/2021', 2, 'Hội trường', null, 'Không phát sinh']));
    expect(reading.nil).toEqual([]);
    expect(reading.rejected).toHaveLength(1);
  });

  it('works on a one-off registration: the school sends nobody', () => {
    const reading = readFormTab(tapHuan, tab(TAP_HUAN_HEADER, [null, 'Không phát sinh']));
    const [submission] = buildSubmissions(tapHuan.spec, 'u', reading);
    expect(submission).toMatchObject({ periodId: 'mot-lan', nil: true, complete: true, rows: [] });
  });
});
