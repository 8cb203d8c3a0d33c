import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../../../functions/src/domain/submissions/build-submissions.js';

/** stableJson as it was written first: stored content hashes depend on every byte of it. */
function stableJsonFirstWritten(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJsonFirstWritten).join(',')}]`;
  if (value instanceof Date)
    return JSON.stringify(Number.isNaN(value.getTime()) ? 'Invalid Date' : { date: value.toISOString() });
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJsonFirstWritten(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('stableJson', () => {
  it('writes every value exactly as the first version did (content hashes stay the same)', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node')),
        fc.sparseArray(tie('node')),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('', 'a', 'B', 'é', '1', '10', '__proto__x')), tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(stableJson(v)).toBe(stableJsonFirstWritten(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('sorts keys and leaves out undefined fields', () => {
    expect(
      stableJson({ b: 1, a: [undefined, { d: undefined, c: 'Hà Nội' }], é: new Date('2024-09-15T03:00:00Z') }),
    ).toBe('{"a":[null,{"c":"Hà Nội"}],"b":1,"é":{"date":"2024-09-15T03:00:00.000Z"}}');
  });
});
