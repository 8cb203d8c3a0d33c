import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlSpreadsheetRegistry } from '../../functions/src/adapters/google/control-spreadsheet-registry.js';
import { isSpreadsheetId } from '../../functions/src/adapters/google/google-apis.js';
import { GoogleSummarySpreadsheet } from '../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { readControlSpreadsheet } from '../../functions/src/adapters/google/read-control-spreadsheet.js';
import { FirestoreNoticeLedger } from '../../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreOutputMarks } from '../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { isStatusHeader } from '../../functions/src/domain/forms/header-match.js';
import type { SheetTab } from '../../functions/src/domain/forms/read-form-tab.js';
import { formsInUse } from '../../functions/src/domain/plans/plans-in-use.js';
import type { ControlReading } from '../../functions/src/domain/units/read-control.js';
import { buildDemoDistrict } from '../../functions/src/demo/demo-district.js';
import { DEMO_NOW } from '../../functions/src/demo/demo-history.js';
import { writeDemoDistrict } from '../../functions/src/demo/write-demo-district.js';
import { HELP_SHEET } from '../../functions/src/adapters/workbook/write-help-sheet.js';
import type { FeedbackTarget, SummaryOutput } from '../../functions/src/jobs/summarize/ports.js';
import { summarize, type SummarizeResult } from '../../functions/src/jobs/summarize/summarize.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { BUILTIN_FORMS } from '../support/forms.js';
import { seedTabsOfWorkbook, standinApis, standinWithClock, TEST_FOLDER_ID } from '../support/google.js';
import type { GoogleStandin } from '../support/google-standin/index.js';
import { useTempDir } from '../support/builders.js';

/**
 * One job suite, two adapters: the demo district (36 units, typing errors, late, missing, a renamed
 * header, a missing tab, "không phát sinh") as .xlsx workbooks, and the same workbooks as Google
 * spreadsheets behind the stand-in. The jobs must store the same submissions, compute the same
 * statistics and give every row the same status on both, so behaviour cannot drift.
 */

interface AdapterRun {
  readonly control: ControlReading;
  readonly firestore: TestFirestore;
  readonly first: { swept: SweepResult; summary: SummarizeResult };
  readonly again: { swept: SweepResult; summary: SummarizeResult };
  /** Status column of each form tab of a unit, by tab name: row number → text. */
  statuses(unitId: string): Promise<Map<string, Map<number, string>>>;
  /** Requests of the second run (Google only). */
  readonly secondRunRequests?: readonly string[];
  /** The same district a day later, nothing changed and no deadline passed: what it did, and what it asked Google for. */
  readonly nextDay: {
    swept: SweepResult;
    summary: SummarizeResult;
    requests?: readonly string[];
    filesBefore?: ReadonlyMap<string, string>;
    filesAfter?: ReadonlyMap<string, string>;
  };
  /** Then after the issued plan's deadline (17g00 27/09/2024): a real change for the units that still owe it. */
  readonly deadlinePassed: { swept: SweepResult; summary: SummarizeResult; requests?: readonly string[] };
}

interface Adapter {
  readonly control: ControlReading;
  readonly sheets: UnitSheetSource & FeedbackTarget;
  readonly output: SummaryOutput;
  tabsOf(unitId: string): Promise<SheetTab[]>;
  onSecondRun?(): void;
  requestKinds?(): string[];
  /** Every file the jobs may write (workbook only): path → modification time and content hash. */
  files?(): Promise<Map<string, string>>;
}

/** A day after the demo's "now": 08g00 24/09/2024, before the issued plan's deadline (17g00 27/09/2024). */
const NEXT_DAY = new Date(DEMO_NOW.getTime() + 86_400_000);
/** 08g00 28/09/2024: the issued plan's deadline has passed. */
const AFTER_DEADLINE = new Date('2024-09-28T01:00:00Z');

const district = buildDemoDistrict([...BUILTIN_FORMS]);
const dir = useTempDir('tonghop-both');
let unitsDir: string;
let controlPath: string;
let standin: GoogleStandin;
const runs = new Map<string, AdapterRun>();

