import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleUnitSheets } from '../../functions/src/adapters/google/google-unit-sheets.js';
import { startFirestoreEmulator, type RunningEmulator } from '../../functions/src/adapters/store/emulator.js';
import { createFirestore } from '../../functions/src/adapters/store/firestore-client.js';
import { StoreUnavailableError } from '../../functions/src/adapters/store/store-errors.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../support/firestore.js';
import { standinApis, TEST_FOLDER_ID } from '../support/google.js';
import { startGoogleStandin } from '../support/google-standin/index.js';
import { rawXlsx } from '../support/xlsx-package.js';
import { titled, writeTestWorkbook } from '../support/workbooks.js';
import { countedSweep, FORMS, NOW, person, school, SENT_AT, TAB } from './counted-sweep.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';
import { describeHostileInputs } from './hostile-inputs.js';
import { describeUnitIsolation } from './isolation.js';
import { describeProperties } from './properties.js';
import { describeTallySummary, tally } from './tally.js';
import { loadRevisions } from '../support/revisions.js';

/**
 * The reliability suite: bad input, faults and concurrency, with nothing lost. Every input tried is
 * counted; crashes (a sweep throwing where it should report), rows lost (a non-empty row neither
 * valid nor rejected) and duplicates (a change stored twice) are counted too, printed at the end
 * and asserted to be zero.
 */

/** Stored documents, without what depends on when a run happened, for comparing two runs. */
async function storedState(db: Firestore): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {};
  for (const collection of ['submissions', 'sources']) {
    for (const doc of (await db.collection(collection).get()).docs) {
      const { firstSeenAt, ...rest } = doc.data();
      void firstSeenAt;
      state[`${collection}/${doc.id}`] = rest;
      if (collection === 'submissions') {
        const revisions = (await loadRevisions(doc.ref)).length;
        state[`${collection}/${doc.id}/revisions`] = revisions;
        // One change, one revision: more would be a change stored twice.
        tally.duplicates += Math.max(0, revisions - Number(rest.revision ?? 0));
      }
    }
  }
  return state;
}

const dir = useTempDir('tonghop-reliability');

describeHostileInputs();

