import { cleanText } from '../cells/fold.js';
import { ictDateOf } from '../time/ict.js';
import type { DistrictSettings } from '../units/read-control.js';
import { pad2 } from '../time/calendar.js';

/**
 * The parts of a report set by the district ("Thông tin chung"), with the defaults of a Quận Đoàn
 * document: Đoàn documents (Hướng dẫn thể thức văn bản của Đoàn, as in plan 21-KH/ĐTN-BTC of Quận
 * đoàn 8) put "ĐOÀN TNCS HỒ CHÍ MINH" at the top right and the number under the issuer, on the left;
 * a state body's right block is the quốc hiệu and tiêu ngữ (Nghị định 30/2020/NĐ-CP).
 */
export interface ReportHeading {
  /** The managing body above the issuer, upper case; '' when the district sets none (the decree: "nếu có"). */
  readonly parentBody: string;
  /** The issuing body, upper case, e.g. "BAN CHẤP HÀNH ĐOÀN QUẬN 1". */
  readonly issuerName: string;
  /** Top right: "ĐOÀN TNCS HỒ CHÍ MINH", or the quốc hiệu followed by the tiêu ngữ. */
  readonly rightLines: readonly string[];
  /** "Số:     -BC/ĐTN": the number is left blank for the office to fill when it issues the report. */
  readonly numberLine: string;
  /** "Quận 1, ngày 03 tháng 12 năm 2026". */
  readonly placeDate: string;
  /** The issuer as the body text names it: the district's name, "Quận Đoàn 1". */
  readonly issuerInText: string;
  readonly signingAuthority: string;
  readonly signerTitle: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
}

export const DOAN_HEADER = 'ĐOÀN TNCS HỒ CHÍ MINH';
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The report's heading, signature and recipients from the district settings, defaults filling what is blank. */
export function reportHeading(settings: DistrictSettings, now: Date): ReportHeading {
  const set = (value: string | undefined) => cleanText(value ?? '');
  const districtName = set(settings.districtName) || 'Quận Đoàn';
  const issuerName = upper(set(settings.issuerName) || districtName);
  const right = upper(set(settings.headerRight) || DOAN_HEADER);
  const isState = right === upper(NATIONAL_TITLE);
  const code = set(settings.documentCode) || (isState ? 'QĐ' : 'ĐTN');
  const recipients = (set(settings.recipients) || 'Thành Đoàn (để b/c); Lưu VP')
    .split(/[;\n]/)
    .map((r) =>
      r
        .trim()
        .replace(/^[-–+]\s*/, '')
        .replace(/[.;]+$/, ''),
    )
    .filter((r) => r !== '');
  return {
    parentBody: upper(set(settings.parentBody)),
    issuerName,
    rightLines: isState ? [NATIONAL_TITLE, NATIONAL_MOTTO] : [right],
    // Đoàn: "Số: 21-KH/ĐTN"; state bodies (Nghị định 30): "Số: 21/BC-UBND".
    numberLine: isState ? `Số:        /BC-${code}` : `Số:        -BC/${code}`,
    placeDate: `${set(settings.place) || placeOf(districtName)}, ${administrativeDate(now)}`,
    issuerInText: districtName,
    signingAuthority: upper(set(settings.signingAuthority) || 'TM. BAN THƯỜNG VỤ'),
    signerTitle: upper(set(settings.signerTitle) || 'BÍ THƯ'),
    signerName: set(settings.signerName),
    recipients,
  };
}

/**
 * A date as Nghị định 30 writes it, in Asia/Ho_Chi_Minh: "ngày 03 tháng 12 năm 2026"
 * (a 0 before days under 10 and before months 1 and 2).
 */
export function administrativeDate(now: Date): string {
  const [year, month, day] = ictDateOf(now).split('-').map(Number) as [number, number, number];
  const dd = pad2(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** The place a district's documents are dated from: "Quận Đoàn 1" → "Quận 1", "Huyện Đoàn Cần Giờ" → "Huyện Cần Giờ". */
export function placeOf(districtName: string): string {
  const m = /^(Quận|Huyện|Thị xã|Thành phố)\s+(?:đoàn|Đoàn)\s+(.+)$/u.exec(districtName);
  return m ? `${m[1]} ${m[2]}` : districtName;
}

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}
