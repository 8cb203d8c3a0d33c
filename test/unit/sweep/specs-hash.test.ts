import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { hashContent } from '../../../functions/src/domain/submissions/build-submissions.js';
import { unitSpecsHash } from '../../../functions/src/jobs/sweep/specs-hash.js';

const builtins = await loadBuiltinForms();

describe('unitSpecsHash', () => {
  it.each([
    ['every built-in form', builtins, 'don-vi.xlsx'],
    ['one form', builtins.slice(0, 1), 'mot.xlsx'],
    ['no form', [], 'khong.xlsx'],
  ])('is the hash of { READER_VERSION, forms, source } for %s, so stored states stay valid', (_, forms, source) => {
    expect(unitSpecsHash(5, forms, source)).toBe(hashContent({ READER_VERSION: 5, forms, source }));
    // A second call reads the cached form JSON and still agrees.
    expect(unitSpecsHash(5, forms, source)).toBe(hashContent({ READER_VERSION: 5, forms, source }));
  });

  it('changes with a form, the reader version or the source', () => {
    const base = unitSpecsHash(5, builtins, 'a.xlsx');
    expect(unitSpecsHash(6, builtins, 'a.xlsx')).not.toBe(base);
    expect(unitSpecsHash(5, builtins, 'b.xlsx')).not.toBe(base);
    expect(unitSpecsHash(5, builtins.slice(1), 'a.xlsx')).not.toBe(base);
  });

  it('with the hashes a unit refers to elsewhere, is the hash of { READER_VERSION, forms, referenced, source }', () => {
    const forms = builtins.slice(0, 2);
    const referenced = ['dang-ky~mot-lan~cd-a=h1'];
    expect(unitSpecsHash(5, forms, 'a.xlsx', referenced)).toBe(
      hashContent({ READER_VERSION: 5, forms, referenced, source: 'a.xlsx' }),
    );
    expect(unitSpecsHash(5, forms, 'a.xlsx', [])).not.toBe(unitSpecsHash(5, forms, 'a.xlsx'));
    expect(unitSpecsHash(5, forms, 'a.xlsx', [])).not.toBe(unitSpecsHash(5, forms, 'a.xlsx', referenced));
  });
});
