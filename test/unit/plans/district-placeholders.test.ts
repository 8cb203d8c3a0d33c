import { describe, expect, it } from 'vitest';
import {
  BLANK_PLACEHOLDER,
  fillDistrictPlaceholders,
  localizePlan,
} from '../../../functions/src/domain/plans/district-placeholders.js';
import { BUILTIN_FORMS } from '../../support/forms.js';

const QUAN_1 = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'vp@quandoan1.example',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0283 822 1234',
};
const UNSET = { districtName: '', officeEmail: '', contactName: '', contactPhone: '' };

describe('fillDistrictPlaceholders', () => {
  it.each([
    ['gửi về {Tên đơn vị tổng hợp} ({Email văn phòng}).', QUAN_1, 'gửi về Quận Đoàn 1 (vp@quandoan1.example).'],
    ['liên hệ {cán bộ phụ trách}, {SỐ ĐIỆN THOẠI LIÊN HỆ}', QUAN_1, 'liên hệ Lê Ánh Hồng, 0283 822 1234'],
    ['gửi về {Tên đơn vị tổng hợp} ({Email văn phòng}).', UNSET, `gửi về ${BLANK_PLACEHOLDER}.`],
    ['{Không phải cài đặt} giữ nguyên', QUAN_1, '{Không phải cài đặt} giữ nguyên'],
    ['không có chỗ trống', QUAN_1, 'không có chỗ trống'],
  ])('%s', (text, settings, expected) => {
    expect(fillDistrictPlaceholders(text, settings)).toBe(expected);
  });
});

describe('localizePlan', () => {
  it("leaves no placeholder in any catalog plan's issuer, title, description or column help", () => {
    for (const spec of BUILTIN_FORMS.map((s) => localizePlan(s, QUAN_1))) {
      const texts = [spec.issuer, spec.title, spec.description ?? '', ...spec.columns.map((c) => c.help ?? '')];
      expect(
        texts.filter((t) => /\{[^}]*\}/.test(t)),
        spec.id,
      ).toEqual([]);
    }
  });

  it('names the district where the catalog had a locality', () => {
    const spec = localizePlan(BUILTIN_FORMS.find((s) => s.id === 'ke-hoach-nho-65-nam') ?? BUILTIN_FORMS[0]!, QUAN_1);
    expect(spec.issuer).toBe('Hội đồng Đội – Quận Đoàn 1');
    expect(spec.description).toContain('về Quận Đoàn 1 (vp@quandoan1.example) trước ngày 14/12/2023');
  });
});
