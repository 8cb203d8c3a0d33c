import type { CellParse, RawCell } from './raw-cell.js';
import {
  errorCellReason,
  isCellError,
  isPendingFormula,
  PENDING_FORMULA_REASON,
  parsed,
  rejected,
} from './raw-cell.js';
import { blankCellReason } from './blank.js';
import { cleanText, foldForMatch } from './fold.js';
import { parseText } from './text.js';

/** One accepted value of a list column with the other spellings units use for it. */
export interface EnumChoice {
  readonly value: string;
  readonly aliases: readonly string[];
}

type Found =
  | { readonly kind: 'match'; readonly index: number }
  | { readonly kind: 'ambiguous'; readonly values: readonly string[] }
  | { readonly kind: 'none' };

const LISTED = 8;
const NO_OPTIONS = 'cột này chưa có danh sách lựa chọn (báo quận kiểm tra lại biểu mẫu)';

/** Keys from strictest to loosest: exact NFC text, ignoring case, ignoring accents and punctuation, ignoring spaces ('P.B.T' = 'PBT'). */
const TIERS: ReadonlyArray<(s: string) => string> = [
  (s) => cleanText(s),
  (s) => cleanText(s).toLowerCase(),
  foldForMatch,
  (s) => foldForMatch(s).replace(/ /g, ''),
];

/** 'chọn một trong: A; B; C' (the first 8 values, then '…'); semicolons because values may hold commas. */
function choices(options: readonly EnumChoice[], lead = 'chọn một trong'): string {
  const names = options.slice(0, LISTED).map((o) => o.value);
  return `${lead}: ${names.join('; ')}${options.length > LISTED ? '; …' : ''}`;
}

/** Build a matcher that finds the option a text means; a stricter match always wins over a looser one. */
/** Matchers by option list: a column's list is folded once, not once per cell. */
const matchers = new WeakMap<readonly EnumChoice[], (text: string) => Found>();

function optionMatcher(options: readonly EnumChoice[]): (text: string) => Found {
  let matcher = matchers.get(options);
  if (!matcher) {
    matcher = buildOptionMatcher(options);
    matchers.set(options, matcher);
  }
  return matcher;
}

function buildOptionMatcher(options: readonly EnumChoice[]): (text: string) => Found {
  const keyed = TIERS.map((key) =>
    options.map((o) => new Set([o.value, ...o.aliases].map(key).filter((k) => k !== ''))),
  );
  return (text) => {
    for (const [tier, key] of TIERS.entries()) {
      const wanted = key(text);
      if (wanted === '') return { kind: 'none' };
      const hits = (keyed[tier] ?? []).flatMap((set, index) => (set.has(wanted) ? [index] : []));
      const [first] = hits;
      if (hits.length === 1 && first !== undefined) return { kind: 'match', index: first };
      if (hits.length > 1) return { kind: 'ambiguous', values: hits.map((i) => options[i]?.value ?? '') };
    }
    return { kind: 'none' };
  };
}

function ambiguousReason(values: readonly string[]): string {
  return `không rõ là ${values.map((v) => `“${v}”`).join(' hay ')} (gõ đúng chữ và dấu để phân biệt)`;
}

/** The cell's text for matching, or a rejection for error, blank and unusable cells. */
function cellText(cell: RawCell, options: readonly EnumChoice[]): CellParse<string> {
  if (isCellError(cell)) return rejected(errorCellReason(cell));
  if (isPendingFormula(cell)) return rejected(PENDING_FORMULA_REASON);
  if (options.length === 0) return rejected(NO_OPTIONS);
  const text = parseText(cell);
  if (!text.ok) return rejected(blankCellReason(choices(options)));
  if (text.value.length > 2000) return rejected(`không có trong danh sách (${choices(options)})`);
  return text;
}

/** Match a cell to one option of a list column, ignoring case, accents, NFD/NFC, extra spaces and dots; returns the option's value. */
export function matchEnumOption(cell: RawCell, options: readonly EnumChoice[]): CellParse<string> {
  const text = cellText(cell, options);
  if (!text.ok) return text;
  const found = optionMatcher(options)(text.value);
  if (found.kind === 'match') return parsed(options[found.index]?.value ?? '');
  if (found.kind === 'ambiguous') return rejected(ambiguousReason(found.values));
  return rejected(`không có trong danh sách (${choices(options)})`);
}

/** Match a cell listing several options ('A, B', 'A; B', 'A / B', 'A và B', one per line); returns their values in the list's order. */
export function matchMultiEnum(cell: RawCell, options: readonly EnumChoice[]): CellParse<string[]> {
  const text = cellText(cell, options);
  if (!text.ok) return rejected(text.reason);
  const match = optionMatcher(options);
  const whole = match(text.value);
  if (whole.kind === 'match') return parsed([options[whole.index]?.value ?? '']);
  const chosen = new Set<number>();
  const unknown: string[] = [];
  for (const piece of splitPieces(text.value, /[,;+\n]/)) {
    const found = match(piece);
    if (found.kind === 'match') {
      chosen.add(found.index);
      continue;
    }
    for (const part of splitPieces(piece, /\s*\/\s*|\s+và\s+/i)) {
      const inner = match(part);
      if (inner.kind === 'match') chosen.add(inner.index);
      else if (inner.kind === 'ambiguous') return rejected(ambiguousReason(inner.values));
      else unknown.push(part);
    }
  }
  if (unknown.length > 0) {
    const named = unknown.slice(0, 3).map((u) => `“${[...u].length > 40 ? `${[...u].slice(0, 40).join('')}…` : u}”`);
    const more = unknown.length > 3 ? ` và ${unknown.length - 3} mục khác` : '';
    return rejected(
      `không có trong danh sách: ${named.join(', ')}${more} (${choices(options, 'chọn trong')}; nhiều lựa chọn thì ngăn cách bằng dấu phẩy)`,
    );
  }
  if (chosen.size === 0) return rejected(blankCellReason(choices(options)));
  return parsed([...chosen].sort((a, b) => a - b).map((i) => options[i]?.value ?? ''));
}

function splitPieces(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => foldForMatch(p) !== '');
}
