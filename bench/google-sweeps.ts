import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { GoogleUnitSheets } from '../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../functions/src/domain/feedback/unit-feedback.js';
import type { FormSpec } from '../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import { sweep, type SweepResult } from '../functions/src/jobs/sweep/sweep.js';
import { seedTabsOfWorkbook, standinApis, TEST_FOLDER_ID } from '../test/support/google.js';
import { startGoogleStandin, type GoogleStandin } from '../test/support/google-standin/index.js';
import type { City } from './city.js';
import { measure, type Measured } from './measure.js';

/** One sweep through the Google adapter: its result, wall time and the requests it made by kind. */
export interface GoogleSweep {
  readonly run: Measured<SweepResult>;
  readonly requests: Readonly<Record<string, number>>;
  readonly totalRequests: number;
  readonly retries: number;
}

export interface GoogleSweeps {
  readonly spreadsheets: number;
  readonly latencyMs: number;
  readonly cold: GoogleSweep;
  readonly warm: GoogleSweep;
}

/**
 * The same city as Google spreadsheets in one Drive folder of the Sheets/Drive stand-in (each
 * unit's workbook seeded cell for cell, plus the "Tình hình nộp" tab provisioning adds), swept
 * cold and warm by the real googleapis clients with `latencyMs` before every answer. Pacing is
 * the tests' generous one: the requests are counted here, and their time at Google's quota is
 * computed from the count, not waited for.
 */
export async function runGoogleSweeps(
  db: Firestore,
  city: City,
  unitsDir: string,
  latencyMs: number,
  progress: { seeded(done: number): void; swept(label: string): (done: number) => void },
): Promise<GoogleSweeps> {
  const standin = await startGoogleStandin();
  try {
    const units: Unit[] = [];
    let spreadsheets = 0;
    for (const cityUnit of city.units) {
      const { unit } = cityUnit.profile;
      if (cityUnit.sentAt) {
        const tabs = await seedTabsOfWorkbook(path.join(unitsDir, unit.source));
        const id = standin.createSpreadsheet({
          title: `Báo cáo — ${unit.name} (${unit.id})`,
          parents: [TEST_FOLDER_ID],
          tabs: [...tabs, { name: STANDING_TAB, rows: [] }],
        });
        units.push({ ...unit, source: id });
        spreadsheets++;
      } else {
        // No spreadsheet yet: 'Tệp báo cáo' left as a file name, which the adapter knows costs no request.
        units.push(unit);
      }
      progress.seeded(cityUnit.index + 1);
    }
    standin.latencyMs = latencyMs;
    const store = new FirestoreSweepStore(db);
    const cold = await sweepOnce(standin, units, city.specs, store, progress.swept('Google cold sweep'));
    const warm = await sweepOnce(standin, units, city.specs, store, progress.swept('Google warm sweep'));
    return { spreadsheets, latencyMs, cold, warm };
  } finally {
    await standin.close();
  }
}

async function sweepOnce(
  standin: GoogleStandin,
  units: readonly Unit[],
  forms: readonly FormSpec[],
  store: FirestoreSweepStore,
  onUnit: (done: number) => void,
): Promise<GoogleSweep> {
  standin.clearLog();
  // A new adapter per sweep, as a new process (a scheduled run) would have: nothing cached between them.
  const api = standinApis(standin);
  const source = new GoogleUnitSheets(api, TEST_FOLDER_ID);
  const run = await measure(() =>
    sweep({ units, forms, source, store, now: new Date(), onUnitDone: (done) => onUnit(done) }),
  );
  const requests: Record<string, number> = {};
  for (const request of standin.requests) requests[request.kind] = (requests[request.kind] ?? 0) + 1;
  return { run, requests, totalRequests: standin.requests.length, retries: api.pacer.stats().retries };
}
