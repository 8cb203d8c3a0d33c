import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { loadRevisions } from '../../support/revisions.js';
import { XLSX_MIME } from '../../../functions/src/adapters/google/drive-download.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { summarize } from '../../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { TRAINING_HEADER, trainingRow } from '../../support/builders.js';
import { startDovecot, type TestDovecot } from '../../support/dovecot.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import { createMailboxControl, MAILBOX_SETTINGS, runGoogleMailbox } from '../../support/google-mailbox-run.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { rawMessage, workbookBytes } from '../../support/mail-messages.js';
import { startCapturingSmtp, type CapturingSmtp } from '../../support/smtp.js';
import { titled, type TestCell } from '../../support/workbooks.js';

const FORMS = [builtinForm('tap-huan-2024')];
const TAB = 'Đăng ký tập huấn';
/** Before the deadline (10:00 15/09/2024); the run is after it: timeliness must come from the message. */
const RECEIVED = new Date('2024-09-14T02:00:00Z');
const NOW = new Date('2024-09-20T01:00:00Z');
const registration = (rows: TestCell[][]) =>
  workbookBytes([{ name: TAB, rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, rows) }]);

/** Email intake in Google mode: real Dovecot, real SMTP server, the Drive/Sheets stand-in, the Firestore emulator. */
describe('mailbox in Google mode: an emailed .xlsx becomes the unit’s file on Drive', () => {
  const firestore = testFirestore('google-mailbox');
  let standin: GoogleStandin;
  let dovecot: TestDovecot;
  let smtp: CapturingSmtp;
  let controlId: string;
  let summaryId: string;
  let spreadsheetId: string;
  /** As the control spreadsheet names them now ('Tệp báo cáo' changes when a first email is stored). */
  let units: Unit[];
  const school = (id: string, name: string, email: string, source: string): Unit => ({
    id,
    name,
    type: 'lien-doi',
    level: 'Tiểu học',
    cluster: 'Cụm 1',
    contacts: [{ name: 'TPT', email }],
    members: 400,
    source,
  });

  const runMailbox = () => runGoogleMailbox({ standin, dovecot, smtp, db: firestore.db, controlId }, units, NOW);
  /** The scheduled run afterwards: sweep every unit, then the summary spreadsheet. */
  const scheduledRun = async () => {
    const api = standinApis(standin);
    const sheets = new GoogleUnitSheets(api, TEST_FOLDER_ID);
    const swept = await sweep({
      units,
      forms: FORMS,
      source: sheets,
      store: new FirestoreSweepStore(firestore.db),
      now: NOW,
    });
    await summarize({
      settings: MAILBOX_SETTINGS,
      units,
      forms: FORMS,
      store: new FirestoreSummaryStore(firestore.db),
      output: new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db)),
      feedback: sheets,
      now: NOW,
    });
    return swept;
  };
  const sourceInControl = (unitId: string) =>
    standin.tabValues(controlId, 'Đơn vị').find((row) => row[0] === unitId)?.[2];
  const replyTo = (address: string) =>
    smtp.received.filter((m) => [m.to ?? []].flat().some((a) => a.text.includes(address))).at(-1);
  const revisions = async (unitId: string) => {
    const doc = await firestore.db.doc(`submissions/tap-huan-2024~mot-lan~${unitId}`).get();
    return doc.exists ? (await loadRevisions(doc.ref)).length : 0;
  };

  beforeAll(async () => {
    let setClock: (at: Date) => void;
    ({ standin, setClock } = await standinWithClock(RECEIVED));
    [dovecot, smtp] = await Promise.all([startDovecot(), startCapturingSmtp()]);
    spreadsheetId = standin.createSpreadsheet({
      title: 'Báo cáo Bồ Đề',
      parents: [TEST_FOLDER_ID],
      tabs: [{ name: TAB, rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, [trainingRow(1, 'Lê Thu Hà')]) }],
    });
    units = [
      school('ai-mo', 'Liên đội Tiểu học Ái Mộ', 'aimo@truong.example', 'ai-mo.xlsx'),
      school('bo-de', 'Liên đội Tiểu học Bồ Đề', 'bode@truong.example', spreadsheetId),
    ];
    controlId = createMailboxControl(standin, units);
    summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
    setClock(NOW);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.close(), standin?.close()]);
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('uploads the attachment into the Drive folder at the received time, records it in the control spreadsheet and replies on time', async () => {
    const attachment = await registration([trainingRow(1, 'Nguyễn Thị Lan'), trainingRow(2, 'Trần Minh Đức')]);
    await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Gửi báo cáo',
        messageId: '<g1@truong.example>',
        attachments: [{ filename: 'dang ky.xlsx', content: attachment }],
      }),
      { receivedAt: RECEIVED },
    );

    const result = await runMailbox();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: 'ai-mo', rowsValid: 2, reply: 'sent' }),
    ]);
    const upload = standin.requests.find((r) => r.kind === 'files.create.upload');
    expect(upload?.query).toContain('uploadType=multipart');
    const uploadedId = sourceInControl('ai-mo');
    expect(typeof uploadedId).toBe('string');
    const file = standin.fileOf(String(uploadedId));
    expect(file).toMatchObject({ name: 'ai-mo.xlsx', mimeType: XLSX_MIME, parents: [TEST_FOLDER_ID] });
    expect(file.modifiedTime).toEqual(RECEIVED);
    expect(Buffer.from(file.content ?? new Uint8Array()).equals(attachment)).toBe(true);
    expect(replyTo('aimo@truong.example')?.text).toContain(
      'Đăng ký tập huấn (hạn nộp: 10g00 ngày 15/09/2024): ✓ Đủ, đúng hạn.',
    );
    const source = (await firestore.db.doc('sources/ai-mo').get()).data();
    expect(source?.origin).toEqual({ kind: 'mailbox', file: uploadedId });
  });

  it('the scheduled run reads nothing again and the unit’s figures appear in the summary spreadsheet', async () => {
    units = units.map((u) => (u.id === 'ai-mo' ? { ...u, source: String(sourceInControl('ai-mo')) } : u));
    const before = await revisions('ai-mo');
    standin.clearLog();

    const swept = await scheduledRun();

    expect(swept.units.find((u) => u.unitId === 'ai-mo')?.outcome).toBe('unchanged');
    expect(standin.count('files.download')).toBe(0);
    expect(await revisions('ai-mo')).toBe(before);
    const progress = standin.tabValues(summaryId, 'Tiến độ đơn vị');
    const row = progress.find((r) => r.includes('Liên đội Tiểu học Ái Mộ'));
    expect(row?.some((cell) => typeof cell === 'string' && cell.startsWith('✓'))).toBe(true);
    expect((await firestore.db.doc('sources/ai-mo').get()).data()?.origin).toEqual({
      kind: 'mailbox',
      file: sourceInControl('ai-mo'),
    });
  });

  it('a unit that reports in its Google spreadsheet is told so, and the emailed file is not counted', async () => {
    const rowsBefore = (await firestore.db.doc('submissions/tap-huan-2024~mot-lan~bo-de').get()).data()?.rows.length;
    const uploadsBefore = standin.count('files.create.upload') + standin.count('files.update.upload');
    await dovecot.append(
      await rawMessage({
        from: 'bode@truong.example',
        subject: 'Báo cáo',
        messageId: '<g2@truong.example>',
        attachments: [
          {
            filename: 'bao-cao.xlsx',
            content: await registration([trainingRow(1, 'Đỗ Minh Khoa'), trainingRow(2, 'Phạm An')]),
          },
        ],
      }),
      { receivedAt: RECEIVED },
    );

    const result = await runMailbox();

    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'nothing-readable', unitId: 'bo-de', rowsValid: 0, reply: 'sent' }),
    ]);
    expect(replyTo('bode@truong.example')?.text).toContain(
      `đang báo cáo trên Google Trang tính (https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit), nên tệp gửi qua thư không được ghi nhận`,
    );
    expect(standin.count('files.create.upload') + standin.count('files.update.upload')).toBe(uploadsBefore);
    expect((await firestore.db.doc('submissions/tap-huan-2024~mot-lan~bo-de').get()).data()?.rows.length).toBe(
      rowsBefore,
    );
  });

  it('a second email replaces the same Drive file; a re-run and a duplicate delivery ingest and reply nothing twice', async () => {
    units = units.map((u) => (u.id === 'ai-mo' ? { ...u, source: String(sourceInControl('ai-mo')) } : u));
    const id = String(sourceInControl('ai-mo'));
    const later = new Date('2024-09-16T03:00:00Z');
    standin.clearLog();
    await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Gửi lại',
        messageId: '<g3@truong.example>',
        attachments: [{ filename: 'dang ky.xlsx', content: await registration([trainingRow(1, 'Nguyễn Thị Lan')]) }],
      }),
      { receivedAt: later },
    );

    expect((await runMailbox()).messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: 'ai-mo', rowsValid: 1 }),
    ]);
    expect(sourceInControl('ai-mo')).toBe(id);
    expect(standin.fileOf(id).modifiedTime).toEqual(later);
    expect(standin.count('files.create.upload')).toBe(0);
    expect(standin.count('files.update.upload')).toBe(1);

    const replies = smtp.received.length;
    const revisionsBefore = await revisions('ai-mo');
    const versionBefore = standin.fileOf(id).version;
    expect((await runMailbox()).messages).toEqual([]);
    await dovecot.append(
      await rawMessage({
        from: 'aimo@truong.example',
        subject: 'Gửi lại',
        messageId: '<g3@truong.example>',
        attachments: [{ filename: 'dang ky.xlsx', content: await registration([trainingRow(1, 'Nguyễn Thị Lan')]) }],
      }),
      { receivedAt: NOW },
    );
    expect((await runMailbox()).messages).toEqual([expect.objectContaining({ reply: 'earlier' })]);
    expect(smtp.received.length).toBe(replies);
    expect(await revisions('ai-mo')).toBe(revisionsBefore);
    expect(standin.fileOf(id).version).toBe(versionBefore);
  });
});
