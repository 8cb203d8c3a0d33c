import { describe, expect, it } from 'vitest';
import { firestoreValueSize } from '../../../functions/src/domain/submissions/submission-size.js';

describe('firestoreValueSize: the stored size as Firestore counts it', () => {
  it.each([
    ['null', null, 1],
    ['boolean', true, 1],
    ['number', 1_900_000, 8],
    ['ASCII string', 'abc', 4],
    ['Vietnamese string (UTF-8 bytes + 1)', 'Đội', 2 + 3 + 1 + 1],
    ['array: sum of elements', ['a', 1], 2 + 8],
    ['map: field names + 1 and values', { ab: 'x', n: 2 }, 3 + 2 + (2 + 8)],
    ['undefined fields are not stored', { a: undefined, b: true }, 2 + 1],
    ['nested', { rows: [{ values: { name: 'Lan' } }] }, 5 + (7 + (5 + 4))],
  ])('%s', (_, value, bytes) => {
    expect(firestoreValueSize(value)).toBe(bytes);
  });
});