async function runJobs(name: string, open: (firestore: TestFirestore) => Promise<Adapter>): Promise<AdapterRun> {
  const firestore = testFirestore(`both-${name}`);
  const adapter = await open(firestore);
  // The plans come from the control sheet (the demo's carries the built-in ones, the finance desk's receipts plan and the plan
  // it issued near "now"), on both adapters alike.
  const forms = formsInUse(adapter.control.plans);
  expect(forms.map((f) => f.id).sort()).toEqual(
    [...BUILTIN_FORMS, district.finance.spec, district.issued.spec].map((f) => f.id).sort(),
  );
  const once = async (db: Firestore, now = DEMO_NOW) => {
    const swept = await sweep({
      units: adapter.control.units,
      forms,
      source: adapter.sheets,
      store: new FirestoreSweepStore(db),
      now,
    });
    const summary = await summarize({
      settings: adapter.control.settings,
      units: adapter.control.units,
      forms,
      store: new FirestoreSummaryStore(db),
      output: adapter.output,
      feedback: adapter.sheets,
      notices: new FirestoreNoticeLedger(db),
      now,
    });
    return { swept, summary };
  };
  const first = await once(firestore.db);
  adapter.onSecondRun?.();
  const again = await once(firestore.db);
  const secondRunRequests = adapter.requestKinds?.();
  const filesBefore = await adapter.files?.();
  adapter.onSecondRun?.();
  const nextDay = {
    ...(await once(firestore.db, NEXT_DAY)),
    requests: adapter.requestKinds?.(),
    filesBefore,
    filesAfter: await adapter.files?.(),
  };
  adapter.onSecondRun?.();
  const deadlinePassed = { ...(await once(firestore.db, AFTER_DEADLINE)), requests: adapter.requestKinds?.() };
  const statuses = async (unitId: string) =>
    new Map((await adapter.tabsOf(unitId)).map((tab) => [tab.name, statusColumn(tab)]));
  return {
    control: adapter.control,
    firestore,
    first,
    again,
    nextDay,
    deadlinePassed,
    statuses,
    ...(secondRunRequests ? { secondRunRequests } : {}),
  };
}

/** Path → modification time and SHA-256 of every file under some folders and files. */
async function fileStates(paths: readonly string[]): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const p of paths) {
    const files = (await stat(p)).isDirectory() ? (await readdir(p)).map((f) => path.join(p, f)) : [p];
    for (const file of files)
      states.set(
        file,
        `${(await stat(file)).mtimeMs}:${createHash('sha256')
          .update(await readFile(file))
          .digest('hex')}`,
      );
  }
  return states;
}

/** Row number → text of the status column (found by its header), for every row below the header. */
function statusColumn(tab: SheetTab): Map<number, string> {
  const header = tab.rows.find((row) => row.cells.some((c) => typeof c === 'string' && isStatusHeader(c)));
  const column = header?.cells.findIndex((c) => typeof c === 'string' && isStatusHeader(c)) ?? -1;
  const result = new Map<number, string>();
  if (!header || column < 0) return result;
  for (const row of tab.rows)
    if (row.rowNumber > header.rowNumber && typeof row.cells[column] === 'string')
      result.set(row.rowNumber, String(row.cells[column]));
  return result;
}

/** A stored document with what legitimately differs between adapters taken out: where the sheet is, when it was read. */
async function comparable(
  db: Firestore,
  collection: string,
  sources: Map<string, string>,
): Promise<Record<string, unknown>> {
  const snapshot = await db.collection(collection).get();
  const withoutSources = (text: string) =>
    [...sources.entries()].reduce((t, [unitId, source]) => t.split(source).join(`<${unitId}>`), text);
  return Object.fromEntries(
    snapshot.docs.map((doc) => {
      const {
        contentHash,
        fingerprint,
        specsHash,
        submissionHashes,
        revision,
        firstSeenAt,
        computedAt,
        inputsHash,
        feedbackHash,
        ...rest
      } = doc.data();
      void [
        contentHash,
        fingerprint,
        specsHash,
        submissionHashes,
        revision,
        firstSeenAt,
        computedAt,
        inputsHash,
        feedbackHash,
      ];
      const json = JSON.stringify(rest, (_key, value: unknown) =>
        typeof value === 'object' && value !== null && 'toDate' in value
          ? (value as { toDate(): Date }).toDate().toISOString()
          : value,
      );
      return [doc.id, JSON.parse(withoutSources(json)) as unknown];
    }),
  );
}

