import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleBranchSummaries } from '../../functions/src/adapters/google/google-branch-summaries.js';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { readControlSpreadsheet } from '../../functions/src/adapters/google/read-control-spreadsheet.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import {
  BranchSummaryWorkbooks,
  branchSummaryPath,
} from '../../functions/src/adapters/workbook/branch-summary-workbooks.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { subtreeStats } from '../../functions/src/domain/stats/subtree-stats.js';
import { BRANCH_GROUP } from '../../functions/src/domain/summary/status-tabs.js';
import type { ControlReading } from '../../functions/src/domain/units/read-control.js';
import { orgTree } from '../../functions/src/domain/units/org-tree.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { BranchSummaryOutputs, FeedbackTarget, SummaryOutput } from '../../functions/src/jobs/summarize/ports.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep } from '../../functions/src/jobs/sweep/sweep.js';
import { useTempDir } from '../support/builders.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { seedTabsOfWorkbook, standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import { titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';

/*
 * Two cơ sở Đoàn, each with two chi đoàn, and one chi đoàn directly under the district. The control sheet names
 * parents by id and by name; each cơ sở gets its own summary (a workbook, or a spreadsheet shared with it) that
 * must hold nothing of the other cơ sở — no unit id, no unit name, no member typed in its rows — in any cell of
 * any tab, and whose figures equal the pure roll-up.
 */

