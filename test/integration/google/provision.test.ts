import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_SOURCES_TAB_SPEC } from '../../../functions/src/domain/shared/shared-sources-layout.js';
import { ControlSpreadsheetRegistry } from '../../../functions/src/adapters/google/control-spreadsheet-registry.js';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { readControlSpreadsheet } from '../../../functions/src/adapters/google/read-control-spreadsheet.js';
import {
  GoogleUnitProvisioner,
  unitSpreadsheetName,
} from '../../../functions/src/adapters/google/unit-spreadsheet-provisioner.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import { STATUS_HEADER } from '../../../functions/src/domain/forms/header-match.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { formsForUnit } from '../../../functions/src/domain/units/targets.js';
import { provision, type ProvisionResult } from '../../../functions/src/jobs/provision/provision.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../../support/firestore.js';
import { BUILTIN_FORMS } from '../../support/forms.js';
import { standinApis, TEST_FOLDER_ID } from '../../support/google.js';
import { startGoogleStandin, type GoogleStandin } from '../../support/google-standin/index.js';
import { PLAN_TAB_SPECS } from '../../../functions/src/domain/plans/plan-layout.js';
import { CONTROL_UNITS_HEADER } from '../../support/builders.js';

const NOW = new Date('2024-09-01T01:00:00Z');

