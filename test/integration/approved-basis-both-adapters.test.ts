import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { planReviews } from '../../functions/src/domain/plans/plan-review-setting.js';
import { DISTRICT_REVIEWER } from '../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import { DASHBOARD_TAB } from '../../functions/src/domain/summary/dashboard-tab.js';
import { OVERVIEW_TAB } from '../../functions/src/domain/summary/status-tabs.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FeedbackTarget, SummaryOutput } from '../../functions/src/jobs/summarize/ports.js';
import type { ReviewInbox } from '../../functions/src/jobs/summarize/review-ports.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { useTempDir } from '../support/builders.js';
import {
  standinSummaryHands,
  tableOf,
  workbookSummaryHands,
  closeBothAdapters,
  DISTRICT_EDITOR,
} from '../support/summary-hands.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';

/*
 * 'Tính nộp đủ theo: Đã duyệt' end to end on both adapters: two units send two twin plans in full; the plan
 * counted on approved reports shows 0 % in Tổng quan and Bảng điều khiển until the district approves one unit
 * in "Duyệt báo cáo", then 50 %, its row saying "tính theo đã duyệt"; the twin counted as submitted shows 100 % throughout.
 */

const APPROVED_PLAN = builtinForm('ren-luyen-2014-dang-ky');
const SUBMITTED_PLAN: FormSpec = {
  ...APPROVED_PLAN,
  id: 'ren-luyen-2014-dot-2',
  title: 'Đăng ký rèn luyện đợt 2',
  tab: 'Rèn luyện đợt 2',
};
const FORMS = [APPROVED_PLAN, SUBMITTED_PLAN];
const PLAN_REVIEWS = planReviews(
  FORMS.map((f) => f.id),
  new Map([
    [APPROVED_PLAN.id, { review: true, basis: 'approved' as const }],
    [SUBMITTED_PLAN.id, { review: true }],
  ]),
  false,
);
const NOW = new Date('2014-04-02T01:00:00Z');
const SENT = new Date('2014-03-20T03:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
const MEMBERS = [
  { id: 'cd-10a1-an-lac', name: 'Chi đoàn 10A1 An Lạc', person: 'Nguyễn Văn Tâm' },
  { id: 'cd-11b1-binh-tay', name: 'Chi đoàn 11B1 Bình Tây', person: 'Trần Quốc Bảo' },
] as const;
/** The plan's one period, due 31/03/2014: the row label of Tổng quan and Bảng điều khiển. */
const PERIOD_LABEL = 'hạn 31/03/2014';
const APPROVED_LABEL = `${APPROVED_PLAN.tab} · ${PERIOD_LABEL} (tính theo đã duyệt)`;

const formRows = (spec: FormSpec, name: string): TestCell[][] =>
  titled(
    spec.title,
    spec.columns.map((c) => c.header),
    [
      spec.columns.map(
        (c) =>
          ({
            STT: 1,
            'Họ và tên đoàn viên': name,
            'Đối tượng': 'HSSV',
            '05 tiêu chí rèn luyện': 'Học tập tốt',
            '05 tiêu chí hành động': 'Tình nguyện',
          })[c.header] ?? null,
      ),
    ],
  );
const registry = (sourceOf: (id: string) => string): Unit[] =>
  MEMBERS.map((m) => ({
    id: m.id,
    name: m.name,
    type: 'chi-doan',
    level: 'THPT',
    cluster: 'Cụm 1',
    contacts: [],
    source: sourceOf(m.id),
  }));

/** One district on one adapter: run the nightly job, read a summary tab, type into it as the district would. */
interface Adapter {
  readonly firestore: TestFirestore;
  run(): Promise<SummarizeResult>;
  grid(location: string, tab: string): Promise<string[][]>;
  type(location: string, tab: string, row: number, column: number, cells: readonly string[]): Promise<void>;
}

function runner(
  units: readonly Unit[],
  firestore: TestFirestore,
  sheets: UnitSheetSource & FeedbackTarget,
  output: SummaryOutput & ReviewInbox,
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
      review: {
        inbox: output,
        store: new FirestoreReviewStore(firestore.db),
        reviewer: DISTRICT_REVIEWER,
        plans: PLAN_REVIEWS,
      },
      now: NOW,
    });
  };
}

const adapters = new Map<string, Adapter>();
const dir = useTempDir('approved-basis');
let standin: GoogleStandin;

