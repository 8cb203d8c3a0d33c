import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleBranchSummaries } from '../../functions/src/adapters/google/google-branch-summaries.js';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { REVIEW_ONLY_PROTECTION } from '../../functions/src/adapters/google/review-only-protections.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { BranchSummaryWorkbooks } from '../../functions/src/adapters/workbook/branch-summary-workbooks.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { DISTRICT_REVIEWER } from '../../functions/src/domain/review/review-decision.js';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../functions/src/domain/review/review-tab.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { BranchSummaryOutputs, FeedbackTarget, SummaryOutput } from '../../functions/src/jobs/summarize/ports.js';
import type { ReviewInbox } from '../../functions/src/jobs/summarize/review-ports.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { useTempDir } from '../support/builders.js';
import { standinSummaryHands, workbookSummaryHands, closeBothAdapters } from '../support/summary-hands.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';

/*
 * A cơ sở Đoàn reviews its chi đoàn from its own summary: its "Duyệt báo cáo" lists only them, a decision typed
 * there is recorded as that parent and shown to the district, a row an attacker types for another cơ sở's report
 * is refused, nothing of the other cơ sở ever appears, and the district's decision overrides the cơ sở's.
 */

const FORM = builtinForm('ren-luyen-2014-dang-ky');
const NOW = new Date('2014-04-02T01:00:00Z');
const SENT = new Date('2014-03-20T03:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
const AN_LAC = { id: 'dtn-an-lac', name: 'Đoàn trường THPT An Lạc' };
const COMMENT = 'Thiếu tiêu chí hành động của đoàn viên Lê Thị Hoa';
const EDITOR = { emailAddress: 'bithu@anlac.edu.vn', displayName: 'Bí thư An Lạc' };

const MEMBERS = [
  { id: AN_LAC.id, name: AN_LAC.name, type: 'co-so-doan', email: 'bithu@anlac.edu.vn', people: [] },
  {
    id: 'cd-10a1-an-lac',
    name: 'Chi đoàn 10A1 An Lạc',
    type: 'chi-doan',
    parent: AN_LAC.id,
    people: ['Nguyễn Văn Tâm', 'Lê Thị Hoa'],
  },
  {
    id: 'dtn-binh-tay',
    name: 'Đoàn trường THPT Bình Tây',
    type: 'co-so-doan',
    email: 'bithu@binhtay.edu.vn',
    people: [],
  },
  {
    id: 'cd-11b1-binh-tay',
    name: 'Chi đoàn 11B1 Bình Tây',
    type: 'chi-doan',
    parent: 'dtn-binh-tay',
    people: ['Trần Quốc Bảo'],
  },
] as const;
const OURS = 'ren-luyen-2014-dang-ky~mot-lan~cd-10a1-an-lac';
const THEIRS_UNIT = 'cd-11b1-binh-tay';
const OUTSIDE_TRACES = [
  'dtn-binh-tay',
  'Đoàn trường THPT Bình Tây',
  'cd-11b1-binh-tay',
  'Chi đoàn 11B1 Bình Tây',
  'Trần Quốc Bảo',
  'bithu@binhtay.edu.vn',
];

const header = FORM.columns.map((c) => c.header);
const formRows = (people: readonly string[]): TestCell[][] =>
  titled(
    FORM.title,
    header,
    people.map((name, i) =>
      FORM.columns.map(
        (c) =>
          ({
            STT: i + 1,
            'Họ và tên đoàn viên': name,
            'Đối tượng': 'HSSV',
            '05 tiêu chí rèn luyện': 'Học tập tốt',
            '05 tiêu chí hành động': 'Tình nguyện',
          })[c.header] ?? null,
      ),
    ),
  );
const registry = (sourceOf: (id: string) => string): Unit[] =>
  MEMBERS.map((m) => ({
    id: m.id,
    name: m.name,
    type: m.type,
    level: 'THPT',
    cluster: 'Cụm 1',
    contacts: 'email' in m ? [{ name: '', email: m.email }] : [],
    source: sourceOf(m.id),
    ...('parent' in m ? { parent: m.parent } : {}),
  }));

/** One district on one adapter: run the nightly job, read a summary tab, type into one as a person would. */
interface Adapter {
  readonly units: readonly Unit[];
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
  branches: BranchSummaryOutputs,
) {
  return async () => {
    await sweep({ units, forms: [FORM], source: sheets, store: new FirestoreSweepStore(firestore.db), now: NOW });
    return summarize({
      settings: SETTINGS,
      units,
      forms: [FORM],
      store: new FirestoreSummaryStore(firestore.db),
      output,
      branchOutputs: branches,
      review: { inbox: output, store: new FirestoreReviewStore(firestore.db), reviewer: DISTRICT_REVIEWER },
      now: NOW,
    });
  };
}

const adapters = new Map<string, Adapter>();
const dir = useTempDir('branch-review');
let standin: GoogleStandin;

beforeAll(async () => {
  const unitsDir = path.join(dir(), 'units');
  for (const m of MEMBERS)
    if (m.people.length > 0)
      await writeTestWorkbook(
        path.join(unitsDir, `${m.id}.xlsx`),
        [{ name: FORM.tab, rows: formRows(m.people) }],
        SENT,
      );
  const workbookUnits = registry((id) => `${id}.xlsx`);
  const workbookFirestore = testFirestore('branch-review-workbook');
  const summary = new SummaryWorkbookFile(path.join(dir(), 'tong-hop-bao-cao.xlsx'));
  adapters.set('workbook', {
    units: workbookUnits,
    firestore: workbookFirestore,
    run: runner(
      workbookUnits,
      workbookFirestore,
      new UnitWorkbookFolder(unitsDir),
      summary,
      new BranchSummaryWorkbooks(dir()),
    ),
    ...workbookSummaryHands,
  });

  let setClock: (at: Date) => void;
  ({ standin, setClock } = await standinWithClock(SENT));
  const ids = new Map(
    MEMBERS.map((m) => [
      m.id,
      standin.createSpreadsheet({
        title: m.name,
        parents: [TEST_FOLDER_ID],
        tabs: [{ name: FORM.tab, rows: m.people.length > 0 ? formRows(m.people) : [] }],
      }),
    ]),
  );
  setClock(NOW);
  const api = standinApis(standin);
  const googleFirestore = testFirestore('branch-review-google');
  const marks = new FirestoreOutputMarks(googleFirestore.db);
  const googleUnits = registry((id) => ids.get(id) ?? '');
  const summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
  adapters.set('google', {
    units: googleUnits,
    firestore: googleFirestore,
    run: runner(
      googleUnits,
      googleFirestore,
      new GoogleUnitSheets(api, TEST_FOLDER_ID),
      new GoogleSummarySpreadsheet(api, summaryId, marks),
      new GoogleBranchSummaries(api, TEST_FOLDER_ID, marks),
    ),
    ...standinSummaryHands(standin, EDITOR),
  });
}, 120_000);

afterAll(() => closeBothAdapters(standin, adapters.values()));

/** The review table of a tab: its header row index, the headers, and the data rows until the first empty one. */
function reviewTable(grid: readonly string[][]) {
  const headerRow = grid.findIndex(
    (r) => r.includes(REVIEW_HEADERS.submissionId) && r.includes(REVIEW_HEADERS.decision),
  );
  const headers = grid[headerRow] ?? [];
  const rows: Record<string, string>[] = [];
  for (const line of grid.slice(headerRow + 1)) {
    if (line.every((c) => c === '')) break;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, line[i] ?? ''])));
  }
  return { headerRow, headers, rows, column: (name: string) => headers.indexOf(name) };
}

