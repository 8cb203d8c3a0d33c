import { describe, expect, it } from 'vitest';
import { lowerFirst, upperFirst } from '../../../functions/src/domain/cells/sentence-case.js';

describe('a Vietnamese fragment placed in a sentence: only its first letter changes case', () => {
  it.each<[string, string, string]>([
    ['Thiếu cột Họ và tên', 'thiếu cột Họ và tên', 'Thiếu cột Họ và tên'],
    ['Đã nộp', 'đã nộp', 'Đã nộp'],
    ['ước tính 1.900.000 đ', 'ước tính 1.900.000 đ', 'Ước tính 1.900.000 đ'],
    ['Ấp Bắc', 'ấp Bắc', 'Ấp Bắc'],
    ['30 phút hành động', '30 phút hành động', '30 phút hành động'],
    ['', '', ''],
  ])('%j', (text, lower, upper) => {
    expect(lowerFirst(text)).toBe(lower);
    expect(upperFirst(text)).toBe(upper);
    expect(lowerFirst(text).normalize('NFC')).toBe(lowerFirst(text));
  });
});
