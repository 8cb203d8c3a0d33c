import pLimit from 'p-limit';

/**
 * Parsing a workbook with exceljs is CPU-bound and holds the whole workbook in memory, so one
 * parse runs at a time in the process (reading files, hashing and Firestore commits of other
 * units still overlap): peak memory is one workbook's, however many units a sweep reads at once.
 */
const slot = pLimit(1);

/** Run `parse` when no other workbook parse is running. */
export function withParseSlot<T>(parse: () => Promise<T>): Promise<T> {
  return slot(parse);
}
