import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT } from '../../domain/errors/exit-code.js';
import { OperatorError } from '../../domain/errors/operator-error.js';
import { foldForMatch } from '../../domain/cells/fold.js';
import { STANDING_TAB, type TabFeedback, type UnitFeedback } from '../../domain/feedback/unit-feedback.js';
import { isStatusHeader, STATUS_HEADER } from '../../domain/forms/header-match.js';
import { columnIndex, columnLetter } from '../../domain/sheets/a1.js';
import { writePrivateFile } from '../private-files.js';
import { addPlanTabs } from './add-plan-tabs.js';
import { rebuildStanding, standingIsCurrent } from './feedback-standing-tab.js';
import { rawCellOf } from './exceljs-cell.js';
import { ADDED_STATUS_COLUMN_WIDTH, growRowTo, setStatusNote, statusLines } from './status-cell-fit.js';
import { storableText } from '../sheet-layout/summary-cells.js';
import { HELP_SHEET, LISTS_SHEET, STATUS_NOTE } from './write-form-sheet.js';
import { normalizeForExceljs } from './xlsx-normalize.js';
import { partsLostOnRewrite, restoreFromOriginal } from './xlsx-rewrite-safety.js';

/**
 * Write the system's feedback back into a unit's .xlsx: each form tab's status column and
 * the "Tình hình nộp" tab. Only status cells (and a missing status header) are written in
 * form tabs, each row grown to show its whole status (status-cell-fit.ts); every cell the unit typed keeps its value, formula and style. A file with
 * nothing to change is not saved at all (same bytes, same mtime); otherwise it is saved
 * atomically (temp file in the same folder, then rename), and only if the file did not
 * change on disk meanwhile (else UnitFileChangedError, the file untouched). The saved file
 * keeps the unit's modification time: it is the only record of when the unit sent it, and
 * on-time counts must not depend on whether our data survived since (the new size alone
 * tells the next sweep that the file is the one we wrote).
 *
 * A plan the sheet lacks (feedback.newTabs: a plan issued later) gets its blank tab right after the
 * last form tab (add-plan-tabs.ts), in the same save, under the same checks.
 *
 * A new standing tab goes right after the last form tab named in the feedback (so before
 * "Hướng dẫn" in the workbooks the system hands out), or first when none of them is found;
 * an existing one keeps its place. A form tab without a status column gets one in the first
 * column right of its last header that is empty in the header row and in every row below.
 *
 * Saving goes through exceljs, which drops what it does not model (shapes, sheet-scoped and
 * constant names, extLst features such as sparklines …); a file with parts that matter more
 * (pivot tables, macros, charts …) is not saved at all (UnitFileNotRewritableError). Files from
 * other programs are normalized first (xlsx-normalize.ts) so exceljs reads their 1904 dates and
 * settings right, and the saved package keeps the original's date-system flag. Two exceljs
 * save bugs are worked around below (overlapping data validations, tables without a style).
 */
/** Saving the file back would drop parts the unit made (pivot tables, macros, charts …); nothing was written. */
export class UnitFileNotRewritableError extends OperatorError {
  readonly exitCode = EXIT.problems;
  readonly fix = 'ask the unit to save its file as a plain .xlsx (no pivot tables, macros or charts)';
  readonly advice = ADVICE.unitFileNotRewritable;
  constructor(
    readonly file: string,
    /** Vietnamese list of what would be lost, e.g. "bảng tổng hợp (PivotTable), biểu đồ". */
    readonly lost: string,
  ) {
    super(`${file} holds parts exceljs cannot save back (${lost}); feedback not written into it`);
    this.name = 'UnitFileNotRewritableError';
  }
}

/** Result of writing feedback: whether the file was saved, how many cells were written, which plans' tabs were added. */
export interface UnitFeedbackWrite {
  readonly changed: boolean;
  readonly cellsWritten: number;
  /** Ids of the plans whose blank tab this write added (feedback.newTabs the file lacked). */
  readonly tabsAdded: readonly string[];
}

/** The file changed on disk while the feedback was being written (a unit saved it); nothing was written. */
export class UnitFileChangedError extends OperatorError {
  readonly exitCode = EXIT.problems;
  readonly fix = 'run the command again: it writes the feedback into the file as the unit saved it';
  readonly advice = ADVICE.unitFileChanged;
  constructor(readonly file: string) {
    super(`${file} changed on disk while feedback was being written; not overwritten`);
    this.name = 'UnitFileChangedError';
  }
}