beforeAll(async () => {
  const written = await writeDemoDistrict(dir(), district);
  unitsDir = written.unitsDir;
  controlPath = written.controlPath;

  // The Google district is seeded from the workbooks as the units sent them, before the workbook run writes statuses into them.
  const controlTabs = await seedTabsOfWorkbook(controlPath);
  const files = new Set(await readdir(unitsDir));
  const sent: { unitId: string; name: string; tabs: Awaited<ReturnType<typeof seedTabsOfWorkbook>>; at: Date }[] = [];
  for (const unit of (await readControlWorkbook(controlPath)).units) {
    if (!files.has(unit.source)) continue;
    const file = path.join(unitsDir, unit.source);
    // A corrupt .xlsx has no Google counterpart: that unit has no spreadsheet.
    const tabs = await seedTabsOfWorkbook(file).catch(() => undefined);
    if (tabs) sent.push({ unitId: unit.id, name: unit.name, tabs, at: (await stat(file)).mtime });
  }

  runs.set(
    'workbook',
    await runJobs('workbook', async () => {
      const folder = new UnitWorkbookFolder(unitsDir);
      const control = await readControlWorkbook(controlPath);
      const units = new Map(control.units.map((u) => [u.id, u]));
      return {
        control,
        sheets: folder,
        output: new SummaryWorkbookFile(path.join(dir(), 'tong-hop.xlsx')),
        files: () => fileStates([unitsDir, path.join(dir(), 'tong-hop.xlsx')]),
        tabsOf: async (unitId) => {
          const file = path.join(unitsDir, units.get(unitId)?.source ?? '');
          return readWorkbookTabs(await readFile(file), file);
        },
      };
    }),
  );

  let setClock: (at: Date) => void;
  ({ standin, setClock } = await standinWithClock(new Date('2024-01-01T00:00:00Z')));
  runs.set(
    'google',
    await runJobs('google', async (firestore) => {
      const api = standinApis(standin);
      const controlId = standin.createSpreadsheet({ title: 'Bảng điều khiển', tabs: controlTabs });
      const ids = new Map<string, string>();
      for (const { unitId, name, tabs, at } of sent) {
        setClock(at);
        ids.set(unitId, standin.createSpreadsheet({ title: name, parents: [TEST_FOLDER_ID], tabs }));
      }
      setClock(DEMO_NOW);
      await new ControlSpreadsheetRegistry(api, controlId).recordSources(ids);
      const summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', tabs: [] });
      return {
        control: await readControlSpreadsheet(api, controlId),
        sheets: new GoogleUnitSheets(api, TEST_FOLDER_ID),
        output: new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db)),
        tabsOf: async (unitId) => {
          const id = ids.get(unitId);
          if (!id) return [];
          return standin.spreadsheet(id).sheets.map((sheet) => ({
            name: sheet.properties.title,
            rows: standin.tabValues(id, sheet.properties.title).map((cells, i) => ({
              rowNumber: i + 1,
              cells: cells.map((c) => (typeof c === 'object' && c !== null ? null : c)),
            })),
          }));
        },
        onSecondRun: () => standin.clearLog(),
        requestKinds: () => standin.requests.map((r) => r.kind),
      };
    }),
  );
  // A bound, not a measurement: every job twice on both adapters for the demo's 41 units (two cơ sở Đoàn branches).
}, 240_000);

afterAll(async () => {
  await standin?.close();
  for (const run of runs.values()) {
    await run.firestore.clear();
    await run.firestore.db.terminate();
  }
});

describe.each(['workbook', 'google'])('the jobs on %s', (name) => {
  const run = () => runs.get(name) as AdapterRun;

  it('read every unit that sent something, accounted for every row, and stored submissions', () => {
    const { totals } = run().first.swept;
    expect(totals.units).toBe(district.units.length);
    expect(totals.rowsRead).toBe(totals.rowsValid + totals.rowsRejected);
    expect(totals.rowsRejected).toBeGreaterThan(0);
    expect(totals.submissionsWritten).toBeGreaterThan(0);
    expect(run().first.summary.summary?.written).toBe(true);
    expect(run().first.summary.feedback.unitsWritten).toBeGreaterThan(0);
  });

  it('change nothing when run again: no Firestore write, no summary rewrite, no feedback', () => {
    const { again } = run();
    expect(again.swept.totals.writes).toBe(0);
    expect(again.swept.totals.unitsRead).toBe(0);
    expect(again.summary.statsWritten).toBe(0);
    expect(again.summary.summary?.written).toBe(false);
    expect(again.summary.feedback).toMatchObject({ unitsWritten: 0, refused: [] });
  });

  it('a day later with nothing changed and no deadline passed: no Firestore write, no sheet or summary written', () => {
    const { nextDay } = run();
    expect(nextDay.swept.totals.writes).toBe(0);
    expect(nextDay.summary.firestoreWrites).toBe(0);
    expect(nextDay.summary.summary?.written).toBe(false);
    expect(nextDay.summary.feedback).toMatchObject({ unitsWritten: 0, cellsWritten: 0, refused: [] });
    if (name === 'workbook') {
      // Byte for byte and to the millisecond: no unit workbook and not the summary was even rewritten.
      expect(nextDay.filesAfter?.size).toBeGreaterThan(district.units.length / 2);
      expect(nextDay.filesAfter).toEqual(nextDay.filesBefore);
    } else {
      expect(nextDay.requests).toEqual(['files.list']);
      expect(nextDay.requests?.filter((k) => k === 'values.batchUpdate' || k === 'spreadsheets.batchUpdate')).toEqual(
        [],
      );
    }
  });

  it('a deadline passing is a real change: the units that still owe the plan are told, and the summary is rewritten', () => {
    const { deadlinePassed } = run();
    expect(deadlinePassed.summary.summary?.written).toBe(true);
    expect(deadlinePassed.summary.feedback.unitsWritten).toBeGreaterThan(0);
    if (name === 'google')
      expect(deadlinePassed.requests?.filter((k) => k === 'values.batchUpdate').length).toBeGreaterThan(0);
  });
});

