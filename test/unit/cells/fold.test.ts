import { describe, expect, it } from 'vitest';
import { cleanText, foldForMatch } from '../../../functions/src/domain/cells/fold.js';

describe('foldForMatch', () => {
  it.each<[string, string]>([
    ['Tổng phụ trách Đội', 'tong phu trach doi'],
    ['TỔNG PHỤ TRÁCH ĐỘI', 'tong phu trach doi'],
    ['Tổng phụ trách Đội'.normalize('NFD'), 'tong phu trach doi'],
    ['  Số lượng   ĐVTN  tham gia. ', 'so luong dvtn tham gia'],
    ['Địa điểm (xã/phường)', 'dia diem xa phuong'],
    ['“Kết quả”; ghi chú: số_1-2', 'ket qua ghi chu so 1 2'],
    ['Ngày\u00A0sinh\u200B', 'ngay sinh'],
    ['Họ và tên\nđầy đủ', 'ho va ten day du'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each<[string, string]>([
    ['  Nguyễn   Văn A ', 'Nguyễn Văn A'],
    ['Nguyễn'.normalize('NFD'), 'Nguyễn'],
    ['A\u00A0B\u202FC\u3000D', 'A B C D'],
    ['A\u200BB\uFEFFC', 'ABC'],
    ['A\tB', 'A B'],
    ['A\u0000B\u001FC\u007F', 'ABC'],
    ['  dòng 1  \r\n   dòng   2  \n', 'dòng 1\ndòng 2'],
    ['\n\n x \n\n', 'x'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('returns NFC text', () => {
    const cleaned = cleanText('Đoàn Thanh niên'.normalize('NFD'));
    expect(cleaned).toBe('Đoàn Thanh niên'.normalize('NFC'));
    expect(cleaned.length).toBe(15);
  });
});
