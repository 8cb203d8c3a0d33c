import { readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spreadsheetFingerprint } from '../../functions/src/adapters/google/drive-listing.js';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { readControlSpreadsheet } from '../../functions/src/adapters/google/read-control-spreadsheet.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { addPlansToControlWorkbook } from '../../functions/src/adapters/workbook/add-control-plans.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import type { DistrictSheets } from '../../functions/src/app/district-sheets.js';
import { notifyDistrict } from '../../functions/src/app/notify-district.js';
import { openDistrict, plansOfControl } from '../../functions/src/app/open-district.js';
import { provisionDistrict } from '../../functions/src/app/provision-district.js';
import { sweepDistrict } from '../../functions/src/app/sweep-district.js';
import { defaultSummaryPath, workbookDistrict, workbookLink } from '../../functions/src/app/workbook-district.js';
import { loadConfig } from '../../functions/src/config.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import { columnLetter } from '../../functions/src/domain/sheets/a1.js';
import { formSpecSchema, type FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { plansRows } from '../../functions/src/domain/plans/plan-rows.js';
import { ictInstant } from '../../functions/src/domain/time/ict.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { ARCHIVE_TAB } from '../../functions/src/domain/summary/current-periods.js';
import type { SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { seedTabsOfWorkbook, standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin, SeedCell } from '../support/google-standin/index.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { testUnit, useTempDir } from '../support/builders.js';

/**
 * A plan's whole life (issue 12), one suite on both adapters: defined only by rows added to the
 * control's plan tabs, it goes live; its tab reaches the units (the sweep in workbook mode,
 * `provision` on Google); units fill it; it is swept, counted, reminded of and summarized; a column
 * type and its deadline change (the unit is told); then it is closed: no more reminders, out of the
 * current views into "Lưu trữ", its data and statistics kept.
 */

const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const EARLIER = builtinForm('tap-huan-2024');
const TAB = 'Ra quân tháng 10';
const PERIOD = 'mot-lan';
/** Not in the catalog: the district types it into its control sheet. */
const PLAN: FormSpec = formSpecSchema.parse({
  id: 'bao-cao-ra-quan-thang-10',
  title: 'Báo cáo kết quả ra quân Tháng 10',
  issuer: 'Quận Đoàn',
  kind: 'report',
  tab: TAB,
  columns: [
    { key: 'stt', header: 'STT', type: 'int', counter: true },
    { key: 'hoatDong', header: 'Tên hoạt động', type: 'text', required: true },
    { key: 'ngay', header: 'Ngày tổ chức', type: 'date', required: true },
    { key: 'gio', header: 'Giờ bắt đầu', type: 'time' },
    { key: 'kinhPhi', header: 'Kinh phí', type: 'money' },
    { key: 'soNguoi', header: 'Số người tham gia', type: 'text' },
  ],
  period: { type: 'once', due: { date: '2024-09-27' } },
  targets: { unitTypes: ['lien-doi'] },
});

const at = (date: string, time: string) => ictInstant(date, time);
const T = {
  live: at('2024-09-20', '09:00'),
  filledA: at('2024-09-21', '10:00'),
  filledB: at('2024-09-22', '15:00'),
  reminded: at('2024-09-24', '08:00'),
  changed: at('2024-09-25', '09:00'),
  closed: at('2024-09-26', '09:00'),
  newDue: at('2024-09-30', '08:00'),
};
const unit = (id: string, type: Unit['type'] = 'lien-doi'): Unit =>
  testUnit(id, { type, level: 'THCS', contacts: [{ name: `TPT ${id}`, email: `tpt@${id}.example` }] });
/** a fills it on time, b with mistakes, c not at all; d is a chi đoàn, outside Đối tượng. */
const UNITS = [unit('a'), unit('b'), unit('c'), unit('d', 'chi-doan')];
const ROWS: Readonly<Record<string, readonly (readonly SeedCell[])[]>> = {
  a: [[1, 'Ra quân dọn vệ sinh đường phố', '21/09/2024', '07:30', '1.500.000', '30']],
  b: [[1, 'Trồng cây xanh', 'hôm qua', '08:00', '500.000', 'khoảng ba chục']],
};

/** One adapter's side of the story: where the sheets are and how district staff and units act on them. */
interface LifecycleSide {
  readonly sheets: DistrictSheets;
  /** The district adds the plan's rows to the control's plan tabs. */
  goLive(): Promise<void>;
  /** What the district does after issuing (Google: `tonghop provision`); nothing in workbook mode. */
  afterIssue(): Promise<void>;
  tabsOf(unitId: string): Promise<string[]>;
  fill(unitId: string, rows: readonly (readonly SeedCell[])[], when: Date): Promise<void>;
  /** The control's tab as values, rows[0] being row 1. */
  controlTab(tab: string): Promise<unknown[][]>;
  editControl(tab: string, row: number, column: number, value: string, when: Date): Promise<void>;
  /** Tab name → values of the district summary. */
  summaryTabs(): Promise<Map<string, unknown[][]>>;
  standingOf(unitId: string): Promise<unknown[][]>;
}

const dir = useTempDir('tonghop-lifecycle');
let standin: GoogleStandin | undefined;
let setClock: (when: Date) => void = () => undefined;

beforeAll(async () => {
  ({ standin, setClock } = await standinWithClock(new Date('2024-09-01T00:00:00Z')));
});
afterAll(async () => {
  await standin?.close();
});

async function workbookSide(home: string): Promise<LifecycleSide> {
  const controlPath = path.join(home, 'control.xlsx');
  const unitsDir = path.join(home, 'units');
  await writeControlWorkbook(controlPath, { settings: SETTINGS, units: UNITS, plans: [EARLIER] });
  const before = new Date('2024-09-10T02:00:00Z');
  for (const u of UNITS) {
    const file = path.join(unitsDir, u.source);
    await writeUnitWorkbook(file, u.name, u.type === 'lien-doi' ? [EARLIER] : [], new Map());
    await utimes(file, before, before);
  }
  const tabsOfFile = async (file: string) => readWorkbookTabs(await readFile(file), path.basename(file));
  return {
    sheets: workbookDistrict(controlPath, { unitsDir }),
    goLive: async () => void (await addPlansToControlWorkbook(controlPath, [PLAN])),
    afterIssue: async () => undefined,
    tabsOf: async (unitId) => (await tabsOfFile(path.join(unitsDir, `${unitId}.xlsx`))).map((t) => t.name),
    fill: async (unitId, rows, when) => {
      const file = path.join(unitsDir, `${unitId}.xlsx`);
      const workbook = await openWorkbook(file);
      const sheet = sheetOf(workbook, TAB);
      rows.forEach((cells, r) =>
        cells.forEach((value, c) => void (sheet.getCell(6 + r, c + 1).value = value as string | number)),
      );
      await workbook.xlsx.writeFile(file);
      await utimes(file, when, when);
    },
    controlTab: async (tab) => valuesOf((await tabsOfFile(controlPath)).find((t) => t.name === tab)?.rows ?? []),
    editControl: async (tab, row, column, value) => {
      const workbook = await openWorkbook(controlPath);
      sheetOf(workbook, tab).getCell(row, column).value = value;
      await workbook.xlsx.writeFile(controlPath);
    },
    summaryTabs: async () =>
      new Map((await tabsOfFile(defaultSummaryPath(controlPath))).map((t) => [t.name, valuesOf(t.rows)])),
    standingOf: async (unitId) =>
      valuesOf(
        (await tabsOfFile(path.join(unitsDir, `${unitId}.xlsx`))).find((t) => t.name === STANDING_TAB)?.rows ?? [],
      ),
  };
}

async function googleSide(home: string, firestore: TestFirestore): Promise<LifecycleSide> {
  if (!standin) throw new Error('no stand-in');
  const google = standin;
  const api = standinApis(google);
  const controlPath = path.join(home, 'control.xlsx');
  await writeControlWorkbook(controlPath, { settings: SETTINGS, units: UNITS, plans: [EARLIER] });
  const controlId = google.createSpreadsheet({ title: 'Bảng điều khiển', tabs: await seedTabsOfWorkbook(controlPath) });
  const summaryId = google.createSpreadsheet({ title: 'Tổng hợp', tabs: [] });
  const config = {
    folderId: TEST_FOLDER_ID,
    controlSpreadsheetId: controlId,
    summarySpreadsheetId: summaryId,
    apiRoot: undefined,
    accessToken: undefined,
    serviceAccountEmail: undefined,
    readsPerMinute: 10_000,
    writesPerMinute: 10_000,
    retryBaseMs: 5,
  };
  const provisionNow = async () => {
    const result = await provisionDistrict(
      { google: config, api, ...plansOfControl(await readControlSpreadsheet(api, controlId)) },
      {},
    );
    expect(result.result.failed).toEqual([]);
  };
  // The units' spreadsheets, given out before the plan existed.
  setClock(new Date('2024-09-10T02:00:00Z'));
  await provisionNow();
  const idOf = async (unitId: string) =>
    (await readControlSpreadsheet(api, controlId)).units.find((u) => u.id === unitId)?.source ?? '';
  const values = (id: string, tab: string) =>
    google
      .tabValues(id, tab)
      .map((row) => row.map((cell) => (typeof cell === 'object' && cell !== null ? null : cell)));
  return {
    sheets: {
      units: new GoogleUnitSheets(api, TEST_FOLDER_ID),
      output: new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db)),
      readControl: () => readControlSpreadsheet(api, controlId),
      controlFingerprint: async () => (await spreadsheetFingerprint(api, controlId))?.modifiedAt.toISOString(),
      controlLocation: `bảng tính ${controlId}`,
      unitsLocation: TEST_FOLDER_ID,
      outboxDir: path.join(home, 'outbox'),
      sheetLinkOf: workbookLink,
    },
    goLive: async () => {
      setClock(T.live);
      // The same rows `tonghop plans add` writes into a workbook, typed under each plan tab's last row.
      for (const { tab, headers, rows } of plansRows([PLAN])) {
        const existing = google.tabValues(controlId, tab);
        const headerRow = existing.findIndex((row) => row[0] === headers[0]);
        expect(existing[headerRow]?.slice(0, headers.length)).toEqual(headers);
        google.editCells(
          controlId,
          tab,
          `A${existing.length + 1}`,
          rows.map((row) => row.map((cell) => (cell === undefined ? null : (cell as SeedCell)))),
        );
      }
    },
    afterIssue: provisionNow,
    tabsOf: async (unitId) => google.spreadsheet(await idOf(unitId)).sheets.map((s) => s.properties.title),
    fill: async (unitId, rows, when) => {
      setClock(when);
      google.editCells(await idOf(unitId), TAB, 'A6', rows);
    },
    controlTab: async (tab) => values(controlId, tab),
    editControl: async (tab, row, column, value, when) => {
      setClock(when);
      google.editCells(controlId, tab, `${columnLetter(column - 1)}${row}`, [[value]]);
    },
    summaryTabs: async () =>
      new Map(
        google.spreadsheet(summaryId).sheets.map((s) => [s.properties.title, values(summaryId, s.properties.title)]),
      ),
    standingOf: async (unitId) => values(await idOf(unitId), STANDING_TAB),
  };
}

