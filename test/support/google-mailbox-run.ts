import type { Firestore } from '@google-cloud/firestore';
import { ControlSpreadsheetRegistry } from '../../functions/src/adapters/google/control-spreadsheet-registry.js';
import { DriveUploadDrop } from '../../functions/src/adapters/google/drive-upload-drop.js';
import { openImapMailbox } from '../../functions/src/adapters/mail/imap-mailbox.js';
import { createSmtpMailer } from '../../functions/src/adapters/mail/smtp-mailer.js';
import { FirestoreMailboxLedger } from '../../functions/src/adapters/store/firestore-mailbox-ledger.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { processMailbox } from '../../functions/src/jobs/mailbox/process-mailbox.js';
import type { TestDovecot } from './dovecot.js';
import { builtinForm } from './forms.js';
import { standinApis, TEST_FOLDER_ID } from './google.js';
import type { GoogleStandin } from './google-standin/index.js';
import type { CapturingSmtp } from './smtp.js';

/** The district's settings the replies are signed with. */
export const MAILBOX_SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@quandoan.example',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

/** What a Google-mode mailbox run reads and writes: the stand-in, the mail servers, the store and the control spreadsheet. */
export interface GoogleMailboxWorld {
  readonly standin: GoogleStandin;
  readonly dovecot: TestDovecot;
  readonly smtp: CapturingSmtp;
  readonly db: Firestore;
  readonly controlId: string;
}

/**
 * One mailbox run in Google mode, as the scheduled function wires it: the training form, attachments
 * dropped into the Drive folder and recorded in the control spreadsheet, replies through SMTP.
 */
export async function runGoogleMailbox(world: GoogleMailboxWorld, units: readonly Unit[], now: Date) {
  const api = standinApis(world.standin);
  const mailbox = await openImapMailbox({ url: world.dovecot.url() });
  const mailer = createSmtpMailer({ url: world.smtp.url, from: '"Quận Đoàn thử" <vp@quandoan.example>' });
  try {
    return await processMailbox({
      mailbox,
      ledger: new FirestoreMailboxLedger(world.db),
      mailer,
      drop: new DriveUploadDrop(api, TEST_FOLDER_ID, new ControlSpreadsheetRegistry(api, world.controlId)),
      units: [...units],
      forms: [builtinForm('tap-huan-2024')],
      settings: MAILBOX_SETTINGS,
      sweepStore: new FirestoreSweepStore(world.db),
      store: new FirestoreSummaryStore(world.db),
      now,
      maxAttachmentBytes: 1024 * 1024,
    });
  } finally {
    await mailer.close();
    await mailbox.close();
  }
}

/** The control spreadsheet in the Drive folder, its 'Đơn vị' tab listing `units` by id, name and 'Tệp báo cáo'. */
export function createMailboxControl(standin: GoogleStandin, units: readonly Unit[]): string {
  return standin.createSpreadsheet({
    title: 'Bảng điều khiển',
    parents: [TEST_FOLDER_ID],
    tabs: [
      {
        name: 'Đơn vị',
        rows: [['Mã đơn vị', 'Tên đơn vị', 'Tệp báo cáo'], ...units.map((unit) => [unit.id, unit.name, unit.source])],
      },
    ],
  });
}