const VALID_FONT_COLOR = 'FF006100';
const ISSUE_FONT_COLOR = 'FF9C0006';
const STATUS_HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  numFmt: 'General',
};

/** Write `feedback` into the workbook at `file` (its new plan tabs titled with `unitName`); see the module comment. */
export async function writeUnitFeedback(
  file: string,
  feedback: UnitFeedback,
  unitName = '',
): Promise<UnitFeedbackWrite> {
  const before = await stat(file);
  const original = await readFile(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await normalizeForExceljs(original)) as unknown as ArrayBuffer);

  let cellsWritten = 0;
  let lastFormTab = -1;
  for (const tab of feedback.tabs) {
    const sheet = findSheet(workbook, tab.tab);
    if (!sheet || sheet.name === STANDING_TAB) continue;
    lastFormTab = Math.max(lastFormTab, workbook.worksheets.indexOf(sheet));
    cellsWritten += writeTabStatus(sheet, tab) + writeSubmitCell(sheet, tab);
  }
  const newTabsAt = lastFormTab >= 0 ? lastFormTab + 1 : firstSystemTab(workbook);
  const added = addPlanTabs(workbook, feedback.newTabs ?? [], unitName, newTabsAt);
  if (added.length > 0) lastFormTab = newTabsAt + added.length - 1;

  const standing = findSheet(workbook, STANDING_TAB);
  const standingStale = !standing || !standingIsCurrent(standing, feedback.standing);
  if (standingStale) cellsWritten += rebuildStanding(workbook, standing, lastFormTab + 1, feedback.standing);

  if (cellsWritten === 0 && !standingStale && added.length === 0)
    return { changed: false, cellsWritten: 0, tabsAdded: [] };
  const lost = await partsLostOnRewrite(original);
  if (lost) throw new UnitFileNotRewritableError(file, lost);
  giveTablesAStyle(workbook);
  for (const sheet of workbook.worksheets) compactLoadedValidations(sheet);
  await saveAtomically(file, workbook, before, original);
  return { changed: true, cellsWritten, tabsAdded: added.map((spec) => spec.id) };
}

/** Where a new plan tab goes when no form tab was found: before the tabs the system owns, else last. */
function firstSystemTab(workbook: ExcelJS.Workbook): number {
  const system = new Set([STANDING_TAB, HELP_SHEET, LISTS_SHEET].map(foldForMatch));
  const index = workbook.worksheets.findIndex((ws) => system.has(foldForMatch(ws.name)));
  return index >= 0 ? index : workbook.worksheets.length;
}

/** A tab by exact name, else by name ignoring case, accents and spacing. */
function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const exact = workbook.worksheets.find((ws) => ws.name === name);
  if (exact) return exact;
  const folded = foldForMatch(name);
  return workbook.worksheets.find((ws) => foldForMatch(ws.name) === folded);
}

