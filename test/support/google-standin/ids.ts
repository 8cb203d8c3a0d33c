/**
 * The identifiers Google hands out: 44-character file ids, integer ids for sheets, charts and
 * protected ranges, and per-person permission ids that are the same on every file.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { StoredSpreadsheet } from './spreadsheets.js';

/** Drive gives one person the same permission id on every file. */
export function permissionIdFor(email: string): string {
  const digest = createHash('sha256').update(email.toLowerCase()).digest();
  let id = '';
  for (const byte of digest.subarray(0, 20)) id += String(byte % 10);
  return id;
}

/** A Drive-looking file id: 44 characters of [A-Za-z0-9_-]. */
export function newFileId(): string {
  return `1${randomBytes(33).toString('base64url').slice(1)}`;
}

/** A sheet, chart or protected-range id no other object of the spreadsheet has. */
export function newObjectId(spreadsheet: StoredSpreadsheet): number {
  const taken = new Set<number | null | undefined>();
  for (const tab of spreadsheet.sheets) {
    taken.add(tab.properties.sheetId);
    for (const chart of tab.charts) taken.add(chart.chartId);
    for (const range of tab.protectedRanges) taken.add(range.protectedRangeId);
  }
  for (;;) {
    const id = randomInt(1, 2 ** 31 - 1);
    if (!taken.has(id)) return id;
  }
}
