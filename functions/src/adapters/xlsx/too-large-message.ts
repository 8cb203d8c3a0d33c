import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { columnLetter } from '../../domain/sheets/a1.js';
import type { XlsxRefusal } from '../workbook/xlsx-size-gate.js';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${n(Math.round(bytes / MB))} MB`;
const RESEND = 'rồi lưu lại dạng .xlsx và gửi lại';

/** The Vietnamese message a unit gets when its file is larger than it is allowed to be before parsing. */
export function fileTooLargeMessage(fileName: string, bytes: number, limit: number): string {
  return `Tệp '${fileName}' nặng ${mb(bytes)}, vượt giới hạn ${mb(limit)} mỗi tệp. Hãy xóa các trang, hình ảnh, dòng và cột thừa (kể cả ô chỉ có định dạng) hoặc tách báo cáo thành nhiều tệp, ${RESEND}.`;
}

/** The Vietnamese message for an .xlsx refused by the size gate: which limit, where, and what to do. */
export function tooLargeMessage(fileName: string, refusal: XlsxRefusal): string {
  const where = (tab: string) => `Trang '${tab}' trong tệp '${fileName}'`;
  switch (refusal.kind) {
    case 'unzipped':
      return `Tệp '${fileName}' khi giải nén lớn hơn ${mb(refusal.limit)}, vượt giới hạn của hệ thống (tệp có thể bị hỏng hoặc chứa quá nhiều dữ liệu). Hãy xóa các trang, hình ảnh, dòng và cột thừa, ${RESEND}.`;
    case 'part':
      return refusal.tab === undefined
        ? `Phần '${refusal.part}' trong tệp '${fileName}' khi giải nén lớn hơn ${mb(refusal.limit)}, vượt giới hạn của hệ thống. Hãy xóa hình ảnh, đối tượng nhúng và các trang thừa, ${RESEND}.`
        : `${where(refusal.tab)} khi giải nén lớn hơn ${mb(refusal.limit)}, vượt giới hạn mỗi trang. Hãy xóa các dòng, cột thừa hoặc các ô chứa văn bản quá dài, hoặc tách báo cáo, ${RESEND}.`;
    case 'shared-strings':
      return `Phần chữ của tệp '${fileName}' (nội dung các ô văn bản) lớn hơn ${mb(refusal.limit)}, vượt giới hạn của hệ thống. Hãy xóa các ô chứa văn bản quá dài hoặc các trang thừa, hoặc tách báo cáo, ${RESEND}.`;
    case 'rows':
      return `${where(refusal.tab)} có ${n(refusal.rows)} dòng, vượt giới hạn ${n(refusal.limit)} dòng mỗi trang. Hãy xóa các dòng thừa ở cuối trang (kể cả dòng chỉ có định dạng) hoặc tách báo cáo, rồi gửi lại.`;
    case 'columns':
      return `${where(refusal.tab)} có ô (dữ liệu hoặc định dạng) ở cột ${columnLetter(refusal.column - 1)} (cột thứ ${n(refusal.column)}), vượt giới hạn ${n(refusal.limit)} cột. Hãy xóa các cột thừa bên phải bảng (kể cả cột chỉ có định dạng), ${RESEND}.`;
    case 'cells':
      return `${where(refusal.tab)} có ${n(refusal.cells)} ô có dữ liệu hoặc định dạng, vượt giới hạn ${n(refusal.limit)} ô mỗi trang. Hãy xóa các dòng, cột thừa (kể cả ô chỉ có định dạng) hoặc tách báo cáo, ${RESEND}.`;
    case 'file-cells':
      return `Tệp '${fileName}' có tổng cộng ${n(refusal.cells)} ô có dữ liệu hoặc định dạng, vượt giới hạn ${n(refusal.limit)} ô mỗi tệp. Hãy xóa các trang không thuộc báo cáo, các dòng, cột thừa, hoặc tách báo cáo thành nhiều tệp, ${RESEND}.`;
  }
}
