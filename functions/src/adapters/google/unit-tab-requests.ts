import type { sheets_v4 } from '@googleapis/sheets';
import { STANDING_TAB } from '../../domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { STATUS_HEADER } from '../../domain/forms/header-match.js';
import { columnValidation, columnWidth } from '../../domain/forms/column-presentation.js';
import type { ColumnValidation } from '../../domain/forms/column-validation.js';
import { HELP_SHEET } from '../../domain/sheets/own-tabs.js';
import { helpTabRows } from '../sheet-layout/help-tab-rows.js';
import { FIRST_DATA_ROW, formTitleLines, HEADER_ROW } from '../sheet-layout/write-sheet-layout.js';
import { wholeTabRange } from './spreadsheet-tabs.js';

/**
 * A unit spreadsheet's form tabs as Sheets requests, laid out like the .xlsx templates: four
 * title lines, the header in row 5 with the status column last, data from row 6, dropdowns,
 * the header rows and the status column protected (only the service account edits them).
 * Pure: sheet ids and specs in, requests and values out.
 */

/** Rows a new form tab gets; Sheets grows it when a unit pastes more. */
const FORM_TAB_ROWS = 1000;
const HEADER_FILL = { red: 0xdd / 255, green: 0xeb / 255, blue: 0xf7 / 255 };
const STATUS_FILL = { red: 0xd9 / 255, green: 0xd9 / 255, blue: 0xd9 / 255 };

/** Names our protected ranges, so a person looking at Data ▸ Protected ranges sees whose they are. */
export function protectionKey(kind: 'header' | 'status' | 'standing', tab: string): string {
  return `tonghop:${kind}:${tab}`;
}

/** Requests that add a form's tab with its layout, dropdowns and protections. */
export function addFormTabRequests(
  sheetId: number,
  spec: FormSpec,
  index: number,
  serviceAccountEmail: string,
): sheets_v4.Schema$Request[] {
  const columns = spec.columns.length + 1;
  const requests: sheets_v4.Schema$Request[] = [
    {
      addSheet: {
        properties: {
          sheetId,
          title: spec.tab,
          index,
          gridProperties: { rowCount: FORM_TAB_ROWS, columnCount: columns, frozenRowCount: HEADER_ROW },
        },
      },
    },
    repeat(
      { sheetId, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 },
      { textFormat: { bold: true, fontSize: 14 } },
    ),
    repeat(
      {
        sheetId,
        startRowIndex: HEADER_ROW - 1,
        endRowIndex: HEADER_ROW,
        startColumnIndex: 0,
        endColumnIndex: columns - 1,
      },
      headerFormat(HEADER_FILL),
    ),
    repeat(
      {
        sheetId,
        startRowIndex: HEADER_ROW - 1,
        endRowIndex: HEADER_ROW,
        startColumnIndex: columns - 1,
        endColumnIndex: columns,
      },
      headerFormat(STATUS_FILL),
    ),
  ];
  spec.columns.forEach((column, c) => {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 },
        properties: { pixelSize: columnWidth(spec, column) * 7 },
        fields: 'pixelSize',
      },
    });
    const rule = sheetsValidationRule(columnValidation(spec, column));
    if (rule !== undefined) {
      requests.push({
        setDataValidation: {
          range: {
            sheetId,
            startRowIndex: FIRST_DATA_ROW - 1,
            endRowIndex: FORM_TAB_ROWS,
            startColumnIndex: c,
            endColumnIndex: c + 1,
          },
          rule,
        },
      });
    }
  });
  requests.push({
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: columns - 1, endIndex: columns },
      properties: { pixelSize: 36 * 7 },
      fields: 'pixelSize',
    },
  });
  // Status cells wrap, so Sheets grows each row to all its messages instead of cutting them at the edge.
  requests.push({
    repeatCell: {
      range: {
        sheetId,
        startRowIndex: FIRST_DATA_ROW - 1,
        endRowIndex: FORM_TAB_ROWS,
        startColumnIndex: columns - 1,
        endColumnIndex: columns,
      },
      cell: { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } },
      fields: 'userEnteredFormat(wrapStrategy,verticalAlignment)',
    },
  });
  requests.push(...protectionRequests(sheetId, spec.tab, columns - 1, serviceAccountEmail));
  return requests;
}

