import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { ControlSpreadsheetRegistry } from '../../functions/src/adapters/google/control-spreadsheet-registry.js';
import { readControlSpreadsheet } from '../../functions/src/adapters/google/read-control-spreadsheet.js';
import { GoogleUnitProvisioner } from '../../functions/src/adapters/google/unit-spreadsheet-provisioner.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import { OVERVIEW_TAB } from '../../functions/src/domain/summary/status-tabs.js';
import { UNIT_TYPE_LABELS, type Unit } from '../../functions/src/domain/units/unit.js';
import { ingestUnit } from '../../functions/src/jobs/ingest/ingest-unit.js';
import { provision } from '../../functions/src/jobs/provision/provision.js';
import type { FeedbackTarget, SummaryOutput } from '../../functions/src/jobs/summarize/ports.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { CONTROL_UNITS_HEADER, useTempDir } from '../support/builders.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import {
  standinSummaryHands,
  tableOf,
  workbookSummaryHands,
  closeBothAdapters,
  DISTRICT_EDITOR,
} from '../support/summary-hands.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { PARENT_UNITS, parentPlan } from '../unit/parent/parent-plans.js';

/*
 * A plan parents fill ('Cấp trên của Chi đoàn'), end to end on both adapters: each cơ sở Đoàn rates its
 * chi đoàn in a tab of its own file. A row naming another cơ sở's chi đoàn, or the same chi đoàn twice, is
 * rejected with its row and column; the chi đoàn owe nothing; the overview counts the two cơ sở.
 */

const PLAN = parentPlan();
const FORMS = [PLAN];
const SENT = new Date('2024-12-05T03:00:00Z');
const NOW = new Date('2024-12-10T01:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
const HEADERS = PLAN.columns.map((c) => c.header);

/** What each cơ sở typed: An Lạc also names Bình Tây's chi đoàn, and one of its own twice (once in lower case). */
const TYPED: Record<string, TestCell[][]> = {
  'truong-an-lac': [
    ['Chi đoàn 10A1 An Lạc', 'Vững mạnh', 'Sinh hoạt đều'],
    ['chi doan 11a2 an lac', 'Khá', null],
    ['Chi đoàn 10B1 Bình Tây', 'Khá', null],
    ['CHI ĐOÀN 10A1 AN LẠC', 'Trung bình', null],
  ],
  'truong-binh-tay': [
    ['Chi đoàn 10B1 Bình Tây', 'Vững mạnh', null],
    ['Chi đoàn 12B3 Bình Tây', 'Khá', null],
  ],
};
const tabOf = (unitId: string) => ({
  name: PLAN.tab,
  rows: titled(PLAN.title, HEADERS, TYPED[unitId] ?? []),
});
/** The first data row's sheet row (1-based): the title, a blank row and the header come first. */
const FIRST_ROW = titled(PLAN.title, HEADERS, []).length + 1;

/** A third cơ sở whose file has no tab of the plan yet, and its chi đoàn, which has a file of its own. */
const NEWCOMERS: Unit[] = [
  { ...PARENT_UNITS[0]!, id: 'truong-cu-chi', name: 'Đoàn trường THPT Củ Chi' },
  { ...PARENT_UNITS[1]!, id: 'cd-10c1-cu-chi', name: 'Chi đoàn 10C1 Củ Chi', parent: 'truong-cu-chi' },
];
const UNITS = [...PARENT_UNITS, ...NEWCOMERS];
/** The files the units keep before the run: the two cơ sở's filled tabs, a blank note tab for the newcomers. */
const FILES: Record<string, { name: string; rows: TestCell[][] }> = {
  ...Object.fromEntries(Object.keys(TYPED).map((unitId) => [unitId, tabOf(unitId)])),
  ...Object.fromEntries(NEWCOMERS.map((u) => [u.id, { name: 'Ghi chú', rows: [['Sổ tay của đơn vị']] }])),
};
const registry = (sourceOf: (id: string) => string): Unit[] => UNITS.map((u) => ({ ...u, source: sourceOf(u.id) }));

interface Adapter {
  readonly firestore: TestFirestore;
  readonly unitLocation: (unitId: string) => string;
  run(): Promise<SummarizeResult>;
  grid(location: string, tab: string): Promise<string[][]>;
}

function runner(
  units: readonly Unit[],
  firestore: TestFirestore,
  sheets: UnitSheetSource & FeedbackTarget,
  output: SummaryOutput,
) {
  return async () => {
    await sweep({ units, forms: FORMS, source: sheets, store: new FirestoreSweepStore(firestore.db), now: NOW });
    return summarize({
      settings: SETTINGS,
      units,
      forms: FORMS,
      store: new FirestoreSummaryStore(firestore.db),
      output,
      feedback: sheets,
      now: NOW,
    });
  };
}

const adapters = new Map<string, Adapter>();
const dir = useTempDir('parent-filled');
let standin: GoogleStandin;

beforeAll(async () => {
  const unitsDir = path.join(dir(), 'units');
  for (const [unitId, tab] of Object.entries(FILES))
    await writeTestWorkbook(path.join(unitsDir, `${unitId}.xlsx`), [tab], SENT);
  const workbookFirestore = testFirestore('parent-filled-workbook');
  adapters.set('workbook', {
    firestore: workbookFirestore,
    unitLocation: (unitId) => path.join(unitsDir, `${unitId}.xlsx`),
    run: runner(
      registry((id) => `${id}.xlsx`),
      workbookFirestore,
      new UnitWorkbookFolder(unitsDir),
      new SummaryWorkbookFile(path.join(dir(), 'tong-hop-bao-cao.xlsx')),
    ),
    ...workbookSummaryHands,
  });

  let setClock: (at: Date) => void;
  ({ standin, setClock } = await standinWithClock(SENT));
  const ids = new Map(
    Object.entries(FILES).map(([unitId, tab]) => [
      unitId,
      standin.createSpreadsheet({ title: unitId, parents: [TEST_FOLDER_ID], tabs: [tab] }),
    ]),
  );
  setClock(NOW);
  const api = standinApis(standin);
  const googleFirestore = testFirestore('parent-filled-google');
  const summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
  adapters.set('google', {
    firestore: googleFirestore,
    unitLocation: (unitId) => ids.get(unitId) ?? '',
    // A chi đoàn has no spreadsheet: it owes nothing, so its absence is no problem.
    run: runner(
      registry((id) => ids.get(id) ?? `khong-co-${id}`),
      googleFirestore,
      new GoogleUnitSheets(api, TEST_FOLDER_ID),
      new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(googleFirestore.db)),
    ),
    ...standinSummaryHands(standin, DISTRICT_EDITOR),
  });
}, 120_000);

