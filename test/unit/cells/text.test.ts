import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseText } from '../../../functions/src/domain/cells/text.js';
import { expectParsed, expectRejected } from './cell-expect.js';

describe('parseText', () => {
  it.each<[string, RawCell, string]>([
    ['trimmed', '  Nguyễn Văn A  ', 'Nguyễn Văn A'],
    ['NFD made NFC', 'Nguyễn Văn A'.normalize('NFD'), 'Nguyễn Văn A'],
    ['spaces collapsed, NBSP and zero-width', 'Nguyễn\u00A0\u00A0Văn\u200B A', 'Nguyễn Văn A'],
    ['lines kept, each trimmed', ' dòng 1 \r\n  dòng 2 ', 'dòng 1\ndòng 2'],
    ['large integer without exponent', 12345678901, '12345678901'],
    ['huge integer without exponent', 1e21, '1000000000000000000000'],
    ['decimal number', 2.5, '2.5'],
    ['-0', -0, '0'],
    ['true', true, 'Có'],
    ['false', false, 'Không'],
    ['Date', new Date(Date.UTC(2024, 8, 5)), '05/09/2024'],
    ['control characters removed', 'A\u0000B\u0007C', 'ABC'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseText(cell), expected);
  });

  it('accepts text at the maximum length, counting characters not UTF-16 units', () => {
    expectParsed(parseText('Đoàn'.normalize('NFD'), { maxLength: 4 }), 'Đoàn');
  });

  it.each<[string, RawCell, { maxLength?: number }, string]>([
    ['too long', 'a'.repeat(201), { maxLength: 200 }, 'dài quá 200 ký tự (đang có 201 ký tự'],
    ['very long', 'a'.repeat(50_000), { maxLength: 1000 }, 'dài quá 1.000 ký tự (đang có 50.000 ký tự'],
    ['error cell', { error: '#REF!' }, {}, 'ô đang báo lỗi #REF! (kiểm tra lại công thức)'],
    ['NaN', Number.NaN, {}, 'không phải nội dung hợp lệ'],
    ['invalid Date', new Date(Number.NaN), {}, 'ngày không hợp lệ'],
    ['lone space', ' ', {}, 'ô trống'],
    ['U+3000 and tabs only', '\u3000\t\n', {}, 'ô trống'],
    ['undefined', undefined, {}, 'ô trống'],
  ])('rejects %s', (_label, cell, options, phrase) => {
    expectRejected(parseText(cell, options), phrase);
  });
});
