import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { PLAN_TAB_SPECS } from '../../domain/plans/plan-layout.js';
import { SHARED_SOURCES_TAB_SPEC } from '../../domain/shared/shared-sources-layout.js';
import { SETTINGS_TAB, UNITS_TAB_SPEC } from '../../domain/units/control-layout.js';
import { readControlTabs, type ControlReading } from '../../domain/units/read-control.js';
import { GoogleApiError } from './google-api-error.js';
import type { GoogleApis, SpreadsheetId } from './google-apis.js';
import { readSpreadsheetTabs } from './spreadsheet-tabs.js';

/** The district's control spreadsheet, read exactly like the control workbook (one `values.batchGet`). */
export async function readControlSpreadsheet(api: GoogleApis, spreadsheetId: SpreadsheetId): Promise<ControlReading> {
  try {
    return readControlTabs(
      await readSpreadsheetTabs(api, spreadsheetId, [
        UNITS_TAB_SPEC.tab,
        ...PLAN_TAB_SPECS.map((spec) => spec.tab),
        SETTINGS_TAB,
        SHARED_SOURCES_TAB_SPEC.tab,
      ]),
    );
  } catch (error) {
    if (error instanceof GoogleApiError && (error.failure === 'no-access' || error.failure === 'not-found')) {
      throw new SheetReadError(
        error.failure,
        `Không mở được bảng điều khiển (mã bảng tính ${spreadsheetId}): hãy kiểm tra TONGHOP_CONTROL_SPREADSHEET_ID và chia sẻ bảng tính với ${api.serviceAccountEmail} (quyền Người chỉnh sửa).`,
        { cause: error },
      );
    }
    throw error;
  }
}
