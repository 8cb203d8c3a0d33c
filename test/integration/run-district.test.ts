import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import { SummaryWorkbookFile } from '../../functions/src/adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../../functions/src/adapters/workbook/unit-workbook-folder.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { runDistrict, type RunRequest } from '../../functions/src/jobs/sweep/run-district.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { titled, writeTestWorkbook } from '../support/workbooks.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';

const FORMS = [builtinForm('tap-huan-2024')];
const NOW = new Date('2024-09-16T01:00:00Z');
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
const school = (id: string, cluster: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster,
  contacts: [],
  source: `${id}.xlsx`,
});
const UNITS = [
  school('a1', 'Cụm 1'),
  school('a2', 'Cụm 1'),
  school('b1', 'Cụm 2'),
  school('b2', 'Cụm 2'),
  school('c1', ''),
];

describe('scheduled runs: fan-out by cụm thi đua, each shard idempotent, the same result as one run', () => {
  const dir = useTempDir('tonghop-run-district');
  const fanned = testFirestore('run-district-shards');
  const whole = testFirestore('run-district-whole');
  const run = (
    firestore: TestFirestore,
    request: RunRequest,
    publisher?: { publish(requests: readonly RunRequest[]): Promise<void> },
    now = NOW,
  ) =>
    runDistrict({
      request,
      units: UNITS,
      settings: SETTINGS,
      forms: FORMS,
      sheets: new UnitWorkbookFolder(path.join(dir(), firestore.projectId)),
      output: new SummaryWorkbookFile(path.join(dir(), `${firestore.projectId}.xlsx`)),
      sweepStore: new FirestoreSweepStore(firestore.db),
      summaryStore: new FirestoreSummaryStore(firestore.db),
      ...(publisher ? { publisher } : {}),
      shardAbove: 2,
      now,
    });

  beforeAll(async () => {
    // Each run its own copy of the units' files: the summary step writes row statuses into them.
    for (const [folder, unit] of [fanned, whole].flatMap((f) =>
      UNITS.filter((u) => u.id !== 'b2').map((u) => [f.projectId, u] as const),
    )) {
      await writeTestWorkbook(
        path.join(dir(), folder, unit.source),
        [
          {
            name: 'Đăng ký tập huấn',
            rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [
              [1, `Người của ${unit.id}`, 'TPT', 'Nữ', null, '0983018027', null, null, null, null],
            ]),
          },
        ],
        new Date('2024-09-14T02:00:00Z'),
      );
    }
  });
  afterAll(async () => {
    for (const f of [fanned, whole]) {
      await f.clear();
      await f.db.terminate();
    }
  });

  it('a large district fans out one message per cluster instead of sweeping', async () => {
    const published: RunRequest[] = [];
    const result = await run(
      fanned,
      { step: 'sweep' },
      { publish: async (requests) => void published.push(...requests) },
    );
    expect(result).toEqual({ kind: 'fanned-out', shards: 3 });
    expect(published).toEqual([
      { step: 'sweep', shard: 'Cụm 1' },
      { step: 'sweep', shard: 'Cụm 2' },
      { step: 'sweep', shard: '' },
    ]);
    expect((await fanned.db.collection('submissions').get()).size).toBe(0);

    for (const request of published) {
      const shard = await run(fanned, request);
      expect(shard.kind === 'swept' && shard.sweep.totals.units).toBe(
        UNITS.filter((u) => u.cluster === request.shard).length,
      );
    }
    // A redelivered message changes nothing.
    const again = await run(fanned, published[0] ?? { step: 'sweep' });
    expect(again.kind === 'swept' && again.sweep.totals.writes).toBe(0);
    const summary = await run(fanned, { step: 'summary' });
    expect(summary.kind === 'summarized' && summary.summary.summary?.written).toBe(true);
  });

  it('the shards and the summary step store exactly what one whole run stores', async () => {
    const result = await run(whole, { step: 'sweep' });
    expect(result.kind).toBe('swept');
    const docs = async (f: TestFirestore, collection: string) =>
      Object.fromEntries(
        (await f.db.collection(collection).get()).docs.map((d) => {
          const { computedAt, firstSeenAt, ...rest } = d.data();
          void [computedAt, firstSeenAt];
          return [d.id, rest];
        }),
      );
    for (const collection of ['submissions', 'stats'])
      expect(await docs(fanned, collection), collection).toEqual(await docs(whole, collection));
    const sources = async (f: TestFirestore) =>
      (await f.db.collection('sources').get()).docs.map((d) => [d.id, d.get('status')]).sort();
    expect(await sources(fanned)).toEqual(await sources(whole));
    expect(await sources(whole)).toContainEqual(['b2', 'missing']);
  });

  it('a summary built later than the sweep says when the sheets were read, and is not rewritten for that alone', async () => {
    const printedFooter = async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(dir(), `${whole.projectId}.xlsx`));
      return workbook.worksheets.map((sheet) => sheet.headerFooter.oddFooter);
    };
    // Swept and summarized in one run at 08:00: only "tính đến".
    expect(new Set(await printedFooter())).toEqual(
      new Set(['&LQuận Đoàn thử&CTrang &P/&N&Rtính đến 08:00 16/09/2024']),
    );
    // The summary step alone at 10:05 (the cloud's step after a fan-out, or `tonghop summary`).
    const later = await run(whole, { step: 'summary' }, undefined, new Date('2024-09-16T03:05:00Z'));
    expect(later.kind === 'summarized' && later.summary.model.tabs[0]?.title[1]).toBe(
      'Tình hình các kế hoạch đang thực hiện, tính đến 10g05 16/09/2024 (số liệu quét lúc 08:00 16/09/2024).',
    );
    // Nothing changed since 08:00, so the file is not rewritten for the note alone (no churn): what it prints stays true
    // as of its own "tính đến". A summary rewritten for a change prints the note (build-summary.test.ts).
    expect(later.kind === 'summarized' && later.summary.summary?.written).toBe(false);
    expect(new Set(await printedFooter())).toEqual(
      new Set(['&LQuận Đoàn thử&CTrang &P/&N&Rtính đến 08:00 16/09/2024']),
    );
  });
});