describe('tonghop provision on Google Sheets (stand-in, real googleapis client)', () => {
  let standin: GoogleStandin;
  let controlId: string;
  let first: ProvisionResult;
  const firestore = testFirestore('provision');

  const run = async (templateId?: string) => {
    const api = standinApis(standin);
    const control = await readControlSpreadsheet(api, controlId);
    return provision({
      units: control.units,
      forms: BUILTIN_FORMS,
      provisioner: new GoogleUnitProvisioner(api, TEST_FOLDER_ID, templateId),
      registry: new ControlSpreadsheetRegistry(api, controlId),
    });
  };
  const idOf = (result: ProvisionResult, unitId: string) =>
    result.units.find((u) => u.unitId === unitId)?.spreadsheetId ?? '';
  const writes = () =>
    standin.requests.filter((r) =>
      ['spreadsheets.batchUpdate', 'values.batchUpdate', 'files.create', 'files.copy', 'permissions.create'].includes(
        r.kind,
      ),
    );

  beforeAll(async () => {
    standin = await startGoogleStandin();
    controlId = standin.createSpreadsheet({
      title: 'Bảng điều khiển',
      tabs: [
        {
          name: 'Đơn vị',
          rows: [
            ['DANH SÁCH ĐƠN VỊ'],
            CONTROL_UNITS_HEADER,
            [
              'th-a',
              'Liên đội Tiểu học A',
              'Liên đội',
              'Tiểu học',
              'Cụm 1',
              'Nguyễn Thị Lan',
              'Lan.TPT@th-a.edu.vn',
              '0983018027',
              500,
              null,
            ],
            [
              'thcs-b',
              'Liên đội THCS B',
              'Liên đội',
              'THCS',
              'Cụm 2',
              'Trần Minh',
              'tpt@thcs-b.edu.vn',
              null,
              800,
              null,
            ],
            ['cd-c', 'Chi đoàn C', 'Chi đoàn', '', 'Cụm 1', null, null, null, 30, null],
          ],
        },
        { name: 'Thông tin chung', rows: [['Tên đơn vị tổng hợp', 'Quận Đoàn thử']] },
      ],
    });
    standin.clearLog();
    first = await run();
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('creates one spreadsheet per unit in the folder with the tabs of the forms it owes, the standing tab and the help tab', () => {
    expect(first.failed).toEqual([]);
    expect(first.units.map((u) => [u.unitId, u.created])).toEqual([
      ['th-a', true],
      ['thcs-b', true],
      ['cd-c', true],
    ]);
    const thA = standin.fileOf(idOf(first, 'th-a'));
    expect(thA.parents).toEqual([TEST_FOLDER_ID]);
    expect(thA.name).toBe('Báo cáo — Liên đội Tiểu học A (th-a)');
    const unit: Unit = {
      id: 'th-a',
      name: 'Liên đội Tiểu học A',
      type: 'lien-doi',
      level: 'Tiểu học',
      cluster: 'Cụm 1',
      contacts: [],
      source: '',
    };
    const owed = formsForUnit(BUILTIN_FORMS, unit, []).map((f) => f.tab);
    expect(owed.length).toBeGreaterThan(1);
    expect(standin.spreadsheet(thA.id).sheets.map((s) => s.properties.title)).toEqual([
      ...owed,
      STANDING_TAB,
      'Hướng dẫn',
    ]);
    const cdC = standin.spreadsheet(idOf(first, 'cd-c')).sheets.map((s) => s.properties.title);
    expect(cdC).toContain('Đăng ký rèn luyện');
    expect(cdC).not.toContain('Đăng ký tập huấn');
  });

  it('lays out each form tab like the .xlsx template: titles with the unit, the header with the status column, dropdowns, protections', () => {
    const id = idOf(first, 'th-a');
    const spec = BUILTIN_FORMS.find((f) => f.id === 'tap-huan-2024');
    const values = standin.tabValues(id, spec?.tab ?? '');
    expect(values[1]?.[0]).toBe(spec?.title);
    expect(String(values[2]?.[0])).toBe('Đơn vị: Liên đội Tiểu học A — Hạn nộp: 10g00 ngày 15/09/2024');
    expect(values[4]).toEqual([...(spec?.columns.map((c) => c.header) ?? []), STATUS_HEADER]);
    const tab = standin.sheetOf(id, spec?.tab ?? '');
    expect(tab.properties.gridProperties.frozenRowCount).toBe(5);
    const role = spec?.columns.findIndex((c) => c.key === 'chucVu') ?? -1;
    const dropdown = tab.validations.find((v) => v.range.startColumnIndex === role);
    expect(dropdown?.rule.condition?.type).toBe('ONE_OF_LIST');
    expect(dropdown?.rule.condition?.values?.map((v) => v.userEnteredValue)).toContain('Tổng phụ trách Đội');
    expect(tab.protectedRanges.map((p) => [p.description, p.editors?.users])).toEqual([
      [`tonghop:header:${spec?.tab}`, [standin.serviceAccount.email]],
      [`tonghop:status:${spec?.tab}`, [standin.serviceAccount.email]],
    ]);
    expect(standin.sheetOf(id, STANDING_TAB).protectedRanges).toHaveLength(1);
  });

  it('completes the control spreadsheet with the plan tabs and "Nguồn dữ liệu", with their headers, where the district defines its plans', async () => {
    expect(first.controlTabsAdded).toEqual([...PLAN_TAB_SPECS, SHARED_SOURCES_TAB_SPEC].map((spec) => spec.tab));
    for (const spec of [...PLAN_TAB_SPECS, SHARED_SOURCES_TAB_SPEC])
      expect(standin.tabValues(controlId, spec.tab)[0]).toEqual(spec.columns.map((c) => c.header));
    const control = await readControlSpreadsheet(standinApis(standin), controlId);
    expect(control.problems).toEqual([]);
    expect(control.plans.plans).toEqual([]);
  });

  it("shares each spreadsheet with the unit's contacts and records its id in the control spreadsheet", () => {
    const permissions = standin.fileOf(idOf(first, 'th-a')).permissions.map((p) => [p.emailAddress, p.role]);
    expect(permissions).toContainEqual(['lan.tpt@th-a.edu.vn', 'writer']);
    expect(first.units.find((u) => u.unitId === 'cd-c')?.sharedWith).toEqual([]);
    expect(first.recorded).toBe(3);
    const recorded = standin
      .tabValues(controlId, 'Đơn vị')
      .slice(2)
      .map((row) => row[9]);
    expect(recorded).toEqual([idOf(first, 'th-a'), idOf(first, 'thcs-b'), idOf(first, 'cd-c')]);
  });

  it('changes nothing when run again', async () => {
    standin.clearLog();
    const again = await run();
    expect(again.units.map((u) => [u.created, u.tabsAdded, u.sharedWith])).toEqual(
      first.units.map(() => [false, [], []]),
    );
    expect(again.recorded).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('finds the spreadsheet it made when a run died before recording its id, instead of making a second', async () => {
    standin.editCells(controlId, 'Đơn vị', 'J4', [['']]);
    standin.clearLog();
    const again = await run();
    expect(standin.count('files.create')).toBe(0);
    expect(idOf(again, 'thcs-b')).toBe(idOf(first, 'thcs-b'));
    expect(again.recorded).toBe(1);
    expect(standin.tabValues(controlId, 'Đơn vị')[3]?.[9]).toBe(idOf(first, 'thcs-b'));
  });

  it('completes a spreadsheet a unit made itself: adds the missing tabs, keeps its own tabs exactly as they are', async () => {
    const own = standin.createSpreadsheet({
      title: 'Của trường',
      parents: [TEST_FOLDER_ID],
      tabs: [{ name: 'Đăng ký tập huấn', rows: [['Tự làm'], [], [], [], ['STT', 'Họ và tên'], [1, 'Lan']] }],
    });
    standin.editCells(controlId, 'Đơn vị', 'J3', [[own]]);
    const again = await run();
    const thA = again.units.find((u) => u.unitId === 'th-a');
    expect(thA).toMatchObject({ spreadsheetId: own, created: false });
    expect(thA?.tabsAdded).toContain(STANDING_TAB);
    expect(thA?.tabsAdded).not.toContain('Đăng ký tập huấn');
    expect(standin.tabValues(own, 'Đăng ký tập huấn')[5]).toEqual([1, 'Lan']);
    // Its layout is not the template's: protecting rows 1–5 or "the last column" could lock the unit out of its data.
    expect(standin.sheetOf(own, 'Đăng ký tập huấn').protectedRanges).toEqual([]);
    expect(standin.sheetOf(own, STANDING_TAB).protectedRanges).toHaveLength(1);
  });

  it('copies a template spreadsheet (carrying the Apps Script menu) for new units when one is given', async () => {
    const template = standin.createSpreadsheet({ title: 'Mẫu có menu Tổng hợp', tabs: [{ name: 'Sheet1', rows: [] }] });
    standin.editCells(controlId, 'Đơn vị', 'J5', [['']]);
    standin.deleteFile(idOf(first, 'cd-c'));
    standin.clearLog();
    const again = await run(template);
    expect(standin.count('files.copy')).toBe(1);
    const cdC = again.units.find((u) => u.unitId === 'cd-c');
    expect(cdC?.created).toBe(true);
    expect(standin.fileOf(cdC?.spreadsheetId ?? '').name).toBe(
      unitSpreadsheetName({ id: 'cd-c', name: 'Chi đoàn C' } as never),
    );
    expect(standin.spreadsheet(cdC?.spreadsheetId ?? '').sheets.map((s) => s.properties.title)).not.toContain('Sheet1');
  });

  it('leaves a district that every sweep reads with one request per spreadsheet', async () => {
    const api = standinApis(standin);
    const control = await readControlSpreadsheet(api, controlId);
    standin.clearLog();
    const result = await sweep({
      units: control.units,
      forms: BUILTIN_FORMS,
      source: new GoogleUnitSheets(api, TEST_FOLDER_ID),
      store: new FirestoreSweepStore(firestore.db),
      now: NOW,
    });
    expect(result.totals).toMatchObject({ units: 3, unitsRead: 3, unitsUnreadable: 0 });
    expect(standin.requests.filter((r) => r.kind === 'files.export').map((r) => r.status)).toEqual([200, 200, 200]);
    expect(standin.count('values.batchGet')).toBe(0);
    expect(standin.count('spreadsheets.get')).toBe(0);
  });

  it("skips a unit whose 'Tệp báo cáo' is an .xlsx it uploaded (in the folder or shared from elsewhere): no Sheets request, said in Vietnamese", async () => {
    const inFolder = standin.uploadFile({
      name: 'Báo cáo TH A.xlsx',
      parents: [TEST_FOLDER_ID],
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    });
    const elsewhere = standin.uploadFile({
      name: 'Báo cáo CĐ C.xlsx',
      parents: ['thu-muc-khac'],
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    });
    standin.editCells(controlId, 'Đơn vị', 'J3', [[inFolder]]);
    standin.editCells(controlId, 'Đơn vị', 'J5', [[elsewhere]]);
    standin.clearLog();
    const again = await run();
    expect(again.failed).toEqual([]);
    expect(again.skipped).toEqual([
      {
        unitId: 'th-a',
        skipped: expect.stringMatching(
          /^Liên đội Tiểu học A nộp tệp Excel trên Drive \(mã tệp .+\): không tạo bảng tính\./,
        ),
      },
      {
        unitId: 'cd-c',
        skipped: expect.stringMatching(/^Chi đoàn C nộp tệp Excel trên Drive .*: không tạo bảng tính\./),
      },
    ]);
    expect(again.skipped.map((s) => s.skipped.normalize('NFC'))).toEqual(again.skipped.map((s) => s.skipped));
    expect(again.units.map((u) => u.unitId)).toEqual(['thcs-b']);
    // Nothing asked Sheets about the uploads, nothing was created, and 'Tệp báo cáo' still names them.
    expect(standin.requests.filter((r) => r.fileId === inFolder || r.fileId === elsewhere).map((r) => r.kind)).toEqual([
      'files.get',
    ]);
    expect(writes()).toEqual([]);
    expect(again.recorded).toBe(0);
    expect([standin.tabValues(controlId, 'Đơn vị')[2]?.[9], standin.tabValues(controlId, 'Đơn vị')[4]?.[9]]).toEqual([
      inFolder,
      elsewhere,
    ]);
  });
});
