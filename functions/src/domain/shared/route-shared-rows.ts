import { isBlankCell } from '../cells/blank.js';
import { cleanText, foldForMatch } from '../cells/fold.js';
import type { RawCell } from '../cells/raw-cell.js';
import type { FormSpec } from '../forms/form-spec.js';
import { isStatusHeader, locateHeader, matchHeaders } from '../forms/header-match.js';
import type { SheetRow, SheetTab } from '../forms/read-form-tab.js';
import { matchUnit, unitNameIndex } from '../units/match-unit.js';
import { rowsMayNameUnit } from '../units/targets.js';
import type { Unit } from '../units/unit.js';
import { rowTimestamp } from './row-timestamp.js';
import type { SharedSource } from './shared-source.js';
import { lowerFirst } from '../cells/sentence-case.js';

/** The rows of a shared sheet that name one unit, as a tab of their own (header rows first, sheet row numbers kept). */
export interface RoutedUnitTab {
  readonly unit: Unit;
  readonly tab: SheetTab;
  /** Each routed row's own time (the time column), by row number; absent when the cell is blank or not a time. */
  readonly timestamps: ReadonlyMap<number, Date>;
}

/** A row no unit could be credited with, and why (Vietnamese, naming the row). */
export interface UnroutedRow {
  readonly rowNumber: number;
  readonly message: string;
}

export interface SharedRouting {
  /** Row number of the header row, when found: where the status column goes. */
  readonly headerRowNumber: number | undefined;
  readonly units: readonly RoutedUnitTab[];
  readonly rejected: readonly UnroutedRow[];
  /** Problems with the whole sheet (no header, no unit column, no time column). */
  readonly problems: readonly { readonly severity: 'error' | 'warning'; readonly message: string }[];
  /** Non-empty rows below the header: always routed + rejected. */
  readonly rowsIn: number;
}

/**
 * Split a shared responses tab into one tab per unit named in its unit column. The unit and time
 * columns are blanked in the routed tabs unless the form has them as its own columns (they are the
 * routing, not the form's data). Every
 * non-empty row below the header goes to exactly one unit or is rejected; a break of that rule throws.
 */
