import { describe, expect, it } from 'vitest';
import { vietnameseUsageError } from '../../../functions/src/cli/messages.js';

describe('vietnameseUsageError', () => {
  it.each<[string, string]>([
    ["error: unknown option '--foo'", "lỗi: không có tùy chọn '--foo'"],
    [
      "error: unknown option '--dryrun'\n(Did you mean --dry-run?)",
      "lỗi: không có tùy chọn '--dryrun' (có phải ý là --dry-run?)",
    ],
    ["error: unknown command 'swep'\n(Did you mean sweep?)", "lỗi: không có lệnh 'swep' (có phải ý là sweep?)"],
    ["error: missing required argument 'mã'", "lỗi: thiếu tham số bắt buộc 'mã'"],
    ["error: option '--control <tệp>' argument missing", "lỗi: tùy chọn '--control <tệp>' thiếu giá trị"],
    ["error: required option '--unit <mã>' not specified", "lỗi: thiếu tùy chọn bắt buộc '--unit <mã>'"],
    [
      "error: too many arguments for 'inspect'. Expected 0 arguments but got 1.",
      "lỗi: thừa tham số cho lệnh 'inspect': cần 0, nhận 1.",
    ],
    ['error: too many arguments. Expected 1 argument but got 2.', 'lỗi: thừa tham số: cần 1, nhận 2.'],
    [
      "error: option '--now <thời-điểm>' argument 'hôm qua' is invalid. cần một thời điểm dạng ISO 8601.",
      "lỗi: giá trị 'hôm qua' của tùy chọn '--now <thời-điểm>' không hợp lệ: cần một thời điểm dạng ISO 8601.",
    ],
    ['error: something commander adds later', 'error: something commander adds later'],
  ])('%s', (english, vietnamese) => {
    expect(vietnameseUsageError(english)).toBe(vietnamese);
  });
});