/** Write the status cells of one form tab; returns how many cells were written. */
function writeTabStatus(sheet: ExcelJS.Worksheet, tab: TabFeedback): number {
  let written = 0;
  let statusColumn = findStatusColumn(sheet, tab.headerRowNumber);
  if (statusColumn === undefined) {
    statusColumn = freeColumnRightOfHeader(sheet, tab.headerRowNumber);
    const header = sheet.getCell(tab.headerRowNumber, statusColumn);
    header.value = STATUS_HEADER;
    header.style = { ...STATUS_HEADER_STYLE };
    header.note = STATUS_NOTE;
    sheet.getColumn(statusColumn).width = ADDED_STATUS_COLUMN_WIDTH;
    written++;
  }

  const rows = new Set<number>();
  sheet.eachRow({ includeEmpty: false }, (_row, rowNumber) => {
    if (rowNumber > tab.headerRowNumber) rows.add(rowNumber);
  });
  for (const rowNumber of tab.statusByRow.keys()) {
    if (Number.isInteger(rowNumber) && rowNumber > tab.headerRowNumber) rows.add(rowNumber);
  }

  for (const rowNumber of [...rows].sort((a, b) => a - b)) {
    const wanted = storableText((tab.statusByRow.get(rowNumber) ?? '').replace(/\r\n?/g, '\n'));
    const existing = sheet.findCell(rowNumber, statusColumn);
    // A cell covered by a merge belongs to its top-left cell, which may be the unit's: never written through.
    if (existing?.isMerged && existing.master !== existing) continue;
    const fit = statusLines(sheet, statusColumn, wanted);
    // A status written before rows were fitted gets its height and note on the next sweep.
    const grown = growRowTo(sheet, rowNumber, fit.lines);
    const noted = existing !== undefined && setStatusNote(existing, fit.needsNote ? wanted : undefined);
    if (textOf(existing?.value) === wanted) {
      if (grown || noted) written++;
      continue;
    }
    const cell = existing ?? sheet.getCell(rowNumber, statusColumn);
    if (fit.needsNote) setStatusNote(cell, wanted);
    cell.value = wanted === '' ? null : wanted;
    if (wanted !== '') {
      // exceljs shares one style object among all cells loaded with the same style: always assign a fresh one.
      cell.style = {
        ...cell.style,
        font: { ...cell.style.font, color: { argb: wanted.startsWith('✓') ? VALID_FONT_COLOR : ISSUE_FONT_COLOR } },
        alignment: { vertical: 'top', ...cell.style.alignment, wrapText: true },
      };
    }
    written++;
  }
  return written;
}

/**
 * The "Nộp báo cáo" signal cell of a "Bấm nộp" form shows when the snapshot now counted was
 * submitted: the one cell the unit types that the system writes (the sweep read its "Có" first).
 */
function writeSubmitCell(sheet: ExcelJS.Worksheet, tab: TabFeedback): number {
  if (!tab.submitCell) return 0;
  const cell = sheet.getCell(tab.submitCell.rowNumber, tab.submitCell.column);
  if (cell.isMerged && cell.master !== cell) return 0;
  if (textOf(cell.value) === tab.submitCell.text) return 0;
  cell.value = tab.submitCell.text;
  return 1;
}

/** 1-based column of the status header in the header row, if any. */
function findStatusColumn(sheet: ExcelJS.Worksheet, headerRowNumber: number): number | undefined {
  let found: number | undefined;
  sheet.findRow(headerRowNumber)?.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    if (found !== undefined || (cell.isMerged && cell.master !== cell)) return;
    const raw = rawCellOf(cell.value);
    if (typeof raw === 'string' && isStatusHeader(raw)) found = colNumber;
  });
  return found;
}

/**
 * The column for a new status header: the first one right of the header row's last non-empty
 * cell whose header cell is empty and which holds nothing the unit typed below the header.
 */
function freeColumnRightOfHeader(sheet: ExcelJS.Worksheet, headerRowNumber: number): number {
  let last = 0;
  sheet.findRow(headerRowNumber)?.eachCell({ includeEmpty: false }, (cell, colNumber) => {
    if (!isEmptyValue(cell.value)) last = Math.max(last, colNumber);
  });
  const used = new Set<number>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRowNumber) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > last && (!isEmptyValue(cell.value) || cell.isMerged)) used.add(colNumber);
    });
  });
  let column = last + 1;
  while (used.has(column) || sheet.findCell(headerRowNumber, column)?.isMerged) column++;
  return column;
}

function isEmptyValue(value: ExcelJS.CellValue): boolean {
  return value === null || value === undefined || value === '';
}

