import { describe, expect, it } from 'vitest';
import {
  attachmentRefusal,
  classifyAttachment,
  ATTACHMENT_VERDICTS,
} from '../../../functions/src/domain/mailbox/classify-attachment.js';

const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
const CFB = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

describe('classifyAttachment', () => {
  it.each([
    ['an .xlsx (a zip package)', 'Báo cáo.XLSX', XLSX_TYPE, 1000, ZIP, 'xlsx'],
    ['an .xlsx with a generic content type', 'bao-cao.xlsx', 'application/octet-stream', 1000, ZIP, 'xlsx'],
    ['an .xlsx over the limit', 'bao-cao.xlsx', XLSX_TYPE, 11 * MB, ZIP, 'too-large'],
    ['a zip of workbooks', 'bao-cao.zip', 'application/zip', 1000, ZIP, 'archive'],
    ['a .rar', 'bao-cao.rar', 'application/octet-stream', 1000, new Uint8Array(8), 'archive'],
    ['a zip over the limit (said to be an archive first)', 'bao-cao.zip', 'application/zip', 11 * MB, ZIP, 'archive'],
    ['an Excel 97-2003 .xls', 'bao-cao.xls', 'application/vnd.ms-excel', 1000, CFB, 'old-excel'],
    ['a .pdf', 'bao-cao.pdf', 'application/pdf', 1000, new Uint8Array(8), 'not-xlsx'],
    [
      'an .xlsx that is not a zip package',
      'bao-cao.xlsx',
      XLSX_TYPE,
      1000,
      new TextEncoder().encode('<html>hi'),
      'not-xlsx',
    ],
  ])('%s', (_, fileName, contentType, size, head, verdict) => {
    expect(classifyAttachment({ fileName, contentType, size, head, encryptedPackage: false }, 10 * MB)).toBe(verdict);
  });

  it.each([
    ['a password-protected .xlsx (a compound file with an EncryptedPackage stream)', true, 'encrypted'],
    ['an old .xls renamed .xlsx (a compound file without one)', false, 'old-excel'],
  ])('%s', (_, encryptedPackage, verdict) => {
    expect(
      classifyAttachment(
        { fileName: 'bao-cao.xlsx', contentType: XLSX_TYPE, size: 1000, head: CFB, encryptedPackage },
        10 * MB,
      ),
    ).toBe(verdict);
  });

  it('says what to do about every refusal, in Vietnamese, naming the file', () => {
    for (const verdict of ATTACHMENT_VERDICTS) {
      if (verdict === 'xlsx') continue;
      const message = attachmentRefusal('Báo cáo.pdf', verdict, 10 * MB);
      expect(message).toMatch(/^Tệp 'Báo cáo\.pdf' /);
      expect(message).toMatch(/(gửi lại|\.xlsx)/);
      expect(message.normalize('NFC')).toBe(message);
    }
    expect(attachmentRefusal('a.xlsx', 'too-large', 10 * MB)).toContain('10 MB');
  });
});
