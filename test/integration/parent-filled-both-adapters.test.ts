import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import { OVERVIEW_TAB } from '../../functions/src/domain/summary/status-tabs.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FeedbackTarget, SummaryOutput } from '../../functions/src/jobs/summarize/ports.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { useTempDir } from '../support/builders.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import { standinSummaryHands, workbookSummaryHands } from '../support/summary-hands.js';
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

const registry = (sourceOf: (id: string) => string): Unit[] =>
  PARENT_UNITS.map((u) => ({ ...u, source: sourceOf(u.id) }));

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
  for (const unitId of Object.keys(TYPED))
    await writeTestWorkbook(path.join(unitsDir, `${unitId}.xlsx`), [tabOf(unitId)], SENT);
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
    Object.keys(TYPED).map((unitId) => [
      unitId,
      standin.createSpreadsheet({ title: unitId, parents: [TEST_FOLDER_ID], tabs: [tabOf(unitId)] }),
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
    ...standinSummaryHands(standin, { emailAddress: 'vp@quandoan.example', displayName: 'Văn phòng Quận Đoàn' }),
  });
}, 120_000);

afterAll(async () => {
  await standin?.close();
  for (const adapter of adapters.values()) {
    await adapter.firestore.clear();
    await adapter.firestore.db.terminate();
  }
});

/** The table under the first row whose first cell is `firstHeader`, as records by header, until an empty row. */
function tableOf(grid: readonly string[][], firstHeader: string): Record<string, string>[] {
  const headerRow = grid.findIndex((r) => r[0] === firstHeader);
  const headers = grid[headerRow] ?? [];
  const rows: Record<string, string>[] = [];
  for (const line of grid.slice(headerRow + 1)) {
    if (line.every((c) => c === '')) break;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, line[i] ?? ''])));
  }
  return rows;
}

describe.each(['workbook', 'google'])("a plan parents fill ('Cấp trên của Chi đoàn') on the %s adapter", (name) => {
  const adapter = () => adapters.get(name) as Adapter;
  let location = '';

  beforeAll(async () => {
    location = (await adapter().run()).summary?.location ?? '';
  }, 120_000);

  it('counts the two cơ sở Đoàn as the units that owe it, not their chi đoàn', async () => {
    const overview = tableOf(await adapter().grid(location, OVERVIEW_TAB), 'Biểu mẫu · Kỳ');
    const row = overview.find((r) => Object.values(r)[0] === `${PLAN.tab} · hạn 15/12/2024`);
    expect(row, 'the plan’s row in Tổng quan').toBeDefined();
    // Bình Tây sent its two chi đoàn in full; An Lạc's report has refused rows, so it is not complete yet.
    expect(row).toMatchObject({ 'Phải nộp': '2', 'Đã nộp đủ': '1' });
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
