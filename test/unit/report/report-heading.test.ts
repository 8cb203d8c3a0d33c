import { describe, expect, it } from 'vitest';
import { administrativeDate, placeOf, reportHeading } from '../../../functions/src/domain/report/report-heading.js';
import type { DistrictSettings } from '../../../functions/src/domain/units/read-control.js';

const BASE: DistrictSettings = { districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' };

describe('administrativeDate: Nghị định 30 dates in Asia/Ho_Chi_Minh', () => {
  it.each<[string, string]>([
    ['2026-12-03T05:00:00Z', 'ngày 03 tháng 12 năm 2026'],
    // 20:00 UTC on the 2nd is already the 3rd in Vietnam.
    ['2026-12-02T20:00:00Z', 'ngày 03 tháng 12 năm 2026'],
    ['2024-01-15T03:00:00Z', 'ngày 15 tháng 01 năm 2024'],
    ['2024-02-09T03:00:00Z', 'ngày 09 tháng 02 năm 2024'],
    ['2024-03-09T03:00:00Z', 'ngày 09 tháng 3 năm 2024'],
  ])('%s → %s', (instant, text) => {
    expect(administrativeDate(new Date(instant))).toBe(text);
  });
});

describe('placeOf: where a district dates its documents', () => {
  it.each<[string, string]>([
    ['Quận Đoàn 1', 'Quận 1'],
    ['Quận đoàn 8', 'Quận 8'],
    ['Huyện Đoàn Cần Giờ', 'Huyện Cần Giờ'],
    ['Thành phố Đoàn Thủ Đức', 'Thành phố Thủ Đức'],
    ['Đoàn Khối các cơ quan', 'Đoàn Khối các cơ quan'],
  ])('%s → %s', (district, place) => {
    expect(placeOf(district)).toBe(place);
  });
});

describe('reportHeading: the district settings, defaults where blank', () => {
  const now = new Date('2026-12-03T05:00:00Z');

  it('a Quận Đoàn with nothing set: Đoàn header, number under the issuer, Thành Đoàn informed', () => {
    expect(reportHeading(BASE, now)).toEqual({
      parentBody: '',
      issuerName: 'QUẬN ĐOÀN 1',
      rightLines: ['ĐOÀN TNCS HỒ CHÍ MINH'],
      numberLine: 'Số:        -BC/ĐTN',
      placeDate: 'Quận 1, ngày 03 tháng 12 năm 2026',
      issuerInText: 'Quận Đoàn 1',
      signingAuthority: 'TM. BAN THƯỜNG VỤ',
      signerTitle: 'BÍ THƯ',
      signerName: '',
      recipients: ['Thành Đoàn (để b/c)', 'Lưu VP'],
    });
  });

  it('what the district set wins, upper-cased where the format wants capitals', () => {
    const heading = reportHeading(
      {
        ...BASE,
        parentBody: 'Thành Đoàn TP. Hồ Chí Minh',
        issuerName: 'Ban Chấp hành Đoàn Quận 1',
        documentCode: 'QĐ1',
        signerTitle: 'Phó Bí thư',
        signerName: 'Nguyễn Văn A',
        recipients: '- Ban Thường vụ Thành Đoàn (để b/c);\n- Văn phòng Thành Đoàn; Lưu VP.',
      },
      now,
    );
    expect(heading).toMatchObject({
      parentBody: 'THÀNH ĐOÀN TP. HỒ CHÍ MINH',
      issuerName: 'BAN CHẤP HÀNH ĐOÀN QUẬN 1',
      numberLine: 'Số:        -BC/QĐ1',
      signerTitle: 'PHÓ BÍ THƯ',
      signerName: 'Nguyễn Văn A',
      recipients: ['Ban Thường vụ Thành Đoàn (để b/c)', 'Văn phòng Thành Đoàn', 'Lưu VP'],
    });
  });

  it('a state body: quốc hiệu and tiêu ngữ at the top right, "Số: …/BC-…"', () => {
    const heading = reportHeading(
      { ...BASE, headerRight: 'Cộng hòa xã hội chủ nghĩa Việt Nam', documentCode: 'UBND' },
      now,
    );
    expect(heading.rightLines).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(heading.numberLine).toBe('Số:        /BC-UBND');
  });
});
