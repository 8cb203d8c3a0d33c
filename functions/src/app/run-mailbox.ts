import type { Firestore } from '@google-cloud/firestore';
import type { Config } from '../config.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { DAY_MS } from '../domain/time/ict.js';
import type { ControlReading } from '../domain/units/read-control.js';
import {
  processMailbox,
  type ProcessMailboxInput,
  type ProcessMailboxResult,
} from '../jobs/mailbox/process-mailbox.js';
import { openEmlFolderMailbox } from '../adapters/mail/eml-folder-mailbox.js';
import { openImapMailbox } from '../adapters/mail/imap-mailbox.js';
import { createOutboxMailer } from '../adapters/mail/outbox-mailer.js';
import { createSmtpMailer } from '../adapters/mail/smtp-mailer.js';
import { FirestoreMailboxLedger } from '../adapters/store/firestore-mailbox-ledger.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../adapters/store/firestore-sweep-store.js';
import { mailboxDrop } from './mailbox-drop.js';

/** IMAP messages older than this are left alone (a mailbox used before tonghop read it). */
export const IMAP_LOOKBACK_DAYS = 30;

export interface MailboxRun {
  readonly result: ProcessMailboxResult;
  /** Where the messages were read, for people. */
  readonly mailbox: string;
  readonly mailer: string;
}

/**
 * Read the district's mailbox once: IMAP when IMAP_URL is set, else the local folder of .eml files;
 * replies by SMTP when SMTP_URL is set, else into the outbox folder. Attachments become unit files in
 * the units folder (workbook mode) or the unit's .xlsx in the Drive folder (Google mode: see DriveUploadDrop).
 */
export async function runMailbox(options: {
  readonly config: Config;
  readonly db: Firestore;
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  readonly unitsDir: string;
  readonly mailboxDir: string;
  readonly outboxDir: string;
  readonly now: Date;
  readonly between?: ProcessMailboxInput['between'];
  /** Read the .eml folder even when IMAP_URL is set (the demo never reads a real mailbox). */
  readonly folderOnly?: boolean;
}): Promise<{ readonly value: MailboxRun; readonly writes: number }> {
  const { config, db, control } = options;
  const drop = await mailboxDrop(config, options.unitsDir);
  const mail = config.mail;
  const since = new Date(options.now.getTime() - IMAP_LOOKBACK_DAYS * DAY_MS);
  const mailbox =
    mail.imapUrl && !options.folderOnly
      ? await openImapMailbox({ url: mail.imapUrl, since })
      : openEmlFolderMailbox(options.mailboxDir);
  const mailer = mail.smtpUrl
    ? createSmtpMailer({ url: mail.smtpUrl, from: mail.from })
    : createOutboxMailer({ dir: options.outboxDir, from: mail.from });
  try {
    const result = await processMailbox({
      mailbox,
      ledger: new FirestoreMailboxLedger(db),
      mailer,
      drop,
      units: control.units,
      forms: options.forms,
      sharedSources: control.sharedSources ?? [],
      settings: control.settings,
      sweepStore: new FirestoreSweepStore(db),
      store: new FirestoreSummaryStore(db),
      now: options.now,
      maxAttachmentBytes: config.sheetLimits.maxFileBytes,
      ...(options.between ? { between: options.between } : {}),
    });
    return {
      value: { result, mailbox: mailbox.description, mailer: mailer.description },
      writes: result.messages.length,
    };
  } finally {
    await mailer.close();
    await mailbox.close();
  }
}