export function routeSharedRows(
  tab: SheetTab,
  source: SharedSource,
  spec: FormSpec,
  units: readonly Unit[],
): SharedRouting {
  const rows = tab.rows;
  const header = locateHeader(
    spec,
    rows.map((r) => r.cells),
  );
  if (header === undefined) {
    const rejected = rows
      .filter((r) => !isEmpty(r.cells, new Set()))
      .map((r) => ({
        rowNumber: r.rowNumber,
        message: `Dòng ${r.rowNumber}: chưa ghi nhận vì trang '${tab.name}' không có dòng tiêu đề của biểu mẫu.`,
      }));
    const message = `Trang '${tab.name}' của bảng chung '${source.file}': không tìm thấy dòng tiêu đề của biểu mẫu '${spec.title}'. Hãy giữ nguyên tiêu đề các cột như biểu mẫu.`;
    return checked({
      headerRowNumber: undefined,
      units: [],
      rejected,
      problems: [{ severity: 'error', message }],
      rowsIn: rejected.length,
    });
  }
  const headerRows = rows.slice(header.index, header.index + header.span);
  const columnOf = (name: string) => {
    const wanted = foldForMatch(name);
    const index = header.cells.findIndex((c) => typeof c === 'string' && foldForMatch(c) === wanted);
    return index < 0 ? undefined : index;
  };
  const unitIndex = columnOf(source.unitColumn);
  const timeIndex = columnOf(source.timeColumn);
  const statusIndex = header.cells.findIndex((c) => typeof c === 'string' && isStatusHeader(c));
  const ignored = new Set([
    statusIndex,
    ...(unitIndex === undefined ? [] : [unitIndex]),
    ...(timeIndex === undefined ? [] : [timeIndex]),
  ]);
  const body = rows.slice(header.index + header.span).filter((r) => !isEmpty(r.cells, new Set([statusIndex])));
  const problems: SharedRouting['problems'][number][] = [];
  if (timeIndex === undefined) {
    problems.push({
      severity: 'warning',
      message: `Trang '${tab.name}' của bảng chung '${source.file}' không có cột '${source.timeColumn}': thời điểm nộp của mỗi dòng lấy theo lần sửa tệp gần nhất.`,
    });
  }
  if (unitIndex === undefined) {
    problems.push({
      severity: 'error',
      message: `Trang '${tab.name}' của bảng chung '${source.file}' không có cột '${source.unitColumn}' để biết mỗi dòng của đơn vị nào. Hãy thêm cột này hoặc sửa 'Cột đơn vị' ở trang 'Nguồn dữ liệu' của bảng điều khiển.`,
    });
    const rejected = body.map((r) => ({
      rowNumber: r.rowNumber,
      message: `Dòng ${r.rowNumber}: chưa ghi nhận vì không biết dòng này của đơn vị nào (thiếu cột '${source.unitColumn}').`,
    }));
    return checked({ headerRowNumber: headerRows[0]?.rowNumber, units: [], rejected, problems, rowsIn: body.length });
  }

  // A routing column that is also one of the form's own columns (a form asking 'Đơn vị') stays as data.
  const { indexByKey } = matchHeaders(spec, header.cells);
  const formIndexes = new Set(indexByKey.values());
  const uniqueColumns = spec.columns.flatMap((c) =>
    c.unique && indexByKey.has(c.key)
      ? [{ column: c, index: indexByKey.get(c.key) as number, seen: new Map<string, number>() }]
      : [],
  );
  const routingOnly = [unitIndex, timeIndex].filter((i) => i !== undefined && !formIndexes.has(i));
  const index = unitNameIndex(units);
  const byUnit = new Map<string, { unit: Unit; rows: SheetRow[]; timestamps: Map<number, Date> }>();
  const rejected: UnroutedRow[] = [];
  for (const row of body) {
    if (isEmpty(row.cells, ignored)) {
      rejected.push({
        rowNumber: row.rowNumber,
        message: `Dòng ${row.rowNumber}: không có số liệu nào ngoài tên đơn vị và thời gian; dòng này không được tính.`,
      });
      continue;
    }
    const typed = row.cells[unitIndex];
    if (typed === undefined || isBlankCell(typed)) {
      rejected.push({
        rowNumber: row.rowNumber,
        message: `Dòng ${row.rowNumber}, cột '${source.unitColumn}': ô trống, không biết dòng này của đơn vị nào. Hãy ghi tên đơn vị.`,
      });
      continue;
    }
    const name = cleanText(String(typed));
    const match = matchUnit(index, name);
    if (match.kind === 'unknown') {
      const closest = match.closest.map((n) => `'${n}'`).join(', ');
      rejected.push({
        rowNumber: row.rowNumber,
        message: `Dòng ${row.rowNumber}, cột '${source.unitColumn}': không có đơn vị nào tên '${name}'${closest ? `; tên gần nhất: ${closest}` : ''}. Hãy ghi đúng tên đơn vị như danh sách của Quận Đoàn.`,
      });
      continue;
    }
    if (match.kind === 'ambiguous') {
      const names = match.units.map((u) => `'${u.name}'`).join(', ');
      rejected.push({
        rowNumber: row.rowNumber,
        message: `Dòng ${row.rowNumber}, cột '${source.unitColumn}': tên '${name}' trùng với nhiều đơn vị (${names}). Hãy ghi tên đầy đủ của đơn vị.`,
      });
      continue;
    }
    if (!rowsMayNameUnit(spec, match.unit)) {
      rejected.push({
        rowNumber: row.rowNumber,
        message: `Dòng ${row.rowNumber}, cột '${source.unitColumn}': ${match.unit.name} không thuộc đối tượng của biểu mẫu '${spec.title}', nên dòng này không được tính.`,
      });
      continue;
    }
    const repeated = firstRepeat(row, uniqueColumns);
    if (repeated) {
      rejected.push({
        rowNumber: row.rowNumber,
        message: `Dòng ${row.rowNumber}, cột '${repeated.header}': '${repeated.value}' trùng với dòng ${repeated.firstRow}; mỗi ${lowerFirst(repeated.header)} chỉ được ghi một lần, nên dòng này không được tính. Hãy sửa số hoặc xóa dòng lặp.`,
      });
      continue;
    }
    let group = byUnit.get(match.unit.id);
    if (!group) byUnit.set(match.unit.id, (group = { unit: match.unit, rows: [], timestamps: new Map() }));
    group.rows.push({ rowNumber: row.rowNumber, cells: blanked(row.cells, routingOnly) });
    const stamp = timeIndex === undefined ? undefined : rowTimestamp(row.cells[timeIndex]);
    if (stamp) group.timestamps.set(row.rowNumber, stamp);
  }
  const headerCopy = headerRows.map((r) => ({ rowNumber: r.rowNumber, cells: blanked(r.cells, routingOnly) }));
  const routed = [...byUnit.values()].map((g) => ({
    unit: g.unit,
    tab: { name: tab.name, rows: [...headerCopy, ...g.rows] },
    timestamps: g.timestamps,
  }));
  return checked(
    { headerRowNumber: headerRows[0]?.rowNumber, units: routed, rejected, problems, rowsIn: body.length },
    header.span,
  );
}

/** Rows in = rows routed + rows rejected, each row once: anything else is a bug, never a silent loss. */
function checked(routing: SharedRouting, headerSpan = 0): SharedRouting {
  const routedRows = routing.units.flatMap((u) => u.tab.rows.slice(headerSpan).map((r) => r.rowNumber));
  const all = [...routedRows, ...routing.rejected.map((r) => r.rowNumber)];
  if (all.length !== routing.rowsIn || new Set(all).size !== all.length) {
    throw new Error(
      `Shared row conservation violated: ${routing.rowsIn} rows in, ${routedRows.length} routed, ${routing.rejected.length} rejected`,
    );
  }
  return routing;
}

type UniqueColumn = {
  readonly column: { readonly header: string };
  readonly index: number;
  readonly seen: Map<string, number>;
};

/** The first unique column whose value an earlier row already holds; records this row's values otherwise. */
function firstRepeat(
  row: SheetRow,
  columns: readonly UniqueColumn[],
): { header: string; value: string; firstRow: number } | undefined {
  const values = columns.map((u) => {
    const cell = row.cells[u.index];
    return cell === undefined || isBlankCell(cell) ? undefined : cleanText(String(cell));
  });
  for (const [i, u] of columns.entries()) {
    const value = values[i];
    const firstRow = value === undefined ? undefined : u.seen.get(foldForMatch(value));
    if (value !== undefined && firstRow !== undefined) return { header: u.column.header, value, firstRow };
  }
  for (const [i, u] of columns.entries()) {
    const value = values[i];
    if (value !== undefined) u.seen.set(foldForMatch(value), row.rowNumber);
  }
  return undefined;
}

function blanked(cells: readonly RawCell[], indexes: readonly (number | undefined)[]): RawCell[] {
  return cells.map((cell, i) => (indexes.includes(i) ? null : cell));
}

function isEmpty(cells: readonly RawCell[], ignored: ReadonlySet<number>): boolean {
  return cells.every((cell, i) => ignored.has(i) || isBlankCell(cell));
}
