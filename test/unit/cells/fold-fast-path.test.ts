import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, foldAccents } from '../../../functions/src/domain/cells/fold.js';

/** cleanText and foldAccents as they were before their fast paths: every string must come out the same. */
function cleanTextAllPasses(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\p{Cf}/gu, '')
    .replace(/\t/g, ' ')
    .replace(/[^\P{Cc}\n]/gu, '')
    .replace(/[^\S\n ]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

function foldAccentsAllPasses(s: string): string {
  return s.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '').replace(/[đð]/g, 'd').normalize('NFC');
}

/** Characters a typed cell mixes: Vietnamese letters (composed and decomposed), every kind of space, invisible and control characters. */
const typedChar = fc.constantFrom(
  ...'aAzZ09 .,-/Đđðẩẫệữỳ\u0301\u0323\u00a0\u202f\u3000\t\n\r\u2028\u2029\u200b\u200d\ufeff\u00ad\u0000\u001f\u0085I\u0130'.split(
    '',
  ),
);
const typed = fc.array(typedChar, { maxLength: 24 }).map((chars) => chars.join(''));

describe('fold fast paths', () => {
  it('cleanText gives what all seven passes give, for any mix of letters, spaces and invisible characters', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.string(), fc.string({ unit: 'binary' })), (s) => {
        expect(cleanText(s)).toBe(cleanTextAllPasses(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('foldAccents gives what the full fold gives', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.string(), fc.string({ unit: 'binary' })), (s) => {
        expect(foldAccents(s)).toBe(foldAccentsAllPasses(s));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['  Lê\u00a0 Thị\tHồng ', 'Lê Thị Hồng'],
    ['Nguye\u0302\u0303n', 'Nguyễn'],
    ['a\u200bb', 'ab'],
  ])('cleanText(%j) = %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});
