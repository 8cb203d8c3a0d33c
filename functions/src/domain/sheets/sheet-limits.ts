/**
 * How much a unit's sheet may hold before it is refused unparsed. The defaults fit a 1 GiB
 * function: the worst file within every limit takes ≈ 0.6 GB to parse (measured, see README).
 */
export interface SheetLimits {
  /** Bytes of the .xlsx file itself. */
  readonly maxFileBytes: number;
  /** Bytes of the whole package once inflated (a zip bomb stops here). */
  readonly maxUnzippedBytes: number;
  /** Bytes of any one part once inflated (exceljs reads each part as one string). */
  readonly maxPartBytes: number;
  /** Bytes of the shared-strings part once inflated (the text of every text cell). */
  readonly maxSharedStringsBytes: number;
  readonly maxRowsPerTab: number;
  readonly maxCellsPerTab: number;
  /** Cells of all tabs together: what bounds the parser's memory. */
  readonly maxCellsPerFile: number;
  /** The highest column a tab may use (1 = A). */
  readonly maxColumns: number;
}

const MB = 1024 * 1024;

/** Defaults of every limit; each is a setting (TONGHOP_MAX_*). */
export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxFileBytes: 20 * MB,
  maxUnzippedBytes: 200 * MB,
  maxPartBytes: 50 * MB,
  maxSharedStringsBytes: 20 * MB,
  maxRowsPerTab: 20_000,
  maxCellsPerTab: 1_000_000,
  maxCellsPerFile: 1_000_000,
  maxColumns: 200,
};

/** The defaults with some limits replaced. */
export function sheetLimits(overrides: Partial<SheetLimits> = {}): SheetLimits {
  return { ...DEFAULT_SHEET_LIMITS, ...overrides };
}