function valuesOf(rows: readonly { rowNumber: number; cells: readonly unknown[] }[]): unknown[][] {
  const out: unknown[][] = [];
  for (const row of rows) {
    while (out.length < row.rowNumber - 1) out.push([]);
    out.push([...row.cells]);
  }
  return out;
}

const textOf = (values: readonly (readonly unknown[])[]) =>
  values
    .flat()
    .filter((v): v is string => typeof v === 'string')
    .join('\n');

describe.each(['workbook', 'google'] as const)(
  'a plan defined in the control sheet, from issue to archive (%s)',
  (name) => {
    let firestore: TestFirestore;
    let side: LifecycleSide;
    const config = () =>
      loadConfig({ TONGHOP_PROJECT_ID: 'demo-tonghop', TONGHOP_HOME: dir(), TONGHOP_SEND_HOURS: '0-24' });
    const log = () => undefined;
    const sweepAt = async (now: Date): Promise<SummarizeResult> => {
      const district = await openDistrict(side.sheets, firestore.db);
      const { result } = await sweepDistrict({ district, request: { step: 'sweep' }, now, log });
      if (result.kind !== 'swept' || !result.summary) throw new Error(`sweep did not summarize: ${result.kind}`);
      return result.summary;
    };
    const notifyAt = async (now: Date, dryRun = false) => {
      const district = await openDistrict(side.sheets, firestore.db);
      return (await notifyDistrict(district, { config: config(), now, dryRun, log })).value.result.outcomes.filter(
        (o) => o.notice.formId === PLAN.id,
      );
    };
    /** Row number (1-based) and column of a header in a control tab, for the row whose first cell is the plan's id and `match`. */
    const controlCell = async (tab: string, header: string, match: (row: unknown[]) => boolean) => {
      const values = await side.controlTab(tab);
      const headerRow = values.findIndex((row) => row[0] === 'Mã biểu mẫu');
      const column = (values[headerRow] ?? []).indexOf(header) + 1;
      const row = values.findIndex((cells, i) => i > headerRow && cells[0] === PLAN.id && match(cells)) + 1;
      expect([row > 0, column > 0]).toEqual([true, true]);
      return { row, column };
    };
    /** The messages of a unit's refused rows, as stored. */
    const rejectedText = async (unitId: string) => {
      const rejected = ((await firestore.db.collection('submissions').doc(`${PLAN.id}~${PERIOD}~${unitId}`).get()).get(
        'rejected',
      ) ?? []) as { errors: unknown }[];
      return JSON.stringify(rejected.map((row) => row.errors));
    };
    let live: SummarizeResult;
    let filled: SummarizeResult;

    beforeAll(async () => {
      firestore = testFirestore(`lifecycle-${name}`);
      const home = path.join(dir(), name);
      side = name === 'workbook' ? await workbookSide(home) : await googleSide(home, firestore);
      await sweepAt(new Date('2024-09-19T02:00:00Z'));
    }, 60_000);
    afterAll(async () => {
      await firestore.clear();
      await firestore.db.terminate();
    });

    it('goes live from rows in the control sheet alone, and reaches every targeted unit sheet', async () => {
      await side.goLive();
      const district = await openDistrict(side.sheets, firestore.db);
      expect(district.problems).toEqual([]);
      expect(district.openForms.map((f) => f.id)).toContain(PLAN.id);
      await side.afterIssue();
      live = await sweepAt(T.live);
      for (const id of ['a', 'b', 'c']) expect(await side.tabsOf(id)).toContain(TAB);
      expect(await side.tabsOf('d')).not.toContain(TAB);
      if (name === 'workbook') expect(live.feedback.tabsAdded.map((t) => t.unitId)).toEqual(['a', 'b', 'c']);
    });

    it('is swept and counted once units fill it', async () => {
      await side.fill('a', ROWS.a ?? [], T.filledA);
      await side.fill('b', ROWS.b ?? [], T.filledB);
      filled = await sweepAt(T.reminded);
      const entry = filled.picture.periods.find((p) => p.spec.id === PLAN.id);
      expect(entry?.stats.overall).toMatchObject({ expected: 3, complete: 1, onTime: 1 });
      const status = Object.fromEntries((entry?.stats.units ?? []).map((u) => [u.unitId, u.status]));
      expect(status).toMatchObject({ a: 'complete-on-time', c: 'missing' });
      expect(status.b).not.toMatch(/^complete/);
      expect((await firestore.db.collection('stats').doc(`${PLAN.id}~${PERIOD}`).get()).exists).toBe(true);
      // As text, "khoảng ba chục" people is fine: b's row is refused for its date alone.
      expect(await rejectedText('b')).toContain('Ngày tổ chức');
      expect(await rejectedText('b')).not.toContain('Số người tham gia');
    });

    it('reminds the units that have not sent it, and not the one that has', async () => {
      const sent = (await notifyAt(T.reminded)).filter((o) => o.result === 'sent');
      expect(sent.map((o) => [o.notice.unitId, o.notice.stage])).toContainEqual(['c', 'reminder']);
      expect(sent.map((o) => o.notice.unitId)).not.toContain('a');
      expect(sent.map((o) => o.notice.unitId)).not.toContain('d');
    });

    it('is summarized: its own tab, and a line in Tổng quan and Bảng điều khiển', async () => {
      await sweepAt(T.reminded);
      const tabs = await side.summaryTabs();
      expect([...tabs.keys()]).toContain(TAB);
      expect(textOf(tabs.get('Tổng quan') ?? [])).toContain(TAB);
      expect(textOf(tabs.get('Bảng điều khiển') ?? [])).toContain(TAB);
    });

    it('changes a column type and the deadline: the rows are judged again and the unit is told what changed', async () => {
      const type = await controlCell('Cột biểu mẫu', 'Kiểu', (row) => row.includes('Số người tham gia'));
      await side.editControl('Cột biểu mẫu', type.row, type.column, 'Số nguyên', T.changed);
      const due = await controlCell('Biểu mẫu', 'Hạn nộp', () => true);
      await side.editControl('Biểu mẫu', due.row, due.column, '30/09/2024', T.changed);
      const changed = await sweepAt(T.changed);
      const entry = changed.picture.periods.find((p) => p.spec.id === PLAN.id);
      expect(entry?.period.due.getTime()).toBe(ictInstant('2024-10-01').getTime() - 1);
      expect(textOf(await side.standingOf('a'))).toContain('Kế hoạch đã đổi');
      // The rows are validated again under the new type: b's count is now refused too, a's '30' still fits.
      expect(await rejectedText('b')).toContain('Số người tham gia');
      expect(entry?.stats.units.find((u) => u.unitId === 'a')?.status).toBe('complete-on-time');
      // Before it is closed, the due day would bring c a notice.
      expect((await notifyAt(T.newDue, true)).map((o) => [o.notice.unitId, o.notice.stage, o.result])).toContainEqual([
        'c',
        'due',
        'would-send',
      ]);
    });

    it("is closed ('Đã đóng'): no more reminders, out of the current views into Lưu trữ, its data and statistics kept", async () => {
      const status = await controlCell('Biểu mẫu', 'Trạng thái', () => true);
      await side.editControl('Biểu mẫu', status.row, status.column, 'Đã đóng', T.closed);
      const district = await openDistrict(side.sheets, firestore.db);
      expect(district.forms.map((f) => f.id)).toContain(PLAN.id);
      expect(district.openForms.map((f) => f.id)).not.toContain(PLAN.id);
      const closed = await sweepAt(T.closed);
      expect(await notifyAt(T.newDue)).toEqual([]);
      const tabs = await side.summaryTabs();
      expect(textOf(tabs.get(ARCHIVE_TAB) ?? [])).toContain(TAB);
      expect(textOf(tabs.get('Bảng điều khiển') ?? [])).not.toContain(TAB);
      expect(closed.picture.periods.find((p) => p.spec.id === PLAN.id)?.stats.overall).toMatchObject({
        expected: 3,
        onTime: 1,
      });
      expect((await firestore.db.collection('stats').doc(`${PLAN.id}~${PERIOD}`).get()).exists).toBe(true);
      expect((await firestore.db.collection('submissions').doc(`${PLAN.id}~${PERIOD}~a`).get()).exists).toBe(true);
    });
  },
);
