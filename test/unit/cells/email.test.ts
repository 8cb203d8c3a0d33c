import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import { parseEmail } from '../../../functions/src/domain/cells/email.js';
import { expectParsed, expectRejected } from './cell-expect.js';

const REASON = 'không phải địa chỉ email hợp lệ (ví dụ ten@truong.edu.vn)';

describe('parseEmail', () => {
  it.each<[string, RawCell, string]>([
    ['plain', 'ten@truong.edu.vn', 'ten@truong.edu.vn'],
    ['uppercase and spaces', '  Nguyen.VanA@Gmail.COM ', 'nguyen.vana@gmail.com'],
    ['NBSP around', '\u00A0doanphuong@quan1.gov.vn\u00A0', 'doanphuong@quan1.gov.vn'],
    ['mailto', 'mailto:bt@thcs.edu.vn', 'bt@thcs.edu.vn'],
    ['name and brackets', 'Nguyễn Văn A <a.nguyen@thcs.edu.vn>', 'a.nguyen@thcs.edu.vn'],
    ['plus tag', 'doan+2024@gmail.com', 'doan+2024@gmail.com'],
    ['sentence dot', 'ten@truong.edu.vn.', 'ten@truong.edu.vn'],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(parseEmail(cell), expected);
  });

  it.each<[string, RawCell, string]>([
    ['no @', 'ten.truong.edu.vn', REASON],
    ['no domain', 'ten@', REASON],
    ['domain without dot', 'ten@truong', REASON],
    ['comma in domain', 'ten@gmail,com', REASON],
    ['space inside', 'ten truong@gmail.com', REASON],
    ['double dot', 'ten..a@gmail.com', REASON],
    ['accented local part', 'nguyễn@gmail.com', REASON],
    ['two addresses', 'a@b.vn, c@d.vn', REASON],
    ['number', 12345, REASON],
    ['lone space', ' ', 'ô trống'],
    ['error cell', { error: '#NAME?' }, 'ô đang báo lỗi #NAME?'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(parseEmail(cell), phrase);
  });
});
