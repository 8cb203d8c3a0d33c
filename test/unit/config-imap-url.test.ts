import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/src/config.js';

describe('IMAP_URL', () => {
  it('is absent by default: the mailbox is a local folder of .eml files', () => {
    expect(loadConfig({}).mail.imapUrl).toBeUndefined();
  });

  it.each([
    'imaps://baocao%40quandoan.vn:abcd%20efgh@imap.gmail.com/INBOX',
    'imap://donvi:secret@127.0.0.1:1143/Bao%20cao',
    'imaps://user:pass@mail.example.com',
  ])('accepts %s', (url) => {
    expect(loadConfig({ IMAP_URL: url }).mail.imapUrl).toBe(url);
  });

  it.each([
    ['a host alone', 'imap.gmail.com'],
    ['no password', 'imaps://user@imap.gmail.com/INBOX'],
    ['no user', 'imaps://:pass@imap.gmail.com/INBOX'],
    ['another scheme', 'https://user:pass@imap.gmail.com/INBOX'],
  ])('refuses %s, naming the setting in English and showing the form in Vietnamese', (_, url) => {
    expect(() => loadConfig({ IMAP_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ IMAP_URL: url })).toThrow(
      /^Invalid setting IMAP_URL: an imap:\/\/ or imaps:\/\/ URL .* cần dạng imaps:\/\/tên-đăng-nhập:mật-khẩu-ứng-dụng@máy-chủ\/INBOX/,
    );
  });

  it('never repeats the password it refuses', () => {
    expect(() => loadConfig({ IMAP_URL: 'https://user:s3cr3t-pass@imap.gmail.com' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cr3t-pass') }),
    );
  });
});
