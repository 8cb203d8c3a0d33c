import { describe, expect, it } from 'vitest';
import {
  originAfterRead,
  sameOrigin,
  sourceOriginLabel,
  type SourceOrigin,
} from '../../../functions/src/domain/sources/source-origin.js';

const mailbox: SourceOrigin = { kind: 'mailbox', file: 'th-a.xlsx' };
const workbook: SourceOrigin = { kind: 'workbook', file: 'th-a.xlsx' };

describe('originAfterRead', () => {
  it.each([
    ['a mailed file read again unchanged stays mailbox', workbook, mailbox, true, mailbox],
    ['a mailed file replaced by hand becomes workbook', workbook, mailbox, false, workbook],
    [
      'a mailed file under another name does not carry',
      { kind: 'workbook', file: 'khac.xlsx' },
      mailbox,
      true,
      { kind: 'workbook', file: 'khac.xlsx' },
    ],
    ['a new mail replaces a workbook', mailbox, workbook, false, mailbox],
    [
      'a mailed file on Drive read again unchanged stays mailbox',
      { kind: 'drive-xlsx', file: 'th-a.xlsx' },
      mailbox,
      true,
      mailbox,
    ],
    [
      'a mailed file on Drive replaced by the unit becomes drive-xlsx',
      { kind: 'drive-xlsx', file: 'th-a.xlsx' },
      mailbox,
      false,
      { kind: 'drive-xlsx', file: 'th-a.xlsx' },
    ],
    [
      'nothing known before: what the reader says',
      { kind: 'drive-xlsx', file: 'id1' },
      undefined,
      false,
      { kind: 'drive-xlsx', file: 'id1' },
    ],
    [
      'a spreadsheet that became an upload says so',
      { kind: 'drive-xlsx', file: 'id1' },
      { kind: 'google-sheet', file: 'id1' },
      true,
      { kind: 'drive-xlsx', file: 'id1' },
    ],
  ] as const)('%s', (_name, reported, previous, same, expected) => {
    expect(originAfterRead(reported, previous, same)).toEqual(expected);
  });
});

describe('sourceOriginLabel', () => {
  it.each([
    [{ kind: 'google-sheet', file: 'id' }, 'Google Trang tính'],
    [{ kind: 'drive-xlsx', file: 'id' }, 'Tệp Excel trên Drive'],
    [{ kind: 'workbook', file: 'a.xlsx' }, 'Tệp Excel trong thư mục'],
    [{ kind: 'mailbox', file: 'a.xlsx' }, 'Thư điện tử'],
    [{ kind: 'shared', file: 'dang-ky.xlsx' }, "Bảng chung 'dang-ky.xlsx'"],
  ] as const)('%j → %s (NFC)', (origin, label) => {
    expect(sourceOriginLabel(origin)).toBe(label.normalize('NFC'));
    expect(sourceOriginLabel(origin)).toBe(sourceOriginLabel(origin).normalize('NFC'));
  });
});

describe('sameOrigin', () => {
  it('compares kind and file; an unknown origin equals only another unknown', () => {
    expect(sameOrigin(mailbox, { ...mailbox })).toBe(true);
    expect(sameOrigin(mailbox, workbook)).toBe(false);
    expect(sameOrigin(undefined, workbook)).toBe(false);
    expect(sameOrigin(undefined, undefined)).toBe(true);
  });
});