describe('workbooks and Google Sheets give the same results', () => {
  const sourcesOf = (name: string) =>
    new Map((runs.get(name) as AdapterRun).control.units.map((u) => [u.id, u.source]));

  it('the same units and settings from the control workbook and the control spreadsheet', () => {
    const [workbook, google] = [runs.get('workbook'), runs.get('google')] as AdapterRun[];
    expect(google?.control.settings).toEqual(workbook?.control.settings);
    expect(google?.control.units.map(({ source, ...u }) => (void source, u))).toEqual(
      workbook?.control.units.map(({ source, ...u }) => (void source, u)),
    );
    expect(google?.control.problems).toEqual(workbook?.control.problems);
    expect(google?.control.units.length).toBe(district.units.length);
  });

  it('the same submissions: rows, rejected rows and their messages, completeness and times', async () => {
    const [workbook, google] = ['workbook', 'google'].map((n) => runs.get(n) as AdapterRun);
    const fromWorkbook = await comparable(workbook?.firestore.db as Firestore, 'submissions', sourcesOf('workbook'));
    const fromGoogle = await comparable(google?.firestore.db as Firestore, 'submissions', sourcesOf('google'));
    expect(Object.keys(fromGoogle).sort()).toEqual(Object.keys(fromWorkbook).sort());
    for (const [id, doc] of Object.entries(fromWorkbook)) {
      const { rejected, ...rest } = doc as { rejected: { rowNumber: number; errors: unknown }[] };
      const { rejected: googleRejected, ...googleRest } = fromGoogle[id] as {
        rejected: { rowNumber: number; errors: unknown }[];
      };
      expect(googleRest, id).toEqual(rest);
      // Raw cells of rejected rows are kept as each source holds them (a date cell is a Date in .xlsx, a serial in Sheets); the messages are the same.
      expect(
        googleRejected.map((r) => [r.rowNumber, r.errors]),
        id,
      ).toEqual(rejected.map((r) => [r.rowNumber, r.errors]));
    }
  });

  it('the same statistics for every form and period', async () => {
    const [workbook, google] = ['workbook', 'google'].map((n) => runs.get(n) as AdapterRun);
    const stats = (run: AdapterRun | undefined) =>
      run?.first.summary.picture.periods.map((p) => [p.spec.id, p.period.id, p.stats.overall]);
    expect(stats(google)).toEqual(stats(workbook));
    expect(stats(workbook)?.length).toBeGreaterThan(10);
  });

  it('the same status in every row of every unit sheet, and the same standing tab ("Tình trạng" column)', async () => {
    const [workbook, google] = ['workbook', 'google'].map((n) => runs.get(n) as AdapterRun);
    let rows = 0;
    for (const unit of google?.control.units ?? []) {
      if (!isSpreadsheetId(unit.source)) continue;
      const want = await workbook?.statuses(unit.id);
      const have = await google?.statuses(unit.id);
      // Only the workbook adapter rolls a new plan's blank tab out (Google unit sheets get no new tab yet): the plan the
      // demo issued near "now" has a tab, and a line in the help tab, in the files of the units that did not send it on
      // the workbook side alone. Those two tabs of those units are left out; every other tab must match.
      const rolledOut = want?.has(district.issued.spec.tab) === true && have?.has(district.issued.spec.tab) !== true;
      if (rolledOut)
        expect(want?.get(district.issued.spec.tab)?.size, `${unit.id}: the rolled-out tab is blank`).toBe(0);
      for (const [tab, statuses] of want ?? []) {
        if (rolledOut && (tab === district.issued.spec.tab || tab === HELP_SHEET)) continue;
        expect(have?.get(tab), `${unit.id} / ${tab}`).toEqual(statuses);
        rows += statuses.size;
      }
    }
    expect(rows).toBeGreaterThan(100);
  });

  it('a second Google run costs one folder listing and nothing else', () => {
    expect(runs.get('google')?.secondRunRequests).toEqual(['files.list']);
  });
});