/** The text of a status cell for comparison: blank is '', a non-text value (number, formula …) is never equal to a status. */
function textOf(value: ExcelJS.CellValue): string | undefined {
  if (isEmptyValue(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  return undefined;
}

/** exceljs's view of a loaded table (untyped): `style` is null when the file had no <tableStyleInfo>. */
interface LoadedTables {
  readonly tables?: Record<string, { table?: { style?: object | null } }>;
}

/**
 * exceljs cannot save a table without <tableStyleInfo> (LibreOffice writes such tables): it throws
 * on `model.theme` of null. An unnamed style with every option off shows the same as none.
 */
function giveTablesAStyle(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    for (const table of Object.values((sheet as unknown as LoadedTables).tables ?? {})) {
      if (table.table && !table.table.style) {
        table.table.style = {
          theme: null,
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
      }
    }
  }
}

/** exceljs's loaded data validations (untyped): one entry per cell, cells of one <dataValidation> sharing one object. */
interface LoadedValidations {
  readonly dataValidations?: { model: Record<string, ExcelJS.DataValidation> };
}

const CELL_ADDRESS = /^([A-Z]{1,3})(\d+)$/;

/**
 * exceljs expands every loaded validation range into single cells and, on save, joins them back
 * after sorting the addresses as text (E10 < E6): E6:E200 comes out as E10:E200 plus E6:E200,
 * overlapping ranges Excel reports as damaged. Rebuild each loaded validation's own rectangles.
 * A validation whose bound exceljs could not read (a cell reference in a whole/decimal/date/
 * text-length rule becomes NaN) is dropped rather than written as the formula "NaN".
 */
function compactLoadedValidations(sheet: ExcelJS.Worksheet): void {
  const holder = (sheet as unknown as LoadedValidations).dataValidations;
  if (!holder) return;
  const cellsByRule = new Map<ExcelJS.DataValidation, { row: number; col: number }[]>();
  const compacted: Record<string, ExcelJS.DataValidation> = {};
  for (const [address, rule] of Object.entries(holder.model)) {
    const m = CELL_ADDRESS.exec(address);
    if (!m?.[1] || !m[2]) {
      compacted[address] = rule; // already a range: added by code, written as it is
      continue;
    }
    const cells = cellsByRule.get(rule) ?? [];
    cells.push({ row: Number(m[2]), col: columnIndex(m[1]) + 1 });
    cellsByRule.set(rule, cells);
  }
  for (const [rule, cells] of cellsByRule) {
    if (!readableRule(rule)) continue;
    for (const range of rectangles(cells)) compacted[range] = rule;
  }
  holder.model = compacted;
}

function readableRule(rule: ExcelJS.DataValidation): boolean {
  return (rule.formulae ?? []).every(
    (f: unknown) => !(typeof f === 'number' && Number.isNaN(f)) && !(f instanceof Date && Number.isNaN(f.getTime())),
  );
}

/** Cover a set of cells with disjoint rectangles: row runs per column, joined across neighbouring columns with the same run. */
function rectangles(cells: readonly { row: number; col: number }[]): string[] {
  const rowsByCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = rowsByCol.get(col);
    if (rows) rows.push(row);
    else rowsByCol.set(col, [row]);
  }
  const runs: { col: number; top: number; bottom: number }[] = [];
  for (const [col, rows] of [...rowsByCol].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let top = rows[0] ?? 0;
    let bottom = top;
    for (const row of rows.slice(1)) {
      if (row === bottom + 1) {
        bottom = row;
        continue;
      }
      runs.push({ col, top, bottom });
      top = bottom = row;
    }
    runs.push({ col, top, bottom });
  }
  const open = new Map<string, { left: number; right: number; top: number; bottom: number }>();
  const done: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const rect = open.get(key);
    if (rect && rect.right === run.col - 1) {
      rect.right = run.col;
      continue;
    }
    if (rect) done.push(rect);
    open.set(key, { left: run.col, right: run.col, top: run.top, bottom: run.bottom });
  }
  done.push(...open.values());
  return done.map(({ left, right, top, bottom }) => {
    const from = `${columnLetter(left - 1)}${top}`;
    return left === right && top === bottom ? from : `${from}:${columnLetter(right - 1)}${bottom}`;
  });
}

/**
 * Write next to the file, then rename over it, unless the file changed on disk since it was read.
 * The new file keeps the unit's own modification time (the only record of when the unit sent it)
 * and what exceljs would lose of the original package (restoreFromOriginal).
 */
async function saveAtomically(
  file: string,
  workbook: ExcelJS.Workbook,
  before: { mtimeMs: number; size: number; atime: Date; mtime: Date },
  original: Buffer,
): Promise<void> {
  await writePrivateFile(file, await restoreFromOriginal(original, Buffer.from(await workbook.xlsx.writeBuffer())), {
    times: { atime: before.atime, mtime: before.mtime },
    beforeReplace: async () => {
      const now = await stat(file);
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) throw new UnitFileChangedError(file);
    },
  });
}