beforeAll(async () => {
  const unitsDir = path.join(dir(), 'units');
  for (const m of MEMBERS)
    await writeTestWorkbook(
      path.join(unitsDir, `${m.id}.xlsx`),
      FORMS.map((spec) => ({ name: spec.tab, rows: formRows(spec, m.person) })),
      SENT,
    );
  const workbookFirestore = testFirestore('approved-basis-workbook');
  adapters.set('workbook', {
    firestore: workbookFirestore,
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
  const ids = new Map<string, string>(
    MEMBERS.map((m) => [
      m.id,
      standin.createSpreadsheet({
        title: m.name,
        parents: [TEST_FOLDER_ID],
        tabs: FORMS.map((spec) => ({ name: spec.tab, rows: formRows(spec, m.person) })),
      }),
    ]),
  );
  setClock(NOW);
  const api = standinApis(standin);
  const googleFirestore = testFirestore('approved-basis-google');
  const summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
  adapters.set('google', {
    firestore: googleFirestore,
    run: runner(
      registry((id) => ids.get(id) ?? ''),
      googleFirestore,
      new GoogleUnitSheets(api, TEST_FOLDER_ID),
      new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(googleFirestore.db)),
    ),
    ...standinSummaryHands(standin, DISTRICT_EDITOR),
  });
}, 120_000);

afterAll(() => closeBothAdapters(standin, adapters.values()));

/** A rate cell as a fraction, whether the adapter gives "50%", "50,0 %" or 0.5. */
function rate(text: string | undefined): number {
  const t = (text ?? '').replace(',', '.').trim();
  return t.endsWith('%') ? Number(t.replace(/\s*%$/, '')) / 100 : Number(t);
}

describe.each(['workbook', 'google'])("'Tính nộp đủ theo: Đã duyệt' on the %s adapter", (name) => {
  const adapter = () => adapters.get(name) as Adapter;
  let location = '';
  const overview = async () => tableOf(await adapter().grid(location, OVERVIEW_TAB), 'Biểu mẫu · Kỳ');
  const dashboard = async () => tableOf(await adapter().grid(location, DASHBOARD_TAB), 'Kế hoạch · Kỳ');
  const rowOf = (rows: Record<string, string>[], label: string) => rows.find((r) => Object.values(r)[0] === label);
  const submittedLabel = `${SUBMITTED_PLAN.tab} · ${PERIOD_LABEL}`;

  it('before any approval: the approved-counted plan is at 0 %, labelled; the submitted-counted one at 100 %', async () => {
    location = (await adapter().run()).summary?.location ?? '';
    for (const rows of [await overview(), await dashboard()]) {
      const approved = rowOf(rows, APPROVED_LABEL);
      expect(approved, `a row labelled '${APPROVED_LABEL}'`).toBeDefined();
      expect(approved).toMatchObject({ 'Phải nộp': '2', 'Đã nộp đủ': '0', 'Chờ duyệt': '2' });
      expect(rate(approved?.['Tỉ lệ nộp đủ'])).toBe(0);
      const submitted = rowOf(rows, submittedLabel);
      expect(submitted).toMatchObject({ 'Phải nộp': '2', 'Đã nộp đủ': '2', 'Chờ duyệt': '' });
      expect(rate(submitted?.['Tỉ lệ nộp đủ'])).toBe(1);
    }
  });

  it('after the district approves one unit: the figure moves to 50 %, the twin stays at 100 %', async () => {
    const grid = await adapter().grid(location, REVIEW_TAB);
    const headerRow = grid.findIndex((r) => r.includes(REVIEW_HEADERS.submissionId));
    const headers = grid[headerRow] ?? [];
    const row = grid.findIndex(
      (r) => r[headers.indexOf(REVIEW_HEADERS.submissionId)] === `${APPROVED_PLAN.id}~mot-lan~cd-10a1-an-lac`,
    );
    expect(row).toBeGreaterThan(headerRow);
    await adapter().type(location, REVIEW_TAB, row, headers.indexOf(REVIEW_HEADERS.decision), ['Đã duyệt']);
    expect((await adapter().run()).review?.recorded).toBe(1);
    for (const rows of [await overview(), await dashboard()]) {
      const approved = rowOf(rows, APPROVED_LABEL);
      expect(approved).toMatchObject({ 'Phải nộp': '2', 'Đã nộp đủ': '1', 'Chờ duyệt': '1' });
      expect(rate(approved?.['Tỉ lệ nộp đủ'])).toBe(0.5);
      const submitted = rowOf(rows, submittedLabel);
      expect(submitted).toMatchObject({ 'Đã nộp đủ': '2' });
      expect(rate(submitted?.['Tỉ lệ nộp đủ'])).toBe(1);
    }
  });

  it('after the district sends the same report back ("Cần bổ sung"): no longer counted, 0 % again', async () => {
    const grid = await adapter().grid(location, REVIEW_TAB);
    const headerRow = grid.findIndex((r) => r.includes(REVIEW_HEADERS.submissionId));
    const headers = grid[headerRow] ?? [];
    const row = grid.findIndex(
      (r) => r[headers.indexOf(REVIEW_HEADERS.submissionId)] === `${APPROVED_PLAN.id}~mot-lan~cd-10a1-an-lac`,
    );
    await adapter().type(location, REVIEW_TAB, row, headers.indexOf(REVIEW_HEADERS.decision), [
      'Cần bổ sung',
      'Thiếu tiêu chí hành động',
    ]);
    expect((await adapter().run()).review?.recorded).toBe(1);
    const approved = rowOf(await overview(), APPROVED_LABEL);
    expect(approved).toMatchObject({ 'Đã nộp đủ': '0', 'Chờ duyệt': '2' });
    expect(rate(approved?.['Tỉ lệ nộp đủ'])).toBe(0);
  });
});
