import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { MailboxError } from '../../jobs/mailbox/mailbox-error.js';
import type { Mailbox } from '../../jobs/mailbox/ports.js';
import { parseIncoming } from './parse-incoming.js';

/** Where a processed .eml file goes, inside the mailbox folder. */
export const PROCESSED_SUBFOLDER = 'da-xu-ly';

/**
 * The embedded stand-in for IMAP: a folder of .eml files (saved from a mail client, or dropped by the
 * demo), read the same way. A processed file moves to `da-xu-ly/`, so a re-run does nothing; the received
 * time is the message's Date header, else the file's modification time.
 */
export function openEmlFolderMailbox(dir: string): Mailbox {
  const folder = path.resolve(dir);
  const fail = (what: string, error: unknown) =>
    new MailboxError(
      'folder',
      `Could not ${what} the mailbox folder ${folder} (${(error as NodeJS.ErrnoException).code ?? 'no error code'}): check that it exists and is writable, or set --mailbox-dir.`,
    );
  return {
    description: `thư mục thư đến (tệp .eml) ${folder}`,
    async pending() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw fail('read', error);
      }
      return names.filter((name) => name.toLowerCase().endsWith('.eml')).sort((a, b) => a.localeCompare(b));
    },
    async fetch(ref) {
      const file = path.join(folder, path.basename(ref));
      try {
        const [raw, info] = await Promise.all([readFile(file), stat(file)]);
        return await parseIncoming(ref, raw, { fallbackDate: new Date(Math.floor(info.mtimeMs)) });
      } catch (error) {
        throw fail('read a message of', error);
      }
    },
    async markProcessed(ref) {
      const name = path.basename(ref);
      try {
        await mkdir(path.join(folder, PROCESSED_SUBFOLDER), { recursive: true });
        await rename(path.join(folder, name), path.join(folder, PROCESSED_SUBFOLDER, name));
      } catch (error) {
        throw fail('move a processed message inside', error);
      }
    },
    close: async () => undefined,
  };
}
