import type { sheets_v4 } from '@googleapis/sheets';
import { isBlankCell } from '../../domain/cells/blank.js';
import { locateHeader, matchHeaders } from '../../domain/forms/header-match.js';
import { findTab } from '../../domain/forms/read-form-tab.js';
import { columnLetter } from '../../domain/sheets/a1.js';
import { SETTINGS_LABELS, SETTINGS_TAB, UNITS_TAB_SPEC } from '../../domain/units/control-layout.js';
import { PLAN_TAB_SPECS } from '../../domain/plans/plan-layout.js';
import { SHARED_SOURCES_TAB_SPEC } from '../../domain/shared/shared-sources-layout.js';
import { unitIdOf } from '../../domain/units/read-control.js';
import type { UnitRegistry } from '../../jobs/provision/ports.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import type { GoogleApis, SpreadsheetId } from './google-apis.js';
import { readSpreadsheetTabs, tabTitles, wholeTabRange } from './spreadsheet-tabs.js';

/**
 * The control spreadsheet as provisioning completes it: the plan tabs, "Nguồn dữ liệu" and "Thông tin chung" added
 * when missing (so every sweep reads it in one request), and each unit's spreadsheet id in 'Tệp báo cáo'.
 */
export class ControlSpreadsheetRegistry implements UnitRegistry {
  constructor(
    private readonly api: GoogleApis,
    private readonly spreadsheetId: SpreadsheetId,
  ) {}

  async completeControl(): Promise<string[]> {
    const titles = await tabTitles(this.api, this.spreadsheetId);
    // The shared-sources tab too: empty, but present, so the sweep's one batchGet never misses a tab.
    const planTabs = new Map([...PLAN_TAB_SPECS, SHARED_SOURCES_TAB_SPEC].map((spec) => [spec.tab, spec]));
    const missing = [...planTabs.keys(), SETTINGS_TAB].filter(
      (tab) =>
        !findTab(
          titles.map((name) => ({ name })),
          tab,
        ),
    );
    if (missing.length === 0) return [];
    const requests = missing.map((title) => ({
      addSheet: {
        properties: {
          title,
          gridProperties: {
            rowCount: 200,
            columnCount: Math.max(10, planTabs.get(title)?.columns.length ?? 0),
            frozenRowCount: title === SETTINGS_TAB ? 0 : 1,
          },
        },
      },
    }));
    await this.api.pacer.run('write', 'spreadsheets.batchUpdate', () =>
      this.api.sheets.spreadsheets.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { requests } }),
    );
    const data: sheets_v4.Schema$ValueRange[] = [];
    // The plan tabs with their headers: the district defines its plans there (or copies one: tonghop plans add).
    for (const spec of missing.flatMap((tab) => planTabs.get(tab) ?? [])) {
      data.push({ range: `${wholeTabRange(spec.tab)}!A1`, values: [spec.columns.map((c) => c.header)] });
    }
    if (missing.includes(SETTINGS_TAB))
      data.push({
        range: `${wholeTabRange(SETTINGS_TAB)}!A1`,
        values: Object.values(SETTINGS_LABELS).map((label) => [label, '']),
      });
    await this.api.pacer.run('write', 'values.batchUpdate', () =>
      this.api.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: { valueInputOption: 'RAW', data },
      }),
    );
    return missing;
  }

  async recordSources(sources: ReadonlyMap<string, string>): Promise<number> {
    const tabs = await readSpreadsheetTabs(this.api, this.spreadsheetId, [UNITS_TAB_SPEC.tab]);
    const tab = findTab(tabs, UNITS_TAB_SPEC.tab);
    const header =
      tab &&
      locateHeader(
        UNITS_TAB_SPEC,
        tab.rows.map((r) => r.cells),
      );
    const match = header && matchHeaders(UNITS_TAB_SPEC, header.cells);
    const idColumn = match?.indexByKey.get('id');
    const sourceColumn = match?.indexByKey.get('source');
    if (!tab || !header || idColumn === undefined || sourceColumn === undefined) {
      throw new SheetReadError(
        'corrupt',
        `Bảng điều khiển: trang '${UNITS_TAB_SPEC.tab}' cần dòng tiêu đề có cột 'Mã đơn vị' và cột 'Tệp báo cáo' để ghi mã bảng tính của từng đơn vị. Hãy thêm cột 'Tệp báo cáo' rồi chạy lại tonghop provision.`,
      );
    }
    const data: sheets_v4.Schema$ValueRange[] = [];
    for (const row of tab.rows.slice(header.index + header.span)) {
      const cell = row.cells[idColumn];
      const id = cell === undefined || isBlankCell(cell) ? undefined : sources.get(unitIdOf(String(cell)));
      if (id === undefined || row.cells[sourceColumn] === id) continue;
      data.push({ range: `${wholeTabRange(tab.name)}!${columnLetter(sourceColumn)}${row.rowNumber}`, values: [[id]] });
    }
    if (data.length === 0) return 0;
    await this.api.pacer.run('write', 'values.batchUpdate', () =>
      this.api.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: { valueInputOption: 'RAW', data },
      }),
    );
    return data.length;
  }
}
