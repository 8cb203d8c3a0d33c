import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { runDistrict } from '../../../functions/src/jobs/sweep/run-district.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled } from '../../support/workbooks.js';
import { testUnit, TRAINING_HEADER, trainingRow } from '../../support/builders.js';

const TAB = 'Đăng ký tập huấn';
const FORMS = [builtinForm('tap-huan-2024')];
const SETTINGS = { districtName: 'Quận Đoàn thử', officeEmail: '', contactName: '', contactPhone: '' };
/** Ticks at 09:30, 09:40 and 09:50 ICT on 15/09/2024, before the training's deadline (10:00). */
const TICKS = ['2024-09-15T02:30:00Z', '2024-09-15T02:40:00Z', '2024-09-15T02:50:00Z'].map((t) => new Date(t));
const NEW_PERSON = 'Hoàng Văn Tư';

describe('the office-hours tick on Google Sheets (stand-in, real googleapis client)', () => {
  const firestore = testFirestore('office-hours-tick');
  let standin: GoogleStandin;
  let setClock: (at: Date) => void;
  let summaryId: string;
  const ids: Record<string, string> = {};
  let units: Unit[];

  /** One tick with fresh adapters, as a Cloud Function invocation makes them. */
  const tick = (now: Date) => {
    const api = standinApis(standin);
    return runDistrict({
      request: { step: 'tick' },
      units,
      settings: SETTINGS,
      forms: FORMS,
      sheets: new GoogleUnitSheets(api, TEST_FOLDER_ID),
      output: new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db)),
      sweepStore: new FirestoreSweepStore(firestore.db),
      summaryStore: new FirestoreSummaryStore(firestore.db),
      shardAbove: 1,
      publisher: { publish: async () => expect.fail('a tick never fans out') },
      now,
    });
  };
  /** Every value of every tab of the summary spreadsheet, as one text. */
  const summaryText = () =>
    standin
      .spreadsheet(summaryId)
      .sheets.map((tab) => JSON.stringify(standin.tabValues(summaryId, tab.properties.title ?? '')))
      .join('\n');

  beforeAll(async () => {
    ({ standin, setClock } = await standinWithClock(new Date('2024-09-14T02:00:00Z')));
    for (const [id, rows] of [
      ['som', [trainingRow(1, 'Nguyễn Thị Lan')]],
      ['muon', []],
      ['vang', []],
    ] as const) {
      ids[id] = standin.createSpreadsheet({
        title: `Báo cáo ${id}`,
        parents: [TEST_FOLDER_ID],
        tabs: [
          {
            name: TAB,
            rows: titled(
              'ĐĂNG KÝ',
              TRAINING_HEADER,
              rows.map((r) => [...r]),
            ),
          },
          { name: STANDING_TAB, rows: [] },
        ],
      });
    }
    summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
    units = ['som', 'muon', 'vang'].map((id): Unit => testUnit(id, { level: 'Tiểu học', source: ids[id] ?? '' }));
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('an unchanged tick costs exactly one listing request; a change shows in the summary at the next tick', async () => {
    const first = await tick(TICKS[0] ?? new Date());
    expect(first.kind === 'swept' && first.summary?.summary?.written).toBe(true);
    expect(summaryText()).not.toContain(NEW_PERSON);

    standin.clearLog();
    const unchanged = await tick(TICKS[1] ?? new Date());
    expect(unchanged.kind === 'swept' && unchanged.summary).toBeUndefined();
    expect(standin.requests.map((r) => r.kind)).toEqual(['files.list']);

    // 09:45: the late unit enters its registration.
    setClock(new Date('2024-09-15T02:45:00Z'));
    standin.editCells(ids.muon ?? '', TAB, 'A5', [trainingRow(1, NEW_PERSON)]);
    const changed = await tick(TICKS[2] ?? new Date());
    expect(changed.kind === 'swept' && changed.sweep.totals).toMatchObject({ unitsRead: 1, submissionsWritten: 1 });
    expect(changed.kind === 'swept' && changed.summary?.summary?.written).toBe(true);
    expect(summaryText()).toContain(NEW_PERSON);
  });

  it('the tick after a deadline rebuilds the summary although no file changed; the one after costs one listing again', async () => {
    const overdueUnits = () => JSON.stringify(standin.tabValues(summaryId, 'Quá hạn'));
    expect(overdueUnits()).not.toContain('Liên đội vang');
    // 10:00 exactly: not overdue yet, nothing changed.
    standin.clearLog();
    const atDeadline = await tick(new Date('2024-09-15T03:00:00Z'));
    expect(atDeadline.kind === 'swept' && atDeadline.summary).toBeUndefined();
    expect(standin.requests.map((r) => r.kind)).toEqual(['files.list']);

    // 10:10: the deadline passed since the last tick; the unit that never sent is now overdue.
    const after = await tick(new Date('2024-09-15T03:10:00Z'));
    expect(after.kind === 'swept' && after.sweep.totals.writes).toBe(0);
    expect(after.kind === 'swept' && after.summary?.summary?.written).toBe(true);
    expect(overdueUnits()).toContain('Liên đội vang');

    standin.clearLog();
    const next = await tick(new Date('2024-09-15T03:20:00Z'));
    expect(next.kind === 'swept' && next.summary).toBeUndefined();
    expect(standin.requests.map((r) => r.kind)).toEqual(['files.list']);
  });
});
