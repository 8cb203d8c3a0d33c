import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import type { Unit } from '../../domain/units/unit.js';
import { GoogleApiError } from './google-api-error.js';

/**
 * A Google error about one unit's spreadsheet, as the unit and the district read it: which unit,
 * what happened, and the fix. Only problems of that spreadsheet become SheetReadErrors (the
 * sweep records them for the unit and goes on); quota, outages and our own credentials stay
 * GoogleApiErrors, so the sweep stops and the next run reads the unit — nothing is skipped silently.
 */
export function unitSheetError(unit: Unit, error: unknown, serviceAccountEmail: string): unknown {
  if (!(error instanceof GoogleApiError)) return error;
  const sheet = `bảng tính báo cáo của ${unit.name} (mã bảng tính ${unit.source})`;
  switch (error.failure) {
    case 'no-access':
      return new SheetReadError(
        'no-access',
        `Hệ thống không có quyền mở ${sheet}. Hãy chia sẻ bảng tính với ${serviceAccountEmail} (quyền Người chỉnh sửa) rồi chờ lượt tổng hợp sau.`,
        { cause: error },
      );
    case 'not-found':
      return new SheetReadError(
        'not-found',
        `Không tìm thấy ${sheet}: bảng tính đã bị xóa hoặc chưa được chia sẻ với ${serviceAccountEmail}. Hãy khôi phục bảng tính từ Thùng rác hoặc chia sẻ lại; nếu đơn vị dùng bảng tính mới, hãy sửa cột 'Tệp báo cáo' trên bảng điều khiển.`,
        { cause: error },
      );
    case 'bad-request':
      return new SheetReadError(
        'corrupt',
        `Không đọc được ${sheet}: Google Trang tính từ chối phạm vi đọc (có thể tên trang chứa ký tự lạ). Hãy giữ nguyên tên các trang như biểu mẫu.`,
        { cause: error },
      );
    case 'response-too-large':
      return new SheetReadError(
        'too-large',
        `Bảng tính báo cáo của ${unit.name} (mã bảng tính ${unit.source}) chứa quá nhiều dữ liệu để đọc, thường vì có ô chứa văn bản rất dài hoặc nhiều trang thừa. Hãy xóa các ô, dòng, cột và trang thừa hoặc tách báo cáo thành nhiều bảng tính, rồi chờ lượt tổng hợp sau.`,
        { cause: error },
      );
    default:
      return error;
  }
}
