import { isBlankCell } from '../cells/blank.js';
import { cleanText, foldAccents } from '../cells/fold.js';
import type { RawCell } from '../cells/raw-cell.js';

/**
 * Rows that close a Vietnamese report table without being data: a total row ("Tổng cộng",
 * "Cộng", or numbers that are the sums of the column above) and the signature block under the
 * table ("Người lập biểu", "TM. BAN CHẤP HÀNH", "Hà Nội, ngày … tháng … năm …", names). They
 * are recognised and left out of the data, each with a status saying so.
 */
export const FOOTER_KINDS = ['total', 'signature'] as const;
export type FooterKind = (typeof FOOTER_KINDS)[number];

/** The status cell of a footer row. */
export const FOOTER_ROW_STATUS: Readonly<Record<FooterKind, string>> = {
  total: 'Dòng tổng cộng: không tính',
  signature: 'Phần ký tên: không tính',
};

/** A row left out of the data because it is part of the table's footer. */
export interface FooterRow {
  readonly rowNumber: number;
  readonly kind: FooterKind;
}

/** Labels a total row starts with, folded (no accents, lower case, single spaces, no trailing colon). */
const TOTAL_LABELS = new Set(['tong cong', 'cong', 'tong', 'tong so', 'cong so', 'tong cong toan don vi']);

/** Phrases that open a signature block on their own (folded), in a row of at most three filled cells. */
const SIGNATURE_PHRASES = [
  /^nguoi lap( bieu| bang)?$/,
  /^t\/?m\.? ?(ban chap hanh|ban thuong vu|hoi dong doi|lien doi|chi doan|doan truong|ban giam hieu|hoi dong)/,
  /^(ky|ky ten|ky, ghi ro ho ten|ky va ghi ro ho ten|ky, ho ten|ky, dong dau)$/,
  /^xac nhan cua/,
  /^noi nhan/,
];

/**
 * Titles and the place-and-date line: they open a block only when every filled cell of the row is
 * one of them, since a data row may hold "Bí thư" as a role or a date written in words.
 */
const SIGNATURE_TITLES = [
  /^(bi thu|pho bi thu|hieu truong|pho hieu truong|tong phu trach( doi)?|chu tich|thu truong don vi|truong ban)$/,
  /^[^,]+, ngay \S+ thang \S+ nam \S+$/,
];

/** Folded text of a cell: no accents or case, brackets and trailing punctuation removed, single spaces. */
function folded(cell: RawCell): string {
  if (typeof cell !== 'string') return '';
  return foldAccents(cleanText(cell))
    .replace(/^[([]+|[)\]]+$/g, '')
    .replace(/[.:;,]+$/, '')
    .trim();
}

interface FilledCell {
  readonly index: number;
  readonly cell: RawCell;
}

function nonBlank(cells: readonly RawCell[], ignored: ReadonlySet<number>): FilledCell[] {
  const filled: FilledCell[] = [];
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (!ignored.has(index) && !isBlankCell(cell)) filled.push({ index, cell });
  }
  return filled;
}

/** A row whose first two filled cells hold a total label ("Tổng cộng", "Cộng:", "TỔNG SỐ"). */
function hasTotalLabel(filled: readonly FilledCell[]): boolean {
  return filled.slice(0, 2).some(({ cell }) => {
    const text = folded(cell);
    return TOTAL_LABELS.has(text) || text.startsWith('tong cong ');
  });
}

/**
 * A row of numbers only, each the sum of its column over the data rows above (a cached =SUM):
 * at least two rows above, and at least two columns summed. `filled` leaves out the counter columns.
 */
function isSumOfAbove(
  filled: readonly FilledCell[],
  columnSums: ReadonlyMap<number, number>,
  rowsAbove: number,
): boolean {
  if (rowsAbove < 2) return false;
  // Two sums at least: a lone number equal to its column's total is too easily a real row.
  if (filled.length < 2 || !filled.every(({ cell }) => typeof cell === 'number')) return false;
  return filled.every(({ index, cell }) => {
    const sum = columnSums.get(index);
    return sum !== undefined && sum !== 0 && Math.abs(sum - (cell as number)) < 1e-6 * Math.max(1, Math.abs(sum));
  });
}

/** A short row (at most three filled cells) holding a signature-block phrase, or made only of titles and the date line. */
function opensSignatureBlock(filledCells: readonly FilledCell[]): boolean {
  // Counted before folding: a data row (many cells) is never folded here, which the sweep would pay for every row.
  if (filledCells.length === 0 || filledCells.length > 3) return false;
  const filled = filledCells.map(({ cell }) => folded(cell));
  const strong = filled.some((text) => SIGNATURE_PHRASES.some((phrase) => phrase.test(text)));
  return strong || filled.every((text) => SIGNATURE_TITLES.some((title) => title.test(text)));
}

/** Inside a signature block: a short row of text (a title, a name, "(Đã ký)"), never numbers or dates. */
function continuesSignatureBlock(filled: readonly FilledCell[]): boolean {
  return filled.length > 0 && filled.length <= 3 && filled.every(({ cell }) => typeof cell === 'string');
}

/** What a tab's reader remembers while going down the rows: column sums of the data so far, and whether a signature block began. */
export interface FooterScan {
  signature: boolean;
  dataRows: number;
  readonly columnSums: Map<number, number>;
}

/** A fresh scan for one tab. */
export function newFooterScan(): FooterScan {
  return { signature: false, dataRows: 0, columnSums: new Map() };
}

/**
 * Whether this row is part of the table's footer. `statusIndex` is the system's status column;
 * `counterIndexes` the running-number columns (STT), which a total row leaves blank or labels.
 */
export function footerKindOf(
  cells: readonly RawCell[],
  scan: FooterScan,
  statusIndex: number | undefined,
  counterIndexes: ReadonlySet<number>,
): FooterKind | undefined {
  const status = new Set(statusIndex === undefined ? [] : [statusIndex]);
  const filled = nonBlank(cells, status);
  if (scan.signature) {
    if (continuesSignatureBlock(filled)) return 'signature';
    scan.signature = false;
  }
  if (opensSignatureBlock(filled)) {
    scan.signature = true;
    return 'signature';
  }
  if (hasTotalLabel(filled)) return 'total';
  if (
    isSumOfAbove(
      counterIndexes.size ? filled.filter(({ index }) => !counterIndexes.has(index)) : filled,
      scan.columnSums,
      scan.dataRows,
    )
  )
    return 'total';
  return undefined;
}

/** Add a data row's numbers to the column sums a later total row is compared with. */
export function countDataRow(cells: readonly RawCell[], scan: FooterScan): void {
  scan.dataRows++;
  cells.forEach((cell, index) => {
    if (typeof cell === 'number' && Number.isFinite(cell))
      scan.columnSums.set(index, (scan.columnSums.get(index) ?? 0) + cell);
  });
}
