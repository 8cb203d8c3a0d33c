import { describe, expect, it } from 'vitest';
import { localeIsUtf8, terminalText, toAsciiText } from '../../../functions/src/cli/terminal-text.js';

describe('localeIsUtf8', () => {
  it.each<[string, Record<string, string | undefined>, boolean]>([
    ['no locale variable at all', {}, true],
    ['LANG in UTF-8', { LANG: 'vi_VN.UTF-8' }, true],
    ['LANG spelled utf8', { LANG: 'en_US.utf8' }, true],
    ['LANG=C', { LANG: 'C' }, false],
    ['LANG=POSIX', { LANG: 'POSIX' }, false],
    ['a Latin-1 locale', { LANG: 'en_US.ISO-8859-1' }, false],
    ['LC_ALL wins over a UTF-8 LANG', { LANG: 'vi_VN.UTF-8', LC_ALL: 'C' }, false],
    ['LC_ALL in UTF-8 wins over LANG=C', { LANG: 'C', LC_ALL: 'C.UTF-8' }, true],
    ['LC_CTYPE before LANG', { LANG: 'vi_VN.UTF-8', LC_CTYPE: 'C' }, false],
    ['an empty LC_ALL is not set', { LANG: 'vi_VN.UTF-8', LC_ALL: '' }, true],
  ])('%s', (_, env, expected) => {
    expect(localeIsUtf8(env)).toBe(expected);
  });
});

describe('toAsciiText', () => {
  it.each<[string, string]>([
    ['Đang lưu dữ liệu Firestore cục bộ…', 'Dang luu du lieu Firestore cuc bo...'],
    ['Đang đọc tệp của các đơn vị: 36/36', 'Dang doc tep cua cac don vi: 36/36'],
    ['Tính đến 10g05 15/09/2024 (giờ Việt Nam).', 'Tinh den 10g05 15/09/2024 (gio Viet Nam).'],
    // Decomposed input (NFD) comes out the same as composed.
    ['Quận Đoàn'.normalize('NFD'), 'Quan Doan'],
    ['Tổng hợp ▸ Cài đặt kết nối — a → b · ✓ ✗', 'Tong hop > Cai dat ket noi - a -> b - v x'],
    ['┌──┬──┐\n│ a│ b│\n└──┴──┘', '+--+--+\n| a| b|\n+--+--+'],
    ['emoji ⏰ has no stand-in', 'emoji ? has no stand-in'],
  ])('%s', (text, expected) => {
    expect(toAsciiText(text)).toBe(expected);
  });

  it('leaves every character ASCII', () => {
    const all = 'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ';
    const ascii = toAsciiText(all + all.toLowerCase());
    expect(ascii).toMatch(/^[\x20-\x7e]*$/);
    expect(ascii).toBe(
      'AAAAAAAAAAAAAAAAADEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYY' +
        'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy',
    );
  });
});

describe('terminalText', () => {
  it('keeps the text on UTF-8 and strips it otherwise', () => {
    expect(terminalText(true)('Đơn vị')).toBe('Đơn vị');
    expect(terminalText(false)('Đơn vị')).toBe('Don vi');
  });
});
