import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmlFolderMailbox } from '../../../functions/src/adapters/mail/eml-folder-mailbox.js';
import { createOutboxMailer } from '../../../functions/src/adapters/mail/outbox-mailer.js';
import { FirestoreMailboxLedger } from '../../../functions/src/adapters/store/firestore-mailbox-ledger.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitFolderDrop } from '../../../functions/src/adapters/workbook/unit-folder-drop.js';
import { writeControlWorkbook } from '../../../functions/src/adapters/workbook/write-control-workbook.js';
import { openDistrict } from '../../../functions/src/app/open-district.js';
import { sweepDistrict } from '../../../functions/src/app/sweep-district.js';
import { workbookDistrict } from '../../../functions/src/app/workbook-district.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { processMailbox } from '../../../functions/src/jobs/mailbox/process-mailbox.js';
import { TRAINING_HEADER, trainingRow, useTempDir } from '../../support/builders.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { rawMessage, workbookBytes } from '../../support/mail-messages.js';
import { titled, writeTestWorkbook } from '../../support/workbooks.js';

const NOW = new Date('2024-09-16T01:00:00Z');
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@quandoan.example',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const SCHOOL: Unit = {
  id: 'th-an-binh',
  name: 'Liên đội TH An Bình',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: 'anbinh@truong.example' }],
  source: 'th-an-binh.xlsx',
};
const SUBMISSION = 'tap-huan-2024~mot-lan~th-an-binh';

/**
 * A form the district collects through a shared responses workbook is taken from that workbook only — also
 * when a unit emails a file holding that form's tab: the emailed tab must not replace the rows the shared
 * workbook routed to the unit, and the next district run has nothing to read again.
 */
describe('an emailed file holding the tab of a form collected through a shared workbook', () => {
  const firestore = testFirestore('mailbox-shared-form');
  const dir = useTempDir('tonghop-mailbox-shared');
  let controlPath: string;
  const sweepAll = async () => {
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    const { result } = await sweepDistrict({ district, request: { step: 'sweep' }, now: NOW, log: () => undefined });
    if (result.kind !== 'swept') throw new Error(`sweep did not run: ${result.kind}`);
    return { district, sweep: result.sweep };
  };
  const storedNames = async () =>
    ((await firestore.db.doc(`submissions/${SUBMISSION}`).get()).get('rows') as { values: { hoTen: string } }[])
      .map((r) => r.values.hoTen)
      .sort();

  beforeAll(async () => {
    controlPath = path.join(dir(), 'bang-dieu-khien.xlsx');
    // The school also owes a form from its own file, so it is looked for; the training registration comes from the shared workbook.
    await writeControlWorkbook(controlPath, {
      settings: SETTINGS,
      units: [SCHOOL],
      plans: [builtinForm('tap-huan-2024'), builtinForm('ke-hoach-nho-65-nam')],
    });
    const control = new ExcelJS.Workbook();
    await control.xlsx.readFile(controlPath);
    const tab = control.addWorksheet('Nguồn dữ liệu');
    tab.addRow(['Mã biểu mẫu', 'Loại nguồn', 'Tệp/Bảng tính', 'Trang tính', 'Cột đơn vị', 'Cột thời gian']);
    tab.addRow(['tap-huan-2024', 'Bảng chung', 'dang-ky-chung.xlsx', 'Câu trả lời', '', '']);
    await control.xlsx.writeFile(controlPath);
    const header = ['Dấu thời gian', 'Đơn vị', 'Họ và tên', 'Chức vụ', 'Số điện thoại'];
    await writeTestWorkbook(
      path.join(dir(), 'units', 'dang-ky-chung.xlsx'),
      [
        {
          name: 'Câu trả lời',
          rows: [
            header,
            ['14/09/2024 09:30:00', 'Liên đội TH An Bình', 'Nguyễn Thị Lan', 'TPT', '0983018027'],
            ['14/09/2024 09:50:00', 'lien doi th an binh', 'Lê Thu Hà', 'TPT', '0983018029'],
          ],
        },
      ],
      new Date('2024-09-14T03:00:00Z'),
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('keeps the shared rows, and the next district run reads nothing again', async () => {
    const { district } = await sweepAll();
    expect(await storedNames()).toEqual(['Lê Thu Hà', 'Nguyễn Thị Lan']);

    const mailboxDir = path.join(dir(), 'mailbox');
    await mkdir(mailboxDir, { recursive: true });
    const attachment = await workbookBytes([
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ THAM GIA TẬP HUẤN', TRAINING_HEADER, [trainingRow(1, 'Trần Minh Đức')]),
      },
    ]);
    await writeFile(
      path.join(mailboxDir, 'a.eml'),
      await rawMessage({
        from: 'anbinh@truong.example',
        subject: 'Gửi báo cáo',
        messageId: '<shared1@truong.example>',
        date: new Date('2024-09-15T02:00:00Z'),
        attachments: [{ filename: 'bao cao.xlsx', content: attachment }],
      }),
    );
    const mailer = createOutboxMailer({
      dir: path.join(dir(), 'outbox'),
      from: 'vp@quandoan.example',
      clock: () => NOW,
    });
    const result = await processMailbox({
      mailbox: openEmlFolderMailbox(mailboxDir),
      ledger: new FirestoreMailboxLedger(firestore.db),
      mailer,
      drop: new UnitFolderDrop(path.join(dir(), 'units')),
      units: district.control.units,
      forms: district.forms,
      sharedSources: district.control.sharedSources ?? [],
      settings: district.control.settings,
      sweepStore: new FirestoreSweepStore(firestore.db),
      store: new FirestoreSummaryStore(firestore.db),
      now: NOW,
      maxAttachmentBytes: 1024 * 1024,
    });
    await mailer.close();
    expect(result.messages).toEqual([
      expect.objectContaining({ result: 'ingested', unitId: SCHOOL.id, reply: 'sent' }),
    ]);

    // The emailed tab did not replace what the shared workbook routed to the school.
    expect(await storedNames()).toEqual(['Lê Thu Hà', 'Nguyễn Thị Lan']);
    const again = await sweepAll();
    expect(again.sweep.totals).toMatchObject({ unitsRead: 0, writes: 0 });
    expect(await storedNames()).toEqual(['Lê Thu Hà', 'Nguyễn Thị Lan']);
  });
});
