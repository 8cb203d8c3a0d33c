import { describe, expect, it } from 'vitest';
import { foreignFormatMessage } from '../../../functions/src/adapters/workbook/foreign-format.js';
import { withNumericBooleans } from '../../../functions/src/adapters/workbook/xlsx-normalize.js';

describe('withNumericBooleans', () => {
  it.each([
    ['<workbookPr backupFile="false" date1904="true"/>', '<workbookPr backupFile="0" date1904="1"/>'],
    ['<pageSetUpPr fitToPage="true"/>', '<pageSetUpPr fitToPage="1"/>'],
    ['<row r="4" hidden="true" customHeight="false">', '<row r="4" hidden="1" customHeight="0">'],
    ['<alignment wrapText="true"/>', '<alignment wrapText="1"/>'],
    ['<x14:foo x14:on="true"/>', '<x14:foo x14:on="1"/>'],
    // Free text that happens to read "true" is a word, not a boolean.
    ['<sheet name="true" sheetId="1"/>', '<sheet name="true" sheetId="1"/>'],
    [
      '<dataValidation prompt="true" errorTitle="false" allowBlank="true"/>',
      '<dataValidation prompt="true" errorTitle="false" allowBlank="1"/>',
    ],
    ['<filter val="true"/>', '<filter val="true"/>'],
    // Already numeric, or text content: unchanged.
    ['<workbookPr date1904="1"/>', '<workbookPr date1904="1"/>'],
    ['<c r="A1" t="b"><v>true</v></c>', '<c r="A1" t="b"><v>true</v></c>'],
    ['<c r="A1"><f>IF(B1="true",1,0)</f></c>', '<c r="A1"><f>IF(B1="true",1,0)</f></c>'],
  ])('%s', (xml, expected) => {
    expect(withNumericBooleans(xml)).toBe(expected);
  });
});

describe('foreignFormatMessage', () => {
  const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
  it.each([
    ['an old .xls', cfb, 'bao-cao.xls', 'là tệp Excel đời cũ (.xls)'],
    [
      'a password-protected .xlsx',
      Buffer.concat([cfb, Buffer.from('EncryptedPackage', 'utf16le')]),
      'bao-cao.xlsx',
      'được đặt mật khẩu',
    ],
    [
      'an .ods renamed',
      Buffer.concat([
        Buffer.from('PK\u0003\u0004', 'latin1'),
        Buffer.alloc(26),
        Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 'latin1'),
      ]),
      'bao-cao.xlsx',
      'OpenDocument (.ods)',
    ],
  ])('names %s and the fix', (_label, bytes, name, what) => {
    const message = foreignFormatMessage(bytes, name);
    expect(message).toContain(what);
    expect(message).toContain(`'${name}'`);
    expect(message).toBe(message?.normalize('NFC'));
  });

  it.each([
    [
      'an .xlsx (zip without mimetype)',
      Buffer.concat([
        Buffer.from('PK\u0003\u0004', 'latin1'),
        Buffer.alloc(26),
        Buffer.from('[Content_Types].xml', 'latin1'),
      ]),
    ],
    [
      'an .odt renamed (not a spreadsheet)',
      Buffer.concat([
        Buffer.from('PK\u0003\u0004', 'latin1'),
        Buffer.alloc(26),
        Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text', 'latin1'),
      ]),
    ],
    ['random bytes', Buffer.from('hello world')],
    ['nothing', Buffer.alloc(0)],
  ])('leaves %s to the workbook reader', (_label, bytes) => {
    expect(foreignFormatMessage(bytes, 'x.xlsx')).toBeUndefined();
  });
});