describe.each(['workbook', 'google'])('a cơ sở Đoàn reviews its chi đoàn on the %s adapter', (name) => {
  const adapter = () => adapters.get(name) as Adapter;
  let first: SummarizeResult;
  const branchLocation = () => first.branchSummaries.find((b) => b.unitId === AN_LAC.id)?.location ?? '';
  const districtLocation = () => first.summary?.location ?? '';
  const stored = async () =>
    (await adapter().firestore.db.collection(COLLECTIONS.reviewDecisions).get()).docs.map((d) => d.data());
  const everyCell = async (location: string) => {
    const tabs = first.model.tabs.map((t) => t.name);
    return (
      await Promise.all(
        tabs.map((tab) =>
          adapter()
            .grid(location, tab)
            .catch(() => []),
        ),
      )
    )
      .flat(2)
      .join('\n')
      .toLowerCase();
  };

  it("lists only the cơ sở's own chi đoàn in its 'Duyệt báo cáo', waiting; the district's lists them all", async () => {
    first = await adapter().run();
    const branchRows = reviewTable(await adapter().grid(branchLocation(), REVIEW_TAB)).rows;
    expect(branchRows.map((r) => r[REVIEW_HEADERS.submissionId])).toEqual([OURS]);
    expect(branchRows[0]?.[REVIEW_HEADERS.standing]).toBe('Chờ duyệt');
    const districtRows = reviewTable(await adapter().grid(districtLocation(), REVIEW_TAB)).rows;
    expect(districtRows.map((r) => r[REVIEW_HEADERS.submissionId]).sort()).toEqual([
      OURS,
      `ren-luyen-2014-dang-ky~mot-lan~${THEIRS_UNIT}`,
    ]);
  });

  it("records the cơ sở's decision as that parent, refuses a typed row for another cơ sở's report, and leaks nothing", async () => {
    const branch = reviewTable(await adapter().grid(branchLocation(), REVIEW_TAB));
    await adapter().type(branchLocation(), REVIEW_TAB, branch.headerRow + 1, branch.column(REVIEW_HEADERS.decision), [
      'Cần bổ sung',
      COMMENT,
    ]);
    // An attacker copies the other cơ sở's report id and version from elsewhere and types a row of its own.
    const theirs = reviewTable(await adapter().grid(districtLocation(), REVIEW_TAB)).rows.find((r) =>
      r[REVIEW_HEADERS.submissionId]?.endsWith(THEIRS_UNIT),
    );
    const forged = branch.headers.map(
      (h) =>
        ({
          [REVIEW_HEADERS.decision]: 'Đã duyệt',
          [REVIEW_HEADERS.submissionId]: theirs?.[REVIEW_HEADERS.submissionId] ?? '',
          [REVIEW_HEADERS.version]: theirs?.[REVIEW_HEADERS.version] ?? '',
        })[h] ?? '',
    );
    await adapter().type(branchLocation(), REVIEW_TAB, branch.headerRow + 2, 0, forged);

    const result = await adapter().run();
    expect(result.review?.recorded).toBe(1);
    expect(result.review?.refused).toEqual([]);
    expect(result.review?.branchRefused?.get(AN_LAC.id)).toEqual([
      expect.stringContaining(`${AN_LAC.name} chỉ duyệt báo cáo của các đơn vị trực thuộc`),
    ]);
    const decisions = await stored();
    expect(decisions).toEqual([
      expect.objectContaining({ submissionId: OURS, decision: 'needs-more', comment: COMMENT, branch: AN_LAC }),
    ]);
    expect(decisions[0]?.by).toBe(name === 'google' ? `${EDITOR.displayName} (${AN_LAC.name})` : AN_LAC.name);

    const standing = `Cần bổ sung (${AN_LAC.name}): ${COMMENT}`;
    const districtRows = reviewTable(await adapter().grid(districtLocation(), REVIEW_TAB)).rows;
    expect(districtRows.find((r) => r[REVIEW_HEADERS.submissionId] === OURS)).toMatchObject({
      [REVIEW_HEADERS.standing]: standing,
      [REVIEW_HEADERS.decision]: '',
    });
    expect(
      districtRows.find((r) => r[REVIEW_HEADERS.submissionId]?.endsWith(THEIRS_UNIT))?.[REVIEW_HEADERS.standing],
    ).toBe('Chờ duyệt');
    const branchRows = reviewTable(await adapter().grid(branchLocation(), REVIEW_TAB)).rows;
    expect(branchRows).toEqual([
      expect.objectContaining({
        [REVIEW_HEADERS.submissionId]: OURS,
        [REVIEW_HEADERS.standing]: standing,
        [REVIEW_HEADERS.decision]: 'Cần bổ sung',
      }),
    ]);

    const cells = await everyCell(branchLocation());
    expect(cells).toContain('chi đoàn 10a1 an lạc');
    for (const trace of OUTSIDE_TRACES)
      expect(cells, `'${trace}' leaked into ${AN_LAC.id}'s summary`).not.toContain(trace.toLowerCase());
  });

  it("the district's decision on the same report overrides the cơ sở's, and reading both tabs again records nothing", async () => {
    const district = reviewTable(await adapter().grid(districtLocation(), REVIEW_TAB));
    const row = district.rows.findIndex((r) => r[REVIEW_HEADERS.submissionId] === OURS);
    await adapter().type(
      districtLocation(),
      REVIEW_TAB,
      district.headerRow + 1 + row,
      district.column(REVIEW_HEADERS.decision),
      ['Đã duyệt', ''],
    );
    expect((await adapter().run()).review?.recorded).toBe(1);
    expect((await adapter().run()).review?.recorded).toBe(0);
    const branchRows = reviewTable(await adapter().grid(branchLocation(), REVIEW_TAB)).rows;
    // The cơ sở still sees its own decision in its input cells, and the district's word as the standing.
    expect(branchRows[0]).toMatchObject({
      [REVIEW_HEADERS.standing]: 'Đã duyệt',
      [REVIEW_HEADERS.decision]: 'Cần bổ sung',
    });
    expect(
      (await stored()).map((d) => [d.decision, (d.branch as { id?: string } | undefined)?.id ?? null]).sort(),
    ).toEqual([
      ['approved', null],
      ['needs-more', AN_LAC.id],
    ]);
  });

  it('on Google, shares the cơ sở summary as writer and protects all but its review cells', () => {
    if (name !== 'google') return;
    const id = branchLocation().replace(/^.*\/d\/([^/]+).*$/, '$1');
    expect(
      standin
        .fileOf(id)
        .permissions.filter((p) => p.emailAddress === 'bithu@anlac.edu.vn')
        .map((p) => p.role),
    ).toEqual(['writer']);
    const protections = standin
      .spreadsheet(id)
      .sheets.flatMap((tab) => tab.protectedRanges.map((p) => ({ tab: tab.properties.title, p })));
    const ours = protections.filter(({ p }) => p.description === REVIEW_ONLY_PROTECTION);
    expect(new Set(ours.map((o) => o.tab))).toEqual(new Set(first.model.tabs.map((t) => t.name)));
    // One protection per tab: a rewrite replaced the earlier ones instead of piling them up.
    expect(ours).toHaveLength(first.model.tabs.length);
    const review = ours.find((o) => o.tab === REVIEW_TAB)?.p;
    expect(review?.unprotectedRanges).toEqual([expect.objectContaining({ startColumnIndex: 6, endColumnIndex: 8 })]);
  });
});
