import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { builtinForm } from '../../support/forms.js';

const TAP_HUAN = compileForm(builtinForm('tap-huan-2024'));
const ROW = 7;

function registration(cells: Record<string, RawCell>): Record<string, RawCell> {
  return {
    stt: 1,
    hoTen: 'Nguyễn Thị Mai',
    chucVu: 'Tổng phụ trách Đội',
    ngaySinh: '15/09/1990',
    soDienThoai: '0983.018.027',
    ...cells,
  };
}

describe('compileForm: notes on cells the parsers interpreted', () => {
  it('a row read as typed has no notes at all (stored exactly as before)', () => {
    const outcome = TAP_HUAN.validateRow(ROW, registration({}));
    expect(outcome.ok).toBe(true);
    expect(outcome).not.toHaveProperty('notes');
  });

  it('one interpreted cell gives one note named by its column header', () => {
    const outcome = TAP_HUAN.validateRow(ROW, registration({ soDienThoai: 'ĐT: 0983 018 027 (Zalo)' }));
    expect(outcome).toMatchObject({
      ok: true,
      values: { soDienThoai: '0983018027' },
      notes: [{ column: 'Số điện thoại', note: 'đã hiểu SĐT là 0983 018 027' }],
    });
  });

  it('several interpreted cells give notes in the order of the columns', () => {
    const outcome = TAP_HUAN.validateRow(ROW, registration({ soDienThoai: '0168 901 2345', ngaySinh: '12/3/90' }));
    expect(outcome.ok && outcome.notes).toEqual([
      { column: 'Ngày sinh', note: 'đã hiểu năm là 1990' },
      { column: 'Số điện thoại', note: 'đã đổi số cũ 0168 901 2345 thành 0389 012 345' },
    ]);
    expect(outcome.ok && outcome.values).toMatchObject({ ngaySinh: '1990-03-12', soDienThoai: '0389012345' });
  });

  it('a rejected row carries its errors, not notes', () => {
    const outcome = TAP_HUAN.validateRow(
      ROW,
      registration({ soDienThoai: '0983018027 - 0912345678', ngaySinh: '12/3/90' }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome).not.toHaveProperty('notes');
    expect(!outcome.ok && outcome.errors.map((e) => e.message)).toEqual([
      "Dòng 7, cột 'Số điện thoại': '0983018027 - 0912345678' có 2 số điện thoại (0983 018 027 và 0912 345 678); hãy để một số trong ô này.",
    ]);
  });
});
