import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImapMailbox } from '../../../functions/src/adapters/mail/imap-mailbox.js';
import { MailboxError } from '../../../functions/src/jobs/mailbox/mailbox-error.js';
import { startDovecot, type TestDovecot } from '../../support/dovecot.js';

/** What an operator reads when IMAP_URL is wrong, against a real Dovecot. */
describe('openImapMailbox errors', () => {
  let dovecot: TestDovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  it('a wrong password names IMAP_URL and the app password, and never shows the password', async () => {
    const url = `imap://${dovecot.user}:sai-mat-khau-123@127.0.0.1:${dovecot.port}/INBOX`;
    const error = await openImapMailbox({ url }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MailboxError);
    expect(error).toMatchObject({
      failure: 'auth',
      message: expect.stringContaining('check the user and password in IMAP_URL'),
    });
    expect((error as Error).message).not.toContain('sai-mat-khau-123');
  });

  it('a folder that does not exist says to fix the folder at the end of IMAP_URL', async () => {
    await expect(openImapMailbox({ url: dovecot.url('Khong co') })).rejects.toMatchObject({
      failure: 'folder',
      message: expect.stringContaining('fix the folder at the end of IMAP_URL'),
    });
  });

  it('a port nobody listens on says to check the host and port', async () => {
    await dovecot.stop();
    await expect(openImapMailbox({ url: `imap://u:p@127.0.0.1:${dovecot.port}/INBOX` })).rejects.toMatchObject({
      failure: 'connection',
      message: expect.stringContaining('check the host and port in IMAP_URL'),
    });
  });
});
