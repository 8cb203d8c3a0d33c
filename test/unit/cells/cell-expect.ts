import { expect } from 'vitest';
import type { CellParse } from '../../../functions/src/domain/cells/raw-cell.js';

/** Assert a parse succeeded with exactly this normalized value. */
export function expectParsed<T>(result: CellParse<T>, value: T): void {
  expect(result).toEqual({ ok: true, value });
}

/** Assert a parse was rejected with a reason containing this phrase (and written in NFC). */
export function expectRejected<T>(result: CellParse<T>, phrase: string): void {
  expect(result.ok).toBe(false);
  const reason = result.ok ? '' : result.reason;
  expect(reason).toContain(phrase);
  expect(reason).toBe(reason.normalize('NFC'));
}

/** Assert a parse succeeded with this value and this note saying what was taken (in NFC). */
export function expectNoted<T>(result: CellParse<T>, value: T, note: string): void {
  expect(result).toEqual({ ok: true, value, note });
  expect(note).toBe(note.normalize('NFC'));
}
