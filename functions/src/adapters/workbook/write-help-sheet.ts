import type ExcelJS from 'exceljs';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { helpSectionRows, helpTabRows, type HelpRow } from '../sheet-layout/help-tab-rows.js';
import { rowHeightFor } from '../sheet-layout/summary-print-layout.js';
import { HELP_SHEET } from '../../domain/sheets/own-tabs.js';

export { HELP_SHEET };

const BOLD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Column widths (characters): about one portrait A4 width in all, so the tab prints at a readable size. */
const HELP_COLUMN_WIDTHS = [24, 44, 11, 34] as const;
const PARAGRAPH_WIDTH = HELP_COLUMN_WIDTHS.reduce((sum, w) => sum + w, 0);

/** Add the "Hướng dẫn" tab (see helpTabRows), styled: paragraphs across four columns, column tables boxed. */
export function addHelpSheet(workbook: ExcelJS.Workbook, specs: readonly FormSpec[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(HELP_SHEET, {
    // Fit to the width only: a long help runs onto more pages, never shrinks to an unreadable one.
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${HELP_SHEET}&RTrang &P/&N` },
  });
  sheet.columns = HELP_COLUMN_WIDTHS.map((width) => ({ width }));
  appendHelpRows(sheet, helpTabRows(specs));
  return sheet;
}

/** Add the forms' sections under what a "Hướng dẫn" tab already holds (a plan rolled out later), or a new help tab when there is none. */
export function appendHelpSections(workbook: ExcelJS.Workbook, specs: readonly FormSpec[]): void {
  const sheet = workbook.getWorksheet(HELP_SHEET);
  if (sheet) appendHelpRows(sheet, specs.flatMap(helpSectionRows));
  else addHelpSheet(workbook, specs);
}

function appendHelpRows(sheet: ExcelJS.Worksheet, rows: readonly HelpRow[]): void {
  for (const { kind, cells } of rows) {
    if (kind === 'paragraph' || kind === 'heading') {
      const row = addParagraph(sheet, cells[0] ?? '');
      if (kind === 'heading') {
        row.font = { bold: true, size: 12 };
        // 12 pt lines need more room than the 11 pt ones the height was counted in.
        row.height = Math.ceil((row.height ?? 15) * 1.2);
      }
      continue;
    }
    const row = sheet.addRow([...cells]);
    if (kind === 'title') row.font = { bold: true, size: 14 };
    if (kind === 'column' || kind === 'status' || kind === 'table-header') {
      row.alignment = { vertical: 'top', wrapText: true };
      // LibreOffice and print do not grow a row to its wrapped text: the height is set here.
      row.height = rowHeightFor(cells, HELP_COLUMN_WIDTHS);
    }
    if (kind === 'table-header' || kind === 'column' || kind === 'status') {
      row.eachCell((cell) => {
        cell.border = BOX;
        if (kind === 'table-header') {
          cell.font = { bold: true };
          cell.fill = BOLD_FILL;
        }
        if (kind === 'status') cell.font = { italic: true };
      });
    }
  }
}

function addParagraph(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, 4);
  row.alignment = { vertical: 'top', wrapText: true };
  // Excel does not grow merged rows to fit wrapped text.
  row.height = rowHeightFor([text], [PARAGRAPH_WIDTH]);
  return row;
}
