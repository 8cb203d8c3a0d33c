import { describe, expect, it } from 'vitest';
import {
  PRINT_SAFE_SYMBOL_CHARACTERS,
  STATUS_DISPLAY,
  SUBMISSION_STATUSES,
} from '../../../functions/src/domain/status/status-kinds.js';

describe('status symbols', () => {
  it.each(SUBMISSION_STATUSES)('%s uses only characters the common fonts draw', (status) => {
    const outside = [...STATUS_DISPLAY[status].symbol].filter((ch) => !PRINT_SAFE_SYMBOL_CHARACTERS.includes(ch));
    expect(outside).toEqual([]);
  });

  it('the safe list holds no emoji (e.g. ⏰, which printed as an empty box)', () => {
    for (const ch of PRINT_SAFE_SYMBOL_CHARACTERS) expect(ch).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(PRINT_SAFE_SYMBOL_CHARACTERS).not.toContain('⏰');
  });

  it('tells every status apart: no symbol is another’s, so the colour rules cannot mix them up', () => {
    const symbols = SUBMISSION_STATUSES.map((s) => STATUS_DISPLAY[s].symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});
