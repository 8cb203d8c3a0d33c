import { describe, expect, it } from 'vitest';
import { ADVICE } from '../../../functions/src/domain/errors/advice.js';
import { DEPLOY, HELP, INSPECT, NOTIFY, PROGRESS, SESSION } from '../../../functions/src/cli/messages.js';

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** Every text of a message table, functions called with placeholder arguments, keyed by its path. */
function textsOf(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (typeof value === 'function') return [[at, String((value as (...args: string[]) => unknown)('x', 'y', 'z'))]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => textsOf(inner, `${at}.${key}`));
  return [];
}

const TEXTS = textsOf({ ADVICE, DEPLOY, HELP, INSPECT, NOTIFY, PROGRESS, SESSION }, 'messages');

describe('the CLI messages', () => {
  it('are many (the walk found them)', () => {
    expect(TEXTS.length).toBeGreaterThan(60);
  });

  it.each(TEXTS)('%s is Vietnamese in NFC', (_, text) => {
    expect(text.normalize('NFC')).toBe(text);
    expect(text).toMatch(VIETNAMESE_LETTER);
  });
});
