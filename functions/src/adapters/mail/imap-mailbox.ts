import { ImapFlow } from 'imapflow';
import type { Mailbox } from '../../jobs/mailbox/ports.js';
import { toMailboxError } from './imap-error.js';
import { parseIncoming } from './parse-incoming.js';

/** The IMAP keyword a processed message gets; `pending` lists only messages without it. */
export const PROCESSED_KEYWORD = '$TonghopDaXuLy';

export interface ImapMailboxOptions {
  /** IMAP_URL: imaps://user:password@host[:993]/Folder or imap://user:password@host[:143]/Folder (folder default INBOX). */
  readonly url: string;
  /** Connecting and waiting for the greeting (default 30 s). */
  readonly connectionTimeoutMs?: number;
  /**
   * Only messages received on or after this day are taken: pointing IMAP_URL at a mailbox with years of
   * old mail must not answer every one of them. Absent: every message without the keyword.
   */
  readonly since?: Date;
}

/**
 * A folder of an IMAP mailbox (Gmail with an app password, Workspace, any IMAP server) through imapflow.
 * A processed message gets a keyword rather than being moved or marked read, so staff reading the
 * same mailbox see nothing change; the Firestore ledger is what guards against doing a message twice.
 */
export async function openImapMailbox(options: ImapMailboxOptions): Promise<Mailbox> {
  const url = new URL(options.url);
  const secure = url.protocol === 'imaps:';
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const folder = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  const endpoint = `${url.protocol}//${url.hostname}:${port}/${folder}`;
  const client = new ImapFlow({
    host: url.hostname,
    port,
    secure,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.connectionTimeoutMs ?? 30_000,
  });
  // A dropped connection is reported by the next command; an unhandled 'error' event would end the process.
  client.on('error', () => undefined);
  const translated = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toMailboxError(error, endpoint);
    }
  };
  await translated(() => client.connect());
  const lock = await translated(() => client.getMailboxLock(folder)).catch((error: unknown) => {
    client.close();
    throw error;
  });

  return {
    description: `hộp thư IMAP ${endpoint}`,
    pending: () =>
      translated(async () => {
        const uids = await client.search(
          { unKeyword: PROCESSED_KEYWORD, ...(options.since ? { since: options.since } : {}) },
          { uid: true },
        );
        return (uids || []).sort((a, b) => a - b).map(String);
      }),
    fetch: (ref) =>
      translated(async () => {
        const message = await client.fetchOne(ref, { source: true, internalDate: true, uid: true }, { uid: true });
        if (!message || !message.source)
          throw Object.assign(new Error(`message UID ${ref} is gone`), { code: 'NoMessage' });
        const internalDate = message.internalDate ? new Date(message.internalDate) : undefined;
        return parseIncoming(ref, message.source, {
          ...(internalDate && !Number.isNaN(internalDate.getTime()) ? { receivedAt: internalDate } : {}),
          fallbackDate: new Date(),
        });
      }),
    markProcessed: (ref) =>
      translated(async () => {
        await client.messageFlagsAdd(ref, [PROCESSED_KEYWORD], { uid: true });
      }),
    close: async () => {
      lock.release();
      await client.logout().catch(() => client.close());
    },
  };
}
