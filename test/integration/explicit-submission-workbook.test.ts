import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { summarize } from '../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { builtinFormDue } from '../support/forms.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { TRAINING_HEADER, trainingRow, useTempDir } from '../support/builders.js';

const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const UNIT: Unit = {
  id: 'som',
  name: 'Liên đội som',
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: 'som@example.com' }],
  members: 500,
  source: 'som.xlsx',
};
const TAB = 'Đăng ký tập huấn';
const SUBMISSION = 'tap-huan-2024~mot-lan~som';
/** Due 10:00 15/09/2024 (ICT), submitted by pressing "Nộp báo cáo". */
const FORM: FormSpec = { ...builtinFormDue('tap-huan-2024', '2024-09-15', '10:00'), submitMode: 'button' };

/** Workbook mode, a "Bấm nộp" form: the "Nộp báo cáo" cell submits; later edits are a draft until it is set again. */
describe('explicit submission in workbook mode (sweep + summary, real emulator)', () => {
  const firestore = testFirestore('explicit-workbook');
  const dir = useTempDir('tonghop-explicit');
  let folder: UnitWorkbookFolder;
  const file = () => path.join(dir(), 'som.xlsx');
  const night = async (now: Date) => {
    await sweep({ units: [UNIT], forms: [FORM], source: folder, store: new FirestoreSweepStore(firestore.db), now });
    await summarize({
      settings: SETTINGS,
      units: [UNIT],
      forms: [FORM],
      store: new FirestoreSummaryStore(firestore.db),
      feedback: folder,
      now,
    });
  };
  /** The unit opens its file (with the system's feedback in it), changes cells, saves at `at`. */
  const unitEdits = async (at: Date, edit: (sheet: ReturnType<typeof sheetOf>) => void) => {
    const workbook = await openWorkbook(file());
    edit(sheetOf(workbook, TAB));
    await workbook.xlsx.writeFile(file());
    await utimes(file(), at, at);
  };
  const stored = async () => (await firestore.db.collection('submissions').doc(SUBMISSION).get()).data();
  /** The "Ghi chú" of the form's row in "Tình hình nộp". */
  const standingNote = async () => {
    const sheet = sheetOf(await openWorkbook(file()), STANDING_TAB);
    const notes: string[] = [];
    sheet.eachRow((row) => void (row.getCell(1).value === TAB && notes.push(String(row.getCell(5).value ?? ''))));
    expect(notes).toHaveLength(1);
    return notes[0] ?? '';
  };
  const status = async () => {
    const stats = (await firestore.db.collection('stats').where('formId', '==', 'tap-huan-2024').get()).docs[0];
    return (stats?.get('units') as { unitId: string; status: string }[]).find((u) => u.unitId === 'som')?.status;
  };

  beforeAll(async () => {
    folder = new UnitWorkbookFolder(dir());
    const rows: TestCell[][] = [
      ['ĐĂNG KÝ THAM GIA TẬP HUẤN'],
      ['Nộp báo cáo', 'Không'],
      [],
      TRAINING_HEADER,
      trainingRow(1, 'Nguyễn Thị Lan'),
    ];
    await writeTestWorkbook(file(), [{ name: TAB, rows }], new Date('2024-09-12T02:00:00Z'));
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('typed but not submitted: nothing counts, "Tình hình nộp" shows the draft, the signal cell is left as typed', async () => {
    await night(new Date('2024-09-13T01:00:00Z'));
    expect(await stored()).toBeUndefined();
    expect(await status()).toBe('missing');
    expect(await standingNote()).toContain('Bản nháp chưa nộp: sửa lúc 09:00 12/09/2024; bấm Nộp báo cáo để gửi');
    const sheet = sheetOf(await openWorkbook(file()), TAB);
    expect(sheet.getCell('B2').value).toBe('Không');
    // The draft's rows get their statuses: the unit sees what to fix before submitting.
    expect(sheet.getCell(4, 11).value).toBe('Tình trạng (hệ thống ghi)');
    expect(sheet.getCell(5, 11).value).toBe('✓ Hợp lệ');
  });

  it('"Có" in the signal cell submits that file version, on time by its save time; the cell then says "Đã nộp lúc …"', async () => {
    await unitEdits(new Date('2024-09-14T02:00:00Z'), (sheet) => void (sheet.getCell('B2').value = 'Có'));
    await night(new Date('2024-09-14T05:00:00Z'));
    const doc = await stored();
    expect(doc?.counts).toMatchObject({ valid: 1, rejected: 0 });
    expect(doc?.firstCompleteAt.toDate()).toEqual(new Date('2024-09-14T02:00:00Z'));
    expect(await status()).toBe('complete-on-time');
    const sheet = sheetOf(await openWorkbook(file()), TAB);
    expect(sheet.getCell('B2').value).toBe('Đã nộp lúc 09:00 14/09/2024');
    expect(sheet.getCell('A2').value).toBe('Nộp báo cáo');
    expect(sheet.getCell('B5').value).toBe('Nguyễn Thị Lan');
    expect(await standingNote()).not.toContain('Bản nháp');
  });

  it('an edit after submitting is a draft: the submitted snapshot still counts, the draft is shown', async () => {
    await unitEdits(new Date('2024-09-16T02:00:00Z'), (sheet) => {
      trainingRow(2, 'Đỗ Minh Khoa').forEach((value, i) => void (sheet.getCell(6, i + 1).value = value));
    });
    await night(new Date('2024-09-16T05:00:00Z'));
    expect((await stored())?.counts).toMatchObject({ valid: 1 });
    expect((await stored())?.revision).toBe(1);
    expect(await status()).toBe('complete-on-time');
    expect(await standingNote()).toContain('Bản nháp chưa nộp: sửa lúc 09:00 16/09/2024');
    const sheet = sheetOf(await openWorkbook(file()), TAB);
    expect(sheet.getCell('B2').value).toBe('Đã nộp lúc 09:00 14/09/2024');
    expect(sheet.getCell(6, 11).value).toBe('✓ Hợp lệ');
  });

  it('submitting again is a revision after the deadline: the first completion is not re-stamped', async () => {
    await unitEdits(new Date('2024-09-17T02:00:00Z'), (sheet) => void (sheet.getCell('B2').value = 'có'));
    await night(new Date('2024-09-17T05:00:00Z'));
    const doc = await stored();
    expect(doc?.counts).toMatchObject({ valid: 2 });
    expect(doc?.revision).toBe(2);
    expect(doc?.firstCompleteAt.toDate()).toEqual(new Date('2024-09-14T02:00:00Z'));
    expect(doc?.lastChangedAt.toDate()).toEqual(new Date('2024-09-17T02:00:00Z'));
    expect(await status()).toBe('revised-after-deadline');
    expect(sheetOf(await openWorkbook(file()), TAB).getCell('B2').value).toBe('Đã nộp lúc 09:00 17/09/2024');
    expect(await standingNote()).not.toContain('Bản nháp');
  });

  it('a night with nothing new changes nothing (the "Đã nộp lúc …" the system wrote is not a new request)', async () => {
    const before = await stored();
    const swept = await sweep({
      units: [UNIT],
      forms: [FORM],
      source: folder,
      store: new FirestoreSweepStore(firestore.db),
      now: new Date('2024-09-18T01:00:00Z'),
    });
    expect(swept.totals.writes).toBe(0);
    expect((await stored())?.revision).toBe(before?.revision);
  });

  it("switched back to 'Tự động', the pending draft is simply what the unit sent, and no draft is shown any more", async () => {
    await unitEdits(
      new Date('2024-09-18T02:00:00Z'),
      (sheet) => void (sheet.getCell(5, 2).value = 'Nguyễn Thị Lan Anh'),
    );
    await night(new Date('2024-09-18T05:00:00Z'));
    expect(await standingNote()).toContain('Bản nháp chưa nộp');
    const auto: FormSpec = { ...FORM, submitMode: undefined };
    await sweep({
      units: [UNIT],
      forms: [auto],
      source: folder,
      store: new FirestoreSweepStore(firestore.db),
      now: new Date('2024-09-19T01:00:00Z'),
    });
    await summarize({
      settings: SETTINGS,
      units: [UNIT],
      forms: [auto],
      store: new FirestoreSummaryStore(firestore.db),
      feedback: folder,
      now: new Date('2024-09-19T01:00:00Z'),
    });
    expect((await stored())?.rows[0].values.hoTen).toBe('Nguyễn Thị Lan Anh');
    expect(await standingNote()).not.toContain('Bản nháp');
  });
});

describe('the handed-out workbook of a "Bấm nộp" form carries its "Nộp báo cáo" cell', () => {
  const firestore = testFirestore('explicit-template');
  const dir = useTempDir('tonghop-explicit-template');
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('set to "Không" in the template; the unit picks "Có", saves, and the sweep submits and answers in that cell', async () => {
    const folder = new UnitWorkbookFolder(dir());
    const file = path.join(dir(), 'som.xlsx');
    await writeUnitWorkbook(file, UNIT.name, [FORM], new Map([['tap-huan-2024', [trainingRow(1, 'Nguyễn Thị Lan')]]]));
    const signalColumn = FORM.columns.length + 1;
    const template = sheetOf(await openWorkbook(file), TAB);
    expect(template.getCell(1, signalColumn - 1).value).toBe('Nộp báo cáo');
    expect(template.getCell(1, signalColumn).value).toBe('Không');
    expect(template.getCell(1, signalColumn).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });

    const night = async (now: Date) => {
      await sweep({ units: [UNIT], forms: [FORM], source: folder, store: new FirestoreSweepStore(firestore.db), now });
      await summarize({
        settings: SETTINGS,
        units: [UNIT],
        forms: [FORM],
        store: new FirestoreSummaryStore(firestore.db),
        feedback: folder,
        now,
      });
    };
    await utimes(file, new Date('2024-09-12T02:00:00Z'), new Date('2024-09-12T02:00:00Z'));
    await night(new Date('2024-09-13T01:00:00Z'));
    expect((await firestore.db.doc(`submissions/${SUBMISSION}`).get()).exists).toBe(false);

    const workbook = await openWorkbook(file);
    sheetOf(workbook, TAB).getCell(1, signalColumn).value = 'Có';
    await workbook.xlsx.writeFile(file);
    await utimes(file, new Date('2024-09-14T03:30:00Z'), new Date('2024-09-14T03:30:00Z'));
    await night(new Date('2024-09-14T05:00:00Z'));
    expect((await firestore.db.doc(`submissions/${SUBMISSION}`).get()).get('counts')).toMatchObject({ valid: 1 });
    expect(sheetOf(await openWorkbook(file), TAB).getCell(1, signalColumn).value).toBe('Đã nộp lúc 10:30 14/09/2024');
  });
});
