import path from 'node:path';
import { controlWorkbookPath } from '../app/district-paths.js';
import { runMailbox } from '../app/run-mailbox.js';
import { ConfigError } from '../config.js';
import { MailboxError } from '../jobs/mailbox/mailbox-error.js';
import { log } from './log.js';
import { newRunId } from './run-id.js';
import { openInstanceDistrict, runtime } from './runtime.js';
import type { PubSubEvent } from './scheduled.js';

/**
 * `scheduledMailbox` (CloudEvent, every 10 minutes in office hours): the report mailbox's new messages,
 * each ingested and answered once (`tonghop mailbox`). Not redelivered: the mailbox ledger and the
 * processed flag make a message at-most-once, and a message a run did not finish is taken up by the
 * next tick. A mailbox that cannot be read (IMAP_URL wrong, server down) is logged with the fix and
 * acknowledged; only our own failures (Firestore unreachable) throw. Logs hold counts and message keys,
 * never an address or a subject.
 */
export async function scheduledMailbox(event: PubSubEvent): Promise<void> {
  const runId = newRunId();
  try {
    const rt = runtime();
    const { config, db } = rt;
    // A function has no folder of .eml files to read: in Google mode the mailbox is IMAP or nothing.
    if (config.source === 'google' && !config.mail.imapUrl)
      throw new ConfigError(
        'scheduledMailbox needs IMAP_URL (the report mailbox, from Secret Manager: tonghop-imap-url); see docs/outputs.md.',
      );
    const district = await openInstanceDistrict(rt);
    const dir = path.dirname(controlWorkbookPath(config, undefined));
    const { value } = await runMailbox({
      config,
      db,
      control: district.control,
      forms: district.openForms,
      unitsDir: district.sheets.unitsLocation,
      mailboxDir: path.join(dir, 'mailbox'),
      outboxDir: district.sheets.outboxDir,
      now: new Date(),
    });
    const count = (result: string) => value.result.messages.filter((m) => m.result === result).length;
    for (const m of value.result.messages.filter((m) => m.reply === 'failed'))
      log('WARNING', 'scheduledMailbox: reply not sent', { runId, key: m.key });
    log('INFO', 'scheduledMailbox done', {
      runId,
      eventId: event.id,
      messages: value.result.messages.length,
      ingested: count('ingested'),
      unknownSender: count('unknown-sender'),
      nothingReadable: count('nothing-readable'),
      repliesSent: value.result.messages.filter((m) => m.reply === 'sent').length,
      stoppedBy: value.result.stoppedBy,
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MailboxError)
      return log('ERROR', `scheduledMailbox: ${error.message}`, { runId, eventId: event.id });
    log('ERROR', `scheduledMailbox failed: ${error instanceof Error ? error.name : 'unknown error'}`, {
      runId,
      eventId: event.id,
    });
    throw error;
  }
}
