import { open, readFile, rm } from 'node:fs/promises';
import type { LedgerEntry } from '../../domain/notices/notice-kinds.js';
import type { NoticeLedger } from '../../jobs/notify/ports.js';

/** One line of the journal: what was done to the ledger, with its clock. */
type JournalLine =
  | {
      readonly op: 'claim';
      readonly at: string;
      readonly entry: Omit<LedgerEntry, 'state' | 'attempts'>;
      readonly maxAttempts: number;
    }
  | { readonly op: 'sent'; readonly at: string; readonly id: string; readonly messageId: string }
  | {
      readonly op: 'failed';
      readonly at: string;
      readonly id: string;
      readonly error: { code: string; message: string };
    };

/**
 * The notices ledger of the embedded mode, made durable before each send: the emulator keeps the
 * ledger in memory until the data folder is saved, so a run killed half-way would forget what it
 * sent. Every claim is appended to a journal file and fsynced before `claim` returns (that is,
 * before the mail goes out); outcomes follow. The next session replays the journal into its
 * ledger (`replayNoticeJournal`), and a save removes it (`clearNoticeJournal`). At most once: a
 * notice claimed but not sent when the process died stays claimed and is never sent.
 */
export class JournaledNoticeLedger implements NoticeLedger {
  constructor(
    private readonly inner: NoticeLedger,
    private readonly journal: string,
  ) {}

  load(): Promise<Map<string, LedgerEntry>> {
    return this.inner.load();
  }

  async claim(entry: Omit<LedgerEntry, 'state' | 'attempts'>, now: Date, maxAttempts: number): Promise<boolean> {
    const claimed = await this.inner.claim(entry, now, maxAttempts);
    if (claimed) await appendSynced(this.journal, { op: 'claim', at: now.toISOString(), entry, maxAttempts });
    return claimed;
  }

  async markSent(id: string, messageId: string, now: Date): Promise<void> {
    await this.inner.markSent(id, messageId, now);
    await appendSynced(this.journal, { op: 'sent', at: now.toISOString(), id, messageId });
  }

  async markFailed(id: string, error: { code: string; message: string }, now: Date): Promise<void> {
    await this.inner.markFailed(id, error, now);
    await appendSynced(this.journal, { op: 'failed', at: now.toISOString(), id, error });
  }
}

/**
 * Apply a journal left by an unsaved run to `ledger` (loaded from the last save); returns how
 * many lines were applied. Run once per session, before anything reads the ledger.
 */
export async function replayNoticeJournal(ledger: NoticeLedger, journal: string): Promise<number> {
  const text = await readFile(journal, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  let applied = 0;
  for (const line of text.split('\n')) {
    const parsed = parseLine(line);
    if (!parsed) continue; // blank, or torn by the crash: that claim never returned, so nothing was sent for it
    const at = new Date(parsed.at);
    if (parsed.op === 'claim') await ledger.claim(parsed.entry, at, parsed.maxAttempts);
    else if (parsed.op === 'sent') await ledger.markSent(parsed.id, parsed.messageId, at);
    else await ledger.markFailed(parsed.id, parsed.error, at);
    applied++;
  }
  return applied;
}

/** Forget the journal once the ledger it describes is saved. */
export async function clearNoticeJournal(journal: string): Promise<void> {
  await rm(journal, { force: true });
}

function parseLine(line: string): JournalLine | undefined {
  if (line.trim() === '') return undefined;
  try {
    return JSON.parse(line) as JournalLine;
  } catch {
    return undefined;
  }
}

async function appendSynced(file: string, line: JournalLine): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.write(`${JSON.stringify(line)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
