import { countDataRow, footerKindOf, newFooterScan, type FooterRow } from './footer-rows.js';
import type { RawCell } from '../cells/raw-cell.js';
import { isBlankCell } from '../cells/blank.js';
import { cleanText, foldForMatch } from '../cells/fold.js';
import { columnLetter } from '../sheets/a1.js';
import { singlePeriodId, UNASSIGNED_PERIOD, type PeriodId } from '../periods/period-id.js';
import type { CompiledForm, RowError, ValidRow } from './compile-form.js';
import { locateHeader, matchHeaders, type HeaderMatch } from './header-match.js';
import { isNilDeclaration, NIL_PHRASE } from './nil-declaration.js';

/** One row of a sheet tab with the row number the spreadsheet shows (1-based). */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly RawCell[];
}

/** A tab as every sheet adapter hands it over: its rows in order, empty rows may be absent. */
export interface SheetTab {
  readonly name: string;
  readonly rows: readonly SheetRow[];
}

/** A raw cell in a form Firestore can store and a person can read back. */
export type StoredCell = string | number | boolean;

/** A row kept as typed (cells by header), with why it was not accepted. */
export interface RejectedRow {
  readonly rowNumber: number;
  readonly periodId: PeriodId;
  readonly cells: Readonly<Record<string, StoredCell>>;
  readonly errors: readonly RowError[];
}

/** A row declaring "Không phát sinh" for its period: a valid record that holds no data. */
export interface NilDeclaration {
  readonly rowNumber: number;
  readonly periodId: PeriodId;
  readonly cells: Readonly<Record<string, StoredCell>>;
}

/** A problem with the whole tab (not one row), in Vietnamese. */
export interface TabProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Everything read from one form tab: each non-empty row is valid or rejected. */
export interface TabReading {
  readonly formId: string;
  readonly tab: string;
  readonly headerRowNumber: number | undefined;
  readonly problems: readonly TabProblem[];
  readonly valid: readonly ValidRow[];
  readonly rejected: readonly RejectedRow[];
  readonly nil: readonly NilDeclaration[];
  /** Total rows and the signature block under the table: recognised, left out of the data, each with a status. */
  readonly footer: readonly FooterRow[];
  /** Non-empty data rows read below the header: always valid + rejected + nil (footer rows are not data). */
  readonly rowsRead: number;
}

/** Read and validate one tab of a unit's sheet against its form. */
export function readFormTab(form: CompiledForm, tab: SheetTab): TabReading {
  const { spec } = form;
  const header = locateHeader(
    spec,
    tab.rows.map((r) => r.cells),
  );
  const base = { formId: spec.id, tab: tab.name };
  if (header === undefined) {
    const expected = spec.columns
      .filter((c) => c.required)
      .map((c) => `'${c.header}'`)
      .join(', ');
    const message = `Trang '${tab.name}': không tìm thấy dòng tiêu đề của biểu mẫu (cần các cột ${expected}). Có thể tiêu đề cột đã bị đổi tên; hãy dùng lại tiêu đề như biểu mẫu.`;
    const rows = tab.rows.filter((row) => !isEmptyRow(row.cells, undefined, new Set()));
    const period = singlePeriodId(spec.period) ?? UNASSIGNED_PERIOD;
    const rejected = rows.map((row) =>
      rejectWhole(
        row,
        period,
        headersOf(undefined, row.cells),
        `Dòng ${row.rowNumber}: chưa ghi nhận vì trang không có dòng tiêu đề của biểu mẫu.`,
      ),
    );
    return {
      ...base,
      headerRowNumber: undefined,
      problems: [{ severity: 'error', message }],
      valid: [],
      rejected,
      nil: [],
      footer: [],
      rowsRead: rejected.length,
    };
  }

  const headerRow = tab.rows[header.index];
  const headerCells = header.cells;
  const match = matchHeaders(spec, headerCells);
  const problems = headerProblems(tab.name, match);
  const counterIndexes = new Set(spec.columns.filter((c) => c.counter).flatMap((c) => indexOf(match, c.key)));
  const missingNote = match.missingRequired.length
    ? `chưa ghi nhận vì trang thiếu cột bắt buộc ${match.missingRequired.map((c) => `'${c.header}'`).join(', ')}`
    : undefined;

  const periodColumn = spec.columns.find((c) => c.period);
  const periodIndex = periodColumn ? match.indexByKey.get(periodColumn.key) : undefined;
  const nilIgnored = new Set([
    ...counterIndexes,
    ...(periodIndex === undefined ? [] : [periodIndex]),
    ...(match.statusIndex === undefined ? [] : [match.statusIndex]),
  ]);
  const formHeaders = new Map(
    spec.columns.flatMap((c) => indexOf(match, c.key).map((index) => [index, c.header] as const)),
  );
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  const nil: NilDeclaration[] = [];
  const footer: FooterRow[] = [];
  const scan = newFooterScan();
  for (const row of tab.rows.slice(header.index + header.span)) {
    if (isEmptyRow(row.cells, match.statusIndex, counterIndexes)) continue;
    const footerKind = footerKindOf(row.cells, scan, match.statusIndex, counterIndexes);
    if (footerKind) {
      footer.push({ rowNumber: row.rowNumber, kind: footerKind });
      continue;
    }
    countDataRow(row.cells, scan);
    const cellsByKey: Record<string, RawCell> = {};
    for (const [key, index] of match.indexByKey) cellsByKey[key] = row.cells[index];
    const stored = () => storedCells(headersOf(headerCells, row.cells, formHeaders), row.cells, match.statusIndex);
    if (isNilDeclaration(row.cells, nilIgnored)) {
      const period = form.periodOf(row.rowNumber, cellsByKey);
      if (period.ok) nil.push({ rowNumber: row.rowNumber, periodId: period.periodId, cells: stored() });
      else
        rejected.push({
          rowNumber: row.rowNumber,
          periodId: period.periodId,
          cells: stored(),
          errors: [
            {
              column: periodColumn?.header,
              message: `${period.message} (dòng ghi '${NIL_PHRASE}' cần cho biết kỳ báo cáo).`,
            },
          ],
        });
      continue;
    }
    const outcome = form.validateRow(row.rowNumber, cellsByKey);
    // A missing required column is said once for the tab; each row only points to it.
    const errors = outcome.ok
      ? []
      : outcome.errors.filter((e) => !match.missingRequired.some((c) => c.header === e.column));
    if (missingNote) errors.push({ message: `Dòng ${row.rowNumber}: ${missingNote}.` });
    if (outcome.ok && errors.length === 0) {
      valid.push({
        rowNumber: outcome.rowNumber,
        periodId: outcome.periodId,
        values: outcome.values,
        ...(outcome.notes ? { notes: outcome.notes } : {}),
      });
    } else {
      rejected.push({ rowNumber: row.rowNumber, periodId: outcome.periodId, cells: stored(), errors });
    }
  }
  return {
    ...base,
    headerRowNumber: headerRow?.rowNumber,
    problems,
    valid,
    rejected,
    nil,
    footer,
    rowsRead: valid.length + rejected.length + nil.length,
  };
}

