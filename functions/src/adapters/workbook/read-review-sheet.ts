import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DISTRICT_REVIEWER } from '../../domain/review/review-decision.js';
import type { ReviewSheetRow } from '../../domain/review/review-entries.js';
import { reviewRowsFromGrid } from '../../domain/review/review-grid.js';
import { REVIEW_TAB } from '../../domain/review/review-tab.js';

/**
 * The "Duyệt báo cáo" tab of a summary workbook: the rows under its header (until the first empty
 * row), cell text by header. No file or no tab yet: no rows. Who decided is "Quận Đoàn" — an
 * .xlsx file's "last modified by" names a computer account at best, so it is not taken as a person.
 */
export async function readReviewSheet(file: string): Promise<{ rows: ReviewSheetRow[]; editedBy: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { rows: [], editedBy: DISTRICT_REVIEWER };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(REVIEW_TAB);
  if (!sheet) return { rows: [], editedBy: DISTRICT_REVIEWER };
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) grid.push(rowTexts(sheet.getRow(r)));
  const rows = reviewRowsFromGrid(grid);
  return { rows, editedBy: DISTRICT_REVIEWER };
}

function rowTexts(row: ExcelJS.Row): string[] {
  const texts: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) texts.push(row.getCell(c).text.normalize('NFC').trim());
  return texts;
}