const FORM = builtinForm('ren-luyen-2014-dang-ky');
const NOW = new Date('2014-04-02T01:00:00Z');
const ON_TIME = new Date('2014-03-20T03:00:00Z');
const LATE = new Date('2014-04-01T03:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };

interface Member {
  readonly unitId: string;
  readonly name: string;
  readonly type: Unit['type'];
  readonly parent?: string;
  readonly email?: string;
  /** When its file was last saved; none: it sent nothing. */
  readonly sentAt?: Date;
  readonly people: readonly string[];
}

const DISTRICT: readonly Member[] = [
  {
    unitId: 'dtn-an-lac',
    name: 'Đoàn trường THPT An Lạc',
    type: 'co-so-doan',
    email: 'bithu@anlac.edu.vn',
    people: [],
  },
  {
    unitId: 'cd-10a1-an-lac',
    name: 'Chi đoàn 10A1 An Lạc',
    type: 'chi-doan',
    parent: 'dtn-an-lac',
    sentAt: ON_TIME,
    people: ['Nguyễn Văn Tâm', 'Lê Thị Hoa'],
  },
  {
    unitId: 'cd-10a2-an-lac',
    name: 'Chi đoàn 10A2 An Lạc',
    type: 'chi-doan',
    parent: 'Đoàn trường THPT An Lạc',
    people: [],
  },
  {
    unitId: 'dtn-binh-tay',
    name: 'Đoàn trường THPT Bình Tây',
    type: 'co-so-doan',
    email: 'bithu@binhtay.edu.vn',
    people: [],
  },
  {
    unitId: 'cd-11b1-binh-tay',
    name: 'Chi đoàn 11B1 Bình Tây',
    type: 'chi-doan',
    parent: 'dtn-binh-tay',
    sentAt: ON_TIME,
    people: ['Trần Quốc Bảo'],
  },
  {
    unitId: 'cd-11b2-binh-tay',
    name: 'Chi đoàn 11B2 Bình Tây',
    type: 'chi-doan',
    parent: 'doan truong thpt binh tay',
    sentAt: LATE,
    people: ['Phạm Thu Trang', 'Võ Minh Khôi'],
  },
  { unitId: 'cd-khu-pho-5', name: 'Chi đoàn Khu phố 5', type: 'chi-doan', sentAt: ON_TIME, people: ['Đặng Hữu Phước'] },
];

const header = FORM.columns.map((c) => c.header);
function formRows(member: Member): TestCell[][] {
  const row = (name: string, i: number): TestCell[] =>
    FORM.columns.map(
      (c) =>
        ({
          STT: i + 1,
          'Họ và tên đoàn viên': name,
          'Đối tượng': 'HSSV',
          '05 tiêu chí rèn luyện': 'Học tập tốt',
          '05 tiêu chí hành động': 'Tình nguyện',
        })[c.header] ?? null,
    );
  return titled(FORM.title, header, member.people.map(row));
}

function registry(sourceOf: (m: Member) => string): Unit[] {
  return DISTRICT.map((m) => ({
    id: m.unitId,
    name: m.name,
    type: m.type,
    level: 'THPT',
    cluster: 'Cụm 1',
    contacts: m.email ? [{ name: '', email: m.email }] : [],
    source: sourceOf(m),
    // The typed parent (id or name), as the district writes it: readControl resolves it.
    ...(m.parent ? { parent: m.parent } : {}),
  }));
}

interface Run {
  readonly control: ControlReading;
  readonly result: SummarizeResult;
  readonly again: SummarizeResult;
  /** Every cell text of the summary at `location`, tab by tab. */
  cellsOf(location: string): Promise<Map<string, string[][]>>;
}

async function runOn(
  firestore: TestFirestore,
  adapter: {
    control: ControlReading;
    sheets: UnitSheetSource & FeedbackTarget;
    output: SummaryOutput;
    branches: BranchSummaryOutputs;
    cellsOf: Run['cellsOf'];
  },
): Promise<Run> {
  const once = async () => {
    await sweep({
      units: adapter.control.units,
      forms: [FORM],
      source: adapter.sheets,
      store: new FirestoreSweepStore(firestore.db),
      now: NOW,
    });
    return summarize({
      settings: SETTINGS,
      units: adapter.control.units,
      forms: [FORM],
      store: new FirestoreSummaryStore(firestore.db),
      output: adapter.output,
      branchOutputs: adapter.branches,
      now: NOW,
    });
  };
  const result = await once();
  const again = await once();
  return { control: adapter.control, result, again, cellsOf: adapter.cellsOf };
}

const runs = new Map<string, Run>();
const dir = useTempDir('branch-summary');
let standin: GoogleStandin;
const stores: TestFirestore[] = [];

beforeAll(async () => {
  // Workbooks: a file per unit that sent something, the control workbook beside the units folder.
  const unitsDir = path.join(dir(), 'units');
  for (const m of DISTRICT)
    if (m.sentAt)
      await writeTestWorkbook(
        path.join(unitsDir, `${m.unitId}.xlsx`),
        [{ name: FORM.tab, rows: formRows(m) }],
        m.sentAt,
      );
  const controlPath = path.join(dir(), 'control.xlsx');
  await writeControlWorkbook(controlPath, {
    settings: SETTINGS,
    units: registry((m) => `${m.unitId}.xlsx`),
    plans: [FORM],
  });
  const workbookFirestore = testFirestore('branch-summary-workbook');
  stores.push(workbookFirestore);
  const summaryFile = path.join(dir(), 'tong-hop-bao-cao.xlsx');
  runs.set(
    'workbook',
    await runOn(workbookFirestore, {
      control: await readControlWorkbook(controlPath),
      sheets: new UnitWorkbookFolder(unitsDir),
      output: new SummaryWorkbookFile(summaryFile),
      branches: new BranchSummaryWorkbooks(dir()),
      cellsOf: async (file) =>
        new Map(
          (await readWorkbookTabs(await readFile(file), path.basename(file))).map((t) => [
            t.name,
            t.rows.map((r) => r.cells.map((c) => textOf(c))),
          ]),
        ),
    }),
  );

  // Google: the same units as spreadsheets in the Drive folder, the control spreadsheet seeded from a control workbook naming them.
  let setClock: (at: Date) => void;
  ({ standin, setClock } = await standinWithClock(ON_TIME));
  const ids = new Map<string, string>();
  for (const m of DISTRICT) {
    setClock(m.sentAt ?? ON_TIME);
    ids.set(
      m.unitId,
      standin.createSpreadsheet({
        title: m.name,
        parents: [TEST_FOLDER_ID],
        tabs: [{ name: FORM.tab, rows: m.sentAt ? formRows(m) : [] }],
      }),
    );
  }
  setClock(NOW);
  const googleControl = path.join(dir(), 'google-control.xlsx');
  await writeControlWorkbook(googleControl, {
    settings: SETTINGS,
    units: registry((m) => ids.get(m.unitId) ?? ''),
    plans: [FORM],
  });
  const controlId = standin.createSpreadsheet({
    title: 'Bảng điều khiển',
    parents: [TEST_FOLDER_ID],
    tabs: await seedTabsOfWorkbook(googleControl),
  });
  const summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
  const api = standinApis(standin);
  const googleFirestore = testFirestore('branch-summary-google');
  stores.push(googleFirestore);
  const marks = new FirestoreOutputMarks(googleFirestore.db);
  runs.set(
    'google',
    await runOn(googleFirestore, {
      control: await readControlSpreadsheet(api, controlId),
      sheets: new GoogleUnitSheets(api, TEST_FOLDER_ID),
      output: new GoogleSummarySpreadsheet(api, summaryId, marks),
      branches: new GoogleBranchSummaries(api, TEST_FOLDER_ID, marks),
      cellsOf: (location) => {
        const id = location.replace(/^.*\/d\/([^/]+).*$/, '$1');
        return Promise.resolve(
          new Map(
            standin
              .spreadsheet(id)
              .sheets.map((tab) => [
                tab.properties.title,
                standin.tabValues(id, tab.properties.title).map((r) => r.map((c) => textOf(c))),
              ]),
          ),
        );
      },
    }),
  );
}, 120_000);

afterAll(async () => {
  await standin?.close();
  for (const f of stores) {
    await f.clear();
    await f.db.terminate();
  }
});

function textOf(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}

/** What of a member may be found in a summary: its id, its name and the people its rows name. */
const tracesOf = (m: Member) => [m.unitId, m.name, ...m.people];

describe.each(['workbook', 'google'])('cơ sở Đoàn summaries on the %s adapter', (adapterName) => {
  const run = () => {
    const found = runs.get(adapterName);
    if (!found) throw new Error(`no ${adapterName} run`);
    return found;
  };

  it('reads the parents from the control sheet, by id and by name', () => {
    expect(run().control.problems).toEqual([]);
    expect(Object.fromEntries(run().control.units.map((u) => [u.id, u.parent ?? null]))).toEqual({
      'dtn-an-lac': null,
      'cd-10a1-an-lac': 'dtn-an-lac',
      'cd-10a2-an-lac': 'dtn-an-lac',
      'dtn-binh-tay': null,
      'cd-11b1-binh-tay': 'dtn-binh-tay',
      'cd-11b2-binh-tay': 'dtn-binh-tay',
      'cd-khu-pho-5': null,
    });
  });

  it('writes one summary per cơ sở Đoàn with chi đoàn, and nothing the second time', () => {
    expect(run().result.branchSummaries.map((b) => [b.unitId, b.written])).toEqual([
      ['dtn-an-lac', true],
      ['dtn-binh-tay', true],
    ]);
    expect(run().again.branchSummaries.map((b) => b.written)).toEqual([false, false]);
    if (adapterName === 'workbook')
      expect(run().result.branchSummaries[0]?.location).toBe(branchSummaryPath(dir(), 'dtn-an-lac'));
  });

  it.each([
    ['dtn-an-lac', 'dtn-binh-tay'],
    ['dtn-binh-tay', 'dtn-an-lac'],
  ])(
    "%s's summary holds its own chi đoàn and nothing of the others (every cell of every tab)",
    async (branchId, otherId) => {
      const location = run().result.branchSummaries.find((b) => b.unitId === branchId)?.location ?? '';
      const cells = [...(await run().cellsOf(location)).values()].flat(2).join('\n').toLowerCase();
      const parentOf = new Map(run().control.units.map((u) => [u.id, u.parent]));
      const inside = DISTRICT.filter((m) => m.unitId === branchId || parentOf.get(m.unitId) === branchId);
      const outside = DISTRICT.filter((m) => !inside.includes(m));
      expect(outside.map((m) => m.unitId)).toContain(otherId);
      expect(outside.map((m) => m.unitId)).toContain('cd-khu-pho-5');
      for (const trace of outside.flatMap(tracesOf))
        expect(cells, `'${trace}' leaked into ${branchId}'s summary`).not.toContain(trace.toLowerCase());
      // Not vacuous: its own chi đoàn and the members their rows name are there.
      for (const trace of inside.filter((m) => m.type === 'chi-doan').flatMap(tracesOf))
        expect(cells).toContain(trace.toLowerCase());
    },
  );

  it('the Google summary is shared (reader) with the cơ sở contact and no one of the other cơ sở', () => {
    if (adapterName !== 'google') return;
    const location = run().result.branchSummaries.find((b) => b.unitId === 'dtn-an-lac')?.location ?? '';
    const file = standin.fileOf(location.replace(/^.*\/d\/([^/]+).*$/, '$1'));
    expect(file.permissions.filter((p) => p.role === 'reader').map((p) => p.emailAddress)).toEqual([
      'bithu@anlac.edu.vn',
    ]);
    expect(file.name).toBe('Tổng hợp báo cáo — Đoàn trường THPT An Lạc');
  });

  it("the roll-up figures agree with the pure function: the branch summary's Tổng quan and the district's Theo cụm", async () => {
    const { result } = run();
    const stats = result.picture.periods.find((p) => p.spec.id === FORM.id)?.stats;
    if (!stats) throw new Error('no statistics of the form');
    const rolled = subtreeStats(stats, orgTree(result.picture.units));
    for (const branchId of ['dtn-an-lac', 'dtn-binh-tay']) {
      const expected = rolled.get(branchId);
      const counts = expected ? [expected.expected, expected.complete, expected.onTime, expected.late] : [];
      const location = result.branchSummaries.find((b) => b.unitId === branchId)?.location ?? '';
      const overview = (await run().cellsOf(location)).get('Tổng quan') ?? [];
      const row = overview.find((r) => r[0]?.startsWith(FORM.tab));
      expect(row?.slice(3, 7).map(Number), `${branchId} Tổng quan`).toEqual(counts);
      const branchName = DISTRICT.find((m) => m.unitId === branchId)?.name;
      const districtRow = result.model.tabs
        .find((t) => t.name === 'Theo cụm')
        ?.rows.find((r) => r[1] === BRANCH_GROUP && r[2] === branchName);
      expect(districtRow?.slice(3, 7), `${branchId} in the district's Theo cụm`).toEqual(counts);
    }
    // An Lạc: 2 chi đoàn expected, one on time, one missing; Bình Tây: 2 expected, one on time, one late.
    expect(
      [rolled.get('dtn-an-lac'), rolled.get('dtn-binh-tay')].map((g) => [g?.expected, g?.complete, g?.onTime]),
    ).toEqual([
      [2, 1, 1],
      [2, 2, 1],
    ]);
  });
});