afterAll(() => closeBothAdapters(standin, adapters.values()));

describe.each(['workbook', 'google'])("a plan parents fill ('Cấp trên của Chi đoàn') on the %s adapter", (name) => {
  const adapter = () => adapters.get(name) as Adapter;
  let location = '';

  beforeAll(async () => {
    location = (await adapter().run()).summary?.location ?? '';
  }, 120_000);

  it('counts the three cơ sở Đoàn as the units that owe it, not their chi đoàn', async () => {
    const overview = tableOf(await adapter().grid(location, OVERVIEW_TAB), 'Biểu mẫu · Kỳ');
    const row = overview.find((r) => Object.values(r)[0] === `${PLAN.tab} · hạn 15/12/2024`);
    expect(row, 'the plan’s row in Tổng quan').toBeDefined();
    // Bình Tây sent its two chi đoàn in full; An Lạc's report has refused rows, so it is not complete yet.
    // Củ Chi owes it too (its chi đoàn is registered) and has not sent it yet.
    expect(row).toMatchObject({ 'Phải nộp': '3', 'Đã nộp đủ': '1' });
  });

  it('rejects, in the cơ sở’s own tab, a row naming another cơ sở’s chi đoàn and a chi đoàn named twice', async () => {
    const grid = await adapter().grid(adapter().unitLocation('truong-an-lac'), PLAN.tab);
    const header = grid.findIndex((r) => r[0] === HEADERS[0]);
    const status = (grid[header] ?? []).findIndex((c) => c.startsWith('Tình trạng'));
    expect(status).toBeGreaterThan(HEADERS.length - 1);
    const statusOf = (offset: number) => grid[FIRST_ROW - 1 + offset]?.[status] ?? '';
    expect(statusOf(0)).toMatch(/^✓/);
    expect(statusOf(1)).toMatch(/^✓/);
    // The status cell is the row's own: it names the column; the district's 'Lỗi dữ liệu' names the row too.
    expect(statusOf(2)).toContain(
      "Cột 'Chi đoàn': 'Chi đoàn 10B1 Bình Tây' không thuộc đơn vị Đoàn trường THPT An Lạc",
    );
    expect(statusOf(3)).toContain(`trùng với dòng ${FIRST_ROW}`);
    const errors = (await adapter().grid(location, 'Lỗi dữ liệu')).map((r) => r.join(' | ')).join('\n');
    expect(errors).toContain(
      `Dòng ${FIRST_ROW + 2}, cột 'Chi đoàn': 'Chi đoàn 10B1 Bình Tây' không thuộc đơn vị Đoàn trường THPT An Lạc`,
    );
    // A cell the unit typed is never altered: the lower-case name stays as typed.
    expect(grid[FIRST_ROW]?.[0]).toBe('chi doan 11a2 an lac');
  });

  it('tells each cơ sở its own standing in its "Tình hình nộp"', async () => {
    const standing = (unitId: string) =>
      adapter()
        .grid(adapter().unitLocation(unitId), STANDING_TAB)
        .then((g) => g.find((r) => r[0] === PLAN.tab)?.join(' | ') ?? '');
    expect(await standing('truong-binh-tay')).toContain('✓ Đủ, đúng hạn');
    // Two rows kept, two refused: the cơ sở is told to fix the rows marked ✗.
    expect(await standing('truong-an-lac')).toMatch(/Chưa đạt .*\| 2 \| 2$/);
  });
});