/**
 * A column's rule (domain/forms/column-validation.ts) as a Sheets rule. strict: false — a warning,
 * not a refusal: the sweep accepts aliases ('TPT') and several choices in one cell. Unlike the
 * .xlsx writer, Google tabs get no number rules and one prompt for every list (as they always have).
 */
function sheetsValidationRule(rule: ColumnValidation): sheets_v4.Schema$DataValidationRule | undefined {
  if (rule.kind !== 'list') return undefined;
  return {
    condition: { type: 'ONE_OF_LIST', values: rule.values.map((value) => ({ userEnteredValue: value })) },
    strict: false,
    showCustomUi: true,
    inputMessage: 'Chọn trong danh sách (có thể gõ tên viết tắt).',
  };
}

/** Protections of a new form tab: the title and header rows, and the status column. */
function protectionRequests(
  sheetId: number,
  tab: string,
  statusColumn: number,
  serviceAccountEmail: string,
): sheets_v4.Schema$Request[] {
  const wanted = [
    { key: protectionKey('header', tab), range: { sheetId, startRowIndex: 0, endRowIndex: HEADER_ROW } },
    {
      key: protectionKey('status', tab),
      range: { sheetId, startRowIndex: HEADER_ROW, startColumnIndex: statusColumn, endColumnIndex: statusColumn + 1 },
    },
  ];
  return wanted.map((p) => ({
    addProtectedRange: {
      protectedRange: {
        range: p.range,
        description: p.key,
        warningOnly: false,
        editors: { users: [serviceAccountEmail] },
      },
    },
  }));
}

/** The help tab (added once per spreadsheet). */
export function addHelpTabRequest(sheetId: number, index: number): sheets_v4.Schema$Request {
  return {
    addSheet: { properties: { sheetId, title: HELP_SHEET, index, gridProperties: { rowCount: 300, columnCount: 4 } } },
  };
}

/** The "Tình hình nộp" tab, empty until the first summary fills it; only the service account edits it. */
export function addStandingTabRequests(
  sheetId: number,
  index: number,
  serviceAccountEmail: string,
): sheets_v4.Schema$Request[] {
  return [
    {
      addSheet: {
        properties: { sheetId, title: STANDING_TAB, index, gridProperties: { rowCount: 100, columnCount: 10 } },
      },
    },
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId },
          description: protectionKey('standing', STANDING_TAB),
          warningOnly: false,
          editors: { users: [serviceAccountEmail] },
        },
      },
    },
  ];
}

/** What the standing tab says before the first summary. */
export function standingTabValues(unitName: string): sheets_v4.Schema$ValueRange {
  return {
    range: `${wholeTabRange(STANDING_TAB)}!A1`,
    majorDimension: 'ROWS',
    values: [[`${STANDING_TAB} — ${unitName}`], ['Hệ thống tự cập nhật sau mỗi lượt tổng hợp. Không sửa trang này.']],
  };
}

/** Values of a new form tab: title lines and the header row with the status column. */
export function formTabValues(spec: FormSpec, unitName: string): sheets_v4.Schema$ValueRange {
  const titles = formTitleLines(spec, unitName).map((line) => [line]);
  return {
    range: `${wholeTabRange(spec.tab)}!A1`,
    majorDimension: 'ROWS',
    values: [...titles, [...spec.columns.map((c) => c.header), STATUS_HEADER]],
  };
}

/** Values of the help tab. */
export function helpTabValues(specs: readonly FormSpec[]): sheets_v4.Schema$ValueRange {
  return {
    range: `${wholeTabRange(HELP_SHEET)}!A1`,
    majorDimension: 'ROWS',
    values: helpTabRows(specs).map((row) => (row.cells.length === 0 ? [''] : [...row.cells])),
  };
}

function headerFormat(backgroundColor: sheets_v4.Schema$Color): sheets_v4.Schema$CellFormat {
  return {
    textFormat: { bold: true },
    backgroundColor,
    horizontalAlignment: 'CENTER',
    verticalAlignment: 'MIDDLE',
    wrapStrategy: 'WRAP',
  };
}

function repeat(range: sheets_v4.Schema$GridRange, format: sheets_v4.Schema$CellFormat): sheets_v4.Schema$Request {
  return {
    repeatCell: {
      range,
      cell: { userEnteredFormat: format },
      fields: 'userEnteredFormat(textFormat,backgroundColor,horizontalAlignment,verticalAlignment,wrapStrategy)',
    },
  };
}
