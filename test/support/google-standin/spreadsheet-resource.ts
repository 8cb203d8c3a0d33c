/**
 * The Spreadsheet resource as `spreadsheets.get` and `spreadsheets.create` return it. Like Google's
 * proto3 JSON, empty lists, zero counts and false flags are left out.
 */
import type { Box } from './a1.js';
import { formattedValue, gridValuesOf, isFormula, UNKNOWN_FORMULA_VALUE } from './cell-values.js';
import {
  cellKey,
  type SheetProperties,
  type StoredFile,
  type StoredSpreadsheet,
  type StoredTab,
} from './spreadsheets.js';
import { numberFormatAt, readBox, resolveRange } from './values.js';

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export function sheetPropertiesResource(properties: SheetProperties): SheetProperties {
  const copy = structuredClone(properties);
  if (!copy.hidden) delete copy.hidden;
  if (!copy.gridProperties.frozenRowCount) delete copy.gridProperties.frozenRowCount;
  if (!copy.gridProperties.frozenColumnCount) delete copy.gridProperties.frozenColumnCount;
  return copy;
}

export interface SpreadsheetView {
  /** When given, only the tabs these A1 ranges name are returned (and, with grid data, only these cells). */
  readonly ranges?: readonly string[];
  readonly includeGridData?: boolean;
}

export function spreadsheetResource(
  file: StoredFile,
  spreadsheet: StoredSpreadsheet,
  view: SpreadsheetView = {},
): unknown {
  const wanted = new Map<StoredTab, Box[]>();
  for (const text of view.ranges ?? []) {
    const resolved = resolveRange(spreadsheet, text);
    wanted.set(resolved.tab, [...(wanted.get(resolved.tab) ?? []), readBox(resolved)]);
  }
  const tabs = wanted.size > 0 ? spreadsheet.sheets.filter((tab) => wanted.has(tab)) : spreadsheet.sheets;
  const sheets = tabs.map((tab) => {
    const sheet: Record<string, unknown> = { properties: sheetPropertiesResource(tab.properties) };
    if (view.includeGridData) {
      const boxes = wanted.get(tab) ?? [readBox({ tab, bounds: {} })];
      sheet.data = boxes.map((box) => gridData(tab, box));
    }
    if (tab.protectedRanges.length > 0) sheet.protectedRanges = structuredClone(tab.protectedRanges);
    if (tab.basicFilter) sheet.basicFilter = structuredClone(tab.basicFilter);
    if (tab.conditionalFormats.length > 0) sheet.conditionalFormats = structuredClone(tab.conditionalFormats);
    if (tab.charts.length > 0) sheet.charts = structuredClone(tab.charts);
    return sheet;
  });
  return {
    spreadsheetId: file.id,
    properties: { ...structuredClone(spreadsheet.properties), title: file.name },
    sheets,
    spreadsheetUrl: spreadsheetUrl(file.id),
  };
}

/** GridData for a box, rows and cells beyond the last value left out. */
function gridData(tab: StoredTab, box: Box): unknown {
  const rowData: { values?: unknown[] }[] = [];
  for (let row = box.startRow; row < box.endRow; row++) {
    const values: unknown[] = [];
    for (let column = box.startColumn; column < box.endColumn; column++) {
      const cell = tab.cells.get(cellKey(row, column));
      if (cell === undefined) continue;
      const format = numberFormatAt(tab, row, column);
      const shown = isFormula(cell) ? (cell.value ?? UNKNOWN_FORMULA_VALUE) : cell;
      values[column - box.startColumn] = {
        ...gridValuesOf(cell),
        formattedValue: formattedValue(shown, format),
        ...(format ? { userEnteredFormat: { numberFormat: format } } : {}),
      };
    }
    if (values.length > 0) rowData[row - box.startRow] = { values: Array.from(values, (value) => value ?? {}) };
  }
  const data: Record<string, unknown> = { rowData: Array.from(rowData, (line) => line ?? {}) };
  if (box.startRow > 0) data.startRow = box.startRow;
  if (box.startColumn > 0) data.startColumn = box.startColumn;
  return data;
}