describe('where a cơ sở fills it: a tab of the plan in its own file, none in its chi đoàn’s', () => {
  const titlesOf = (id: string) => standin.spreadsheet(id).sheets.map((sheet) => sheet.properties.title);

  it('workbook mode: the sweep rolls the blank tab out to the cơ sở’s file only', async () => {
    const workbook = adapters.get('workbook') as Adapter;
    const header = async (unitId: string) =>
      (await workbook.grid(workbook.unitLocation(unitId), PLAN.tab)).find((r) => r.includes(HEADERS[0]!));
    expect(await header('truong-cu-chi')).toEqual(expect.arrayContaining(HEADERS));
    await expect(header('cd-10c1-cu-chi')).rejects.toThrow();
  });

  it('Google: tonghop provision completes the cơ sở’s spreadsheet with the tab, not its chi đoàn’s', async () => {
    const google = adapters.get('google') as Adapter;
    const unitRow = (u: Unit) => [u.id, u.name, UNIT_TYPE_LABELS[u.type], '', u.cluster, null, null, null, null];
    const controlId = standin.createSpreadsheet({
      title: 'Bảng điều khiển',
      tabs: [
        {
          name: 'Đơn vị',
          rows: [
            ['DANH SÁCH ĐƠN VỊ'],
            [...CONTROL_UNITS_HEADER, 'Đơn vị cấp trên'],
            ...NEWCOMERS.map((u) => [...unitRow(u), google.unitLocation(u.id), u.parent ?? null]),
          ],
        },
        { name: 'Thông tin chung', rows: [['Tên đơn vị tổng hợp', 'Quận Đoàn thử']] },
      ],
    });
    const api = standinApis(standin);
    const control = await readControlSpreadsheet(api, controlId);
    expect(control.units.find((u) => u.id === 'cd-10c1-cu-chi')?.parent).toBe('truong-cu-chi');
    const result = await provision({
      units: control.units,
      forms: FORMS,
      provisioner: new GoogleUnitProvisioner(api, TEST_FOLDER_ID),
      registry: new ControlSpreadsheetRegistry(api, controlId),
    });
    expect(result.failed).toEqual([]);
    expect(titlesOf(google.unitLocation('truong-cu-chi'))).toContain(PLAN.tab);
    expect(titlesOf(google.unitLocation('cd-10c1-cu-chi'))).not.toContain(PLAN.tab);
  });
});

describe('the webhook’s one-unit ingest of a cơ sở', () => {
  const firestore = testFirestore('parent-filled-ingest');
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('reads its parent plan against the whole registry: its own chi đoàn kept, the other cơ sở’s refused', async () => {
    const unitsDir = path.join(dir(), 'ingest');
    await writeTestWorkbook(path.join(unitsDir, 'truong-an-lac.xlsx'), [tabOf('truong-an-lac')], SENT);
    const units = registry((id) => `${id}.xlsx`);
    const result = await ingestUnit({
      action: 'edit',
      unit: units[0]!,
      units,
      forms: FORMS,
      settings: SETTINGS,
      sheets: new UnitWorkbookFolder(unitsDir),
      sweepStore: new FirestoreSweepStore(firestore.db),
      store: new FirestoreSummaryStore(firestore.db),
      now: NOW,
    });
    expect(result.reply.message).toMatch(/^Đã kiểm tra: 2 dòng hợp lệ, 2 dòng lỗi/);
    const standing = result.picture.periods[0]?.stats.units.find((u) => u.unitId === 'truong-an-lac');
    expect(standing?.status).toBe('partial');
  });
});