function headerProblems(tabName: string, match: HeaderMatch): TabProblem[] {
  const problems: TabProblem[] = [];
  for (const column of match.missingRequired) {
    const accepted = [column.header, ...column.aliases].map((h) => `'${h}'`).join(', ');
    problems.push({
      severity: 'error',
      message: `Trang '${tabName}': thiếu cột bắt buộc '${column.header}' (tiêu đề được chấp nhận: ${accepted}). Hãy thêm lại cột hoặc sửa tiêu đề cho đúng.`,
    });
  }
  for (const { column, indexes } of match.duplicates) {
    const places = indexes.map((i) => columnLetter(i)).join(', ');
    problems.push({
      severity: 'warning',
      message: `Trang '${tabName}': cột '${column.header}' xuất hiện ${indexes.length} lần (cột ${places}); hệ thống dùng cột ${columnLetter(indexes[0] ?? 0)}.`,
    });
  }
  for (const { header, index } of match.unknown) {
    problems.push({
      severity: 'warning',
      message: `Trang '${tabName}': cột '${cleanText(header)}' (cột ${columnLetter(index)}) không thuộc biểu mẫu nên không được tổng hợp.`,
    });
  }
  return problems;
}

function indexOf(match: HeaderMatch, key: string): number[] {
  const index = match.indexByKey.get(key);
  return index === undefined ? [] : [index];
}

/** Empty = every cell blank, ignoring the system status column and a lone running number (STT). */
function isEmptyRow(
  cells: readonly RawCell[],
  statusIndex: number | undefined,
  counterIndexes: ReadonlySet<number>,
): boolean {
  return cells.every((cell, index) => index === statusIndex || counterIndexes.has(index) || isBlankCell(cell));
}

/**
 * Names of a row's cells: the form's own header for a recognised column (so a message's column
 * finds its raw value whatever alias the unit typed), the sheet's header otherwise.
 */
function headersOf(
  headerCells: readonly RawCell[] | undefined,
  cells: readonly RawCell[],
  formHeaders: ReadonlyMap<number, string> = new Map(),
): string[] {
  const seen = new Map<string, number>();
  return cells.map((_, index) => {
    const cell = headerCells?.[index];
    const base =
      formHeaders.get(index) ??
      (cell === undefined || isBlankCell(cell) ? `Cột ${columnLetter(index)}` : cleanText(String(cell)));
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function rejectWhole(row: SheetRow, periodId: PeriodId, headers: readonly string[], message: string): RejectedRow {
  return {
    rowNumber: row.rowNumber,
    periodId,
    cells: storedCells(headers, row.cells, undefined),
    errors: [{ message }],
  };
}

function storedCells(
  headers: readonly string[],
  cells: readonly RawCell[],
  statusIndex: number | undefined,
): Record<string, StoredCell> {
  const stored: Record<string, StoredCell> = {};
  cells.forEach((cell, index) => {
    if (index === statusIndex || isBlankCell(cell)) return;
    stored[headers[index] ?? `Cột ${columnLetter(index)}`] = toStoredCell(cell);
  });
  return stored;
}

/** Keep a raw cell as typed, in a form Firestore stores: Dates as wall-clock ISO text, errors as their code, formulas without result as '=formula'. */
export function toStoredCell(cell: RawCell): StoredCell {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime())
      ? 'Invalid Date'
      : cell
          .toISOString()
          .replace(/\.000Z$/, '')
          .replace('Z', '');
  if (typeof cell === 'object') return 'error' in cell ? cell.error : `=${cell.formula}`;
  if (typeof cell === 'number' && !Number.isFinite(cell)) return String(cell);
  return cell;
}

/** Find a tab by name, ignoring case, accents and spacing ('bao cao 30 phut' finds 'Báo cáo 30 phút'). */
export function findTab<T extends { readonly name: string }>(tabs: readonly T[], name: string): T | undefined {
  const wanted = foldForMatch(name);
  return tabs.find((t) => foldForMatch(t.name) === wanted);
}
