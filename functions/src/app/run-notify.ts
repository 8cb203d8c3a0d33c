import { createOutboxMailer, listOutbox } from '../adapters/mail/outbox-mailer.js';
import { createSmtpMailer } from '../adapters/mail/smtp-mailer.js';
import { FirestoreReviewStore } from '../adapters/store/firestore-review-store.js';
import { FirestoreNoticeLedger } from '../adapters/store/firestore-notice-ledger.js';
import { JournaledNoticeLedger } from '../adapters/store/journaled-notice-ledger.js';
import { FirestoreSummaryStore } from '../adapters/store/firestore-summary-store.js';
import type { Config } from '../config.js';
import type { Unit } from '../domain/units/unit.js';
import { workbookLink } from './workbook-district.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { DEFAULT_NOTICE_POLICY } from '../domain/notices/notice-kinds.js';
import type { ControlReading } from '../domain/units/read-control.js';
import { planReviewsOf } from './plan-reviews-of.js';
import { notify, type NotifyResult } from '../jobs/notify/notify.js';
import type { Firestore } from '@google-cloud/firestore';

export interface NotifyRun {
  readonly result: NotifyResult;
  readonly mailer: string;
  /** The outbox folder and what is in it, when mail goes to files (no SMTP_URL). */
  readonly outbox?: {
    readonly dir: string;
    readonly files: readonly { readonly file: string; readonly subject: string; readonly to: string }[];
  };
}

/** Send the notices due at `now` for a district declared in a control workbook: SMTP when configured, else the outbox folder. */
export async function runNotify(options: {
  readonly config: Config;
  readonly db: Firestore;
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  readonly outboxDir: string;
  readonly now: Date;
  readonly dryRun: boolean;
  /** Where a unit enters its report, as mails name it (a file name, or the spreadsheet's address). */
  readonly sheetLinkOf?: (unit: Unit) => string;
  /** Embedded mode: each claim is journaled (fsynced) here before its mail is sent, so a killed run never sends it twice. */
  readonly noticeJournal?: string;
}): Promise<{ readonly value: NotifyRun; readonly writes: number }> {
  const { config, db, control, now } = options;
  const mail = config.mail;
  const mailer = mail.smtpUrl
    ? createSmtpMailer({ url: mail.smtpUrl, from: mail.from })
    : createOutboxMailer({ dir: options.outboxDir, from: mail.from });
  try {
    const result = await notify({
      settings: control.settings,
      units: control.units,
      forms: options.forms,
      controlProblems: control.problems,
      store: new FirestoreSummaryStore(db),
      ledger:
        options.noticeJournal === undefined
          ? new FirestoreNoticeLedger(db)
          : new JournaledNoticeLedger(new FirestoreNoticeLedger(db), options.noticeJournal),
      mailer,
      policy: {
        ...DEFAULT_NOTICE_POLICY,
        perRunBudget: mail.perRunBudget,
        perDayBudget: mail.perDayBudget,
        quietHours: { sendFrom: mail.sendFrom, sendUntil: mail.sendUntil },
      },
      now,
      dryRun: options.dryRun,
      sheetLinkOf: options.sheetLinkOf ?? workbookLink,
      ...(planReviewsOf(control).reviewed.size > 0 ? { reviews: new FirestoreReviewStore(db) } : {}),
    });
    const writes =
      [...result.outcomes, ...result.reviews].filter((o) => o.result === 'sent' || o.result === 'failed').length +
      (result.digest.result === 'sent' || result.digest.result === 'failed' ? 1 : 0);
    const outbox = mail.smtpUrl ? undefined : { dir: options.outboxDir, files: await listOutbox(options.outboxDir) };
    return { value: { result, mailer: mailer.description, ...(outbox ? { outbox } : {}) }, writes };
  } finally {
    await mailer.close();
  }
}