describe('bad input: a clear message for the unit whose file is broken, and the other units go on', () => {
  const firestore = testFirestore('reliability-input');
  let result: SweepResult | undefined;
  const rowsSent = new Map<string, number>();
  const outcome = (id: string) => result?.units.find((u) => u.unitId === id);
  let heapGrowth = 0;

  beforeAll(async () => {
    const folder = path.join(dir(), 'input');
    const clean = path.join(folder, 'clean.xlsx');
    await writeTestWorkbook(
      clean,
      [
        {
          name: TAB,
          rows: titled(
            'ĐĂNG KÝ',
            TRAINING_HEADER,
            [1, 2, 3, 4, 5].map((i) => person(i)),
          ),
        },
      ],
      SENT_AT,
    );
    rowsSent.set('clean', 5);
    const bytes = await readFile(clean);
    await writeFile(path.join(folder, 'zero.xlsx'), Buffer.alloc(0));
    await writeFile(path.join(folder, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await writeFile(path.join(folder, 'not-xlsx.xlsx'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    await writeFile(path.join(folder, 'huge.xlsx'), await rawXlsx(TAB, 100_000, { dimension: true }));
    await writeFile(path.join(folder, 'huge-no-dimension.xlsx'), await rawXlsx(TAB, 100_000, { dimension: false }));

    // A header whose 'Họ và tên' cell is merged across two columns, as people format titles.
    const merged = new ExcelJS.Workbook();
    const mergedSheet = merged.addWorksheet(TAB);
    mergedSheet.addRows([
      ['ĐĂNG KÝ'],
      [],
      [],
      ['STT', 'Họ và tên', null, 'Chức vụ', 'Giới tính', 'Ngày sinh', 'Số điện thoại'],
      [1, 'Lan', null, 'TPT', 'Nữ', '12/3/1990', '0983018027'],
      [2, 'Minh', null, 'TPT', 'Nam', null, '0912345678'],
    ]);
    mergedSheet.mergeCells('B4:C4');
    await merged.xlsx.writeFile(path.join(folder, 'merged.xlsx'));
    rowsSent.set('merged', 2);

    // The same header twice: the first is used, the unit is warned.
    await writeTestWorkbook(
      path.join(folder, 'duplicate-headers.xlsx'),
      [
        {
          name: TAB,
          rows: titled(
            'ĐĂNG KÝ',
            [...TRAINING_HEADER, 'Họ và tên'],
            [
              [...person(1), 'Tên khác'],
              [...person(2), null],
            ],
          ),
        },
      ],
      SENT_AT,
    );
    rowsSent.set('duplicate-headers', 2);

    // Hidden rows are rows: still read.
    const hidden = new ExcelJS.Workbook();
    const hiddenSheet = hidden.addWorksheet(TAB);
    hiddenSheet.addRows(
      titled(
        'ĐĂNG KÝ',
        TRAINING_HEADER,
        [1, 2, 3].map((i) => person(i)),
      ),
    );
    hiddenSheet.getRow(6).hidden = true;
    await hidden.xlsx.writeFile(path.join(folder, 'hidden-rows.xlsx'));
    rowsSent.set('hidden-rows', 3);

    const units = [
      'clean',
      'zero',
      'truncated',
      'not-xlsx',
      'huge',
      'huge-no-dimension',
      'merged',
      'duplicate-headers',
      'hidden-rows',
    ].map((id) => school(id));
    const heapBefore = process.memoryUsage().heapUsed;
    result = await countedSweep(units, new UnitWorkbookFolder(folder), firestore.db, rowsSent);
    heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  }, 60_000);
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('reads the clean unit in full beside the broken ones', () => {
    expect(result?.totals.units).toBe(9);
    expect(outcome('clean')).toMatchObject({ outcome: 'read', rowsValid: 5, rowsRejected: 0 });
  });

  it.each([
    ['zero', /^Tệp 'zero\.xlsx' rỗng \(0 byte\)\. Hãy lưu lại/],
    ['truncated', /^Không đọc được tệp 'truncated\.xlsx': tệp bị hỏng hoặc không phải bảng tính Excel/],
    ['not-xlsx', /^Không đọc được tệp 'not-xlsx\.xlsx': tệp bị hỏng hoặc không phải bảng tính Excel/],
    [
      'huge',
      /^Trang 'Đăng ký tập huấn' trong tệp 'huge\.xlsx' có 100\.000 dòng, vượt giới hạn 20\.000 dòng mỗi trang\. Hãy xóa/,
    ],
    [
      'huge-no-dimension',
      /^Trang 'Đăng ký tập huấn' trong tệp 'huge-no-dimension\.xlsx' có 100\.000 dòng, vượt giới hạn/,
    ],
  ])('%s: the unit is marked unreadable with a Vietnamese message saying what to do', (id, message) => {
    expect(outcome(id)?.outcome).toBe('unreadable');
    expect(outcome(id)?.problems[0]?.message).toMatch(message);
  });

  it('refuses the 100,000-row sheets without parsing them (bounded memory)', () => {
    expect(heapGrowth).toBeLessThan(150 * 1024 * 1024);
  });

  it('reads a header with merged cells, a duplicated header (with a warning) and hidden rows', () => {
    expect(outcome('merged')).toMatchObject({ outcome: 'read', rowsValid: 2 });
    expect(outcome('duplicate-headers')).toMatchObject({ outcome: 'read', rowsValid: 2 });
    expect(outcome('duplicate-headers')?.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/cột 'Họ và tên' xuất hiện 2 lần \(cột B, K\); hệ thống dùng cột B/),
    );
    expect(outcome('hidden-rows')).toMatchObject({ outcome: 'read', rowsValid: 3 });
  });
});

describe('faults: nothing lost, nothing twice', () => {
  const units = Array.from({ length: 12 }, (_, i) => school(`truong-${String(i + 1).padStart(2, '0')}`));
  const rowsSent = new Map(units.map((u, i) => [u.id, (i % 4) + 1]));
  let folder: string;

  beforeAll(async () => {
    folder = path.join(dir(), 'faults');
    for (const [i, unit] of units.entries()) {
      const rows = Array.from({ length: (i % 4) + 1 }, (_, r) =>
        person(r + 1, r === 0 && i % 5 === 0 ? '12345' : '0983018027'),
      );
      await writeTestWorkbook(
        path.join(folder, unit.source),
        [{ name: TAB, rows: titled('ĐĂNG KÝ', TRAINING_HEADER, rows) }],
        SENT_AT,
      );
    }
  });

  it('the emulator stopping mid-sweep fails the sweep; after a restart a re-run leaves exactly the state of an uninterrupted run', async () => {
    const uninterrupted = testFirestore('reliability-uninterrupted');
    await countedSweep(units, new UnitWorkbookFolder(folder), uninterrupted.db, rowsSent);
    const expected = await storedState(uninterrupted.db);

    const dataDir = path.join(dir(), 'emulator-data');
    const projectId = 'demo-test-reliability-crash';
    const started: RunningEmulator[] = [];
    try {
      const first = await startFirestoreEmulator({ importFrom: dataDir });
      started.push(first);
      const db = createFirestore({ projectId, emulatorHost: first.host });
      // A first answer from the fresh emulator before the clock of the short store deadline matters (a cold JVM under load is slow).
      await db.collection('sources').get();
      let stopping: Promise<void> | undefined;
      const folderSource = new UnitWorkbookFolder(folder);
      let opened = 0;
      const crashed = sweep({
        units,
        forms: FORMS,
        // Units after the sixth are read only once the database is gone, so the crash lands mid-sweep.
        source: {
          fingerprint: (unit) => folderSource.fingerprint(unit),
          open: async (unit) => {
            if (++opened > 6) await stopping;
            return folderSource.open(unit);
          },
        },
        // The client alone would retry the vanished server for minutes: the store gives up after 3 s.
        store: new FirestoreSweepStore(db, 3_000),
        now: NOW,
        concurrency: 1,
        // Half-way: keep what was committed so far (as a disk would), then the database goes away.
        onUnitDone: (done) => {
          if (done === 6) stopping ??= first.exportTo(projectId, dataDir).then(() => first.stop());
        },
      });
      tally.inputs += units.length;
      await expect(crashed).rejects.toThrow(StoreUnavailableError);
      await expect(crashed).rejects.toThrow(
        /^Firestore did not answer within 3 s \(committing unit truong-\d+\); the run stopped\./,
      );
      await stopping;

      const second = await startFirestoreEmulator({ importFrom: dataDir });
      started.push(second);
      const restarted = createFirestore({ projectId, emulatorHost: second.host });
      const halfway = (await restarted.collection('sources').get()).size;
      expect(halfway).toBeGreaterThan(0);
      expect(halfway).toBeLessThan(units.length);
      const rerun = await countedSweep(units, new UnitWorkbookFolder(folder), restarted, rowsSent);
      expect(rerun?.totals.unitsRead).toBe(units.length - halfway);
      expect(await storedState(restarted)).toEqual(expected);
      await restarted.terminate();
    } finally {
      await Promise.all(started.map((e) => e.stop()));
      await uninterrupted.clear();
      await uninterrupted.db.terminate();
    }
  }, 90_000);

  it('two sweeps started together leave the state of one sweep, with no revision stored twice', async () => {
    const alone = testFirestore('reliability-alone');
    const together = testFirestore('reliability-together');
    try {
      await countedSweep(units, new UnitWorkbookFolder(folder), alone.db, rowsSent);
      const [a, b] = await Promise.all([
        countedSweep(units, new UnitWorkbookFolder(folder), together.db, rowsSent),
        countedSweep(units, new UnitWorkbookFolder(folder), together.db, rowsSent),
      ]);
      expect((a?.totals.submissionsWritten ?? 0) + (b?.totals.submissionsWritten ?? 0)).toBeGreaterThanOrEqual(
        units.length,
      );
      const state = await storedState(together.db);
      expect(state).toEqual(await storedState(alone.db));
      expect(
        Object.entries(state)
          .filter(([key]) => key.endsWith('/revisions'))
          .every(([, count]) => count === 1),
      ).toBe(true);
    } finally {
      for (const f of [alone, together]) {
        await f.clear();
        await f.db.terminate();
      }
    }
  }, 60_000);

  it('Google answering 429 or 500 to one request in ten over a 200-unit sweep: it completes, no unit lost, pacing kept', async () => {
    // The real clock: the request log's times are what pacing is judged by.
    const standin = await startGoogleStandin();
    const firestore = testFirestore('reliability-storm');
    try {
      const many = Array.from({ length: 200 }, (_, i) => {
        const id = `lien-doi-${i + 1}`;
        return school(
          id,
          standin.createSpreadsheet({
            title: id,
            parents: [TEST_FOLDER_ID],
            tabs: [
              { name: TAB, rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [person(1), person(2)]) },
              { name: 'Tình hình nộp', rows: [] },
            ],
          }),
        );
      });
      const sent = new Map(many.map((u) => [u.id, 2]));
      standin.failRandomly({ rate: 0.1, statuses: [429, 500], seed: 2024 });
      // Units are read through Drive export: the Drive gate is the one a sweep's reads go through.
      const api = standinApis(standin, {
        driveRequests: 120,
        windowMs: 500,
        maxRetries: 8,
        baseDelayMs: 5,
        maxDelayMs: 40,
      });
      const t0 = Date.now();
      const result = await countedSweep(many, new GoogleUnitSheets(api, TEST_FOLDER_ID), firestore.db, sent);
      expect(result?.totals).toMatchObject({ units: 200, unitsRead: 200, unitsUnreadable: 0, rowsValid: 400 });
      expect((await firestore.db.collection('submissions').get()).size).toBe(200);
      const failed = standin.requests.filter((r) => r.status !== 200).length;
      expect(failed).toBeGreaterThan(10);
      expect(api.pacer.stats().retries).toBe(failed);
      const reads = standin.requests
        .filter((r) => r.api === 'drive')
        .map((r) => r.at)
        .sort((x, y) => x - y);
      // Load can only make requests later: the n-th group of 120 reads cannot arrive before n windows have passed.
      reads.forEach((arrived, i) =>
        expect(arrived - t0, `read ${i + 1}`).toBeGreaterThanOrEqual(Math.floor(i / 120) * 500 - 2),
      );
    } finally {
      standin.failRandomly(null);
      await standin.close();
      await firestore.clear();
      await firestore.db.terminate();
    }
  }, 60_000);
});

describeProperties();
describeUnitIsolation();
// The local sweep killed while writing unit files runs in local-crash.test.ts, beside this file (its own tally).
describeTallySummary(4000);
