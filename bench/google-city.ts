/**
 * The Google city of issue 17: 2,000 unit spreadsheets (twice the bench city, every unit with
 * one) in one Drive folder of the stand-in, swept cold and warm through the Drive export path.
 * The run is not paced to Google's quotas: each request is counted in its quota bucket, and the
 * *simulated quota time* is computed from the counts (minutes = max over buckets of
 * requests ÷ per-minute limit), so 2,000 units take seconds here and say what they would cost.
 */
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { GoogleUnitSheets } from '../functions/src/adapters/google/google-unit-sheets.js';
import { DEFAULT_PACING } from '../functions/src/adapters/google/request-pacer.js';
import { FirestoreSweepStore } from '../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../functions/src/domain/feedback/unit-feedback.js';
import type { Unit } from '../functions/src/domain/units/unit.js';
import { sweep } from '../functions/src/jobs/sweep/sweep.js';
import { seedTabsOfWorkbook, standinApis, TEST_FOLDER_ID } from '../test/support/google.js';
import {
  startGoogleStandin,
  type GoogleStandin,
  type LoggedRequest,
  type SeedTab,
} from '../test/support/google-standin/index.js';
import type { City } from './city.js';
import { measure } from './measure.js';
import type { Verdict } from './results.js';

/** Google's per-user default quotas, per minute, by bucket. */
export const GOOGLE_DEFAULT_QUOTAS = {
  /** Sheets API: 60 read requests per minute per user (a service account is one user). */
  sheetsRead: 60,
  /** Sheets API: 60 write requests per minute per user. */
  sheetsWrite: 60,
  /**
   * Drive API: Google's usage-limits page (https://developers.google.com/drive/api/guides/limits)
   * gives 325,000 quota units per minute per user; before it counted in units it gave 12,000
   * queries per minute per user. We take the lower, per-request figure, capped at our own pacer's
   * Drive rate (DEFAULT_PACING.driveRequests, 600 a minute): a real sweep goes no faster than the
   * pacer lets it, so that is the time it would take.
   */
  drive: Math.min(12_000, DEFAULT_PACING.driveRequests),
} as const;
export type QuotaBucket = keyof typeof GOOGLE_DEFAULT_QUOTAS;

const TARGET_MINUTES = 5;

export interface GoogleCitySweep {
  readonly seconds: number;
  readonly unitsRead: number;
  readonly writes: number;
  readonly requests: Readonly<Record<string, number>>;
  readonly byBucket: Readonly<Record<QuotaBucket, number>>;
  /** Minutes of quota the sweep uses: max over buckets of requests ÷ per-minute limit. */
  readonly quotaMinutes: number;
}

export interface GoogleCity {
  readonly units: number;
  readonly quotasPerMinute: typeof GOOGLE_DEFAULT_QUOTAS;
  readonly cold: GoogleCitySweep;
  readonly warm: GoogleCitySweep;
}

/** Seed `size` spreadsheets from the city's unit workbooks (cycled, so every unit has one) and sweep them cold then warm. */
export async function runGoogleCity(
  db: Firestore,
  city: City,
  unitsDir: string,
  size: number,
  progress: { seeded(done: number): void; swept(label: string): (done: number) => void },
): Promise<GoogleCity> {
  const standin = await startGoogleStandin();
  try {
    const sent = city.units.filter((u) => u.sentAt !== null);
    const tabsOf = new Map<string, SeedTab[]>();
    const units: Unit[] = [];
    for (let k = 0; k < size; k++) {
      const { unit } = sent[k % sent.length]?.profile ?? fail('the bench city has no unit that sent a file');
      const tabs = tabsOf.get(unit.source) ?? (await seedTabsOfWorkbook(path.join(unitsDir, unit.source)));
      tabsOf.set(unit.source, tabs);
      const id = k < sent.length ? unit.id : `${unit.id}-${Math.floor(k / sent.length)}`;
      const source = standin.createSpreadsheet({
        title: `Báo cáo — ${unit.name} (${id})`,
        parents: [TEST_FOLDER_ID],
        tabs: [...tabs, { name: STANDING_TAB, rows: [] }],
      });
      units.push({ ...unit, id, source });
      progress.seeded(k + 1);
    }
    const store = new FirestoreSweepStore(db);
    const once = async (label: string): Promise<GoogleCitySweep> => {
      standin.clearLog();
      const source = new GoogleUnitSheets(standinApis(standin), TEST_FOLDER_ID);
      const onUnit = progress.swept(label);
      const run = await measure(() =>
        sweep({ units, forms: city.specs, source, store, now: new Date(), onUnitDone: onUnit }),
      );
      return {
        seconds: Number((run.ms / 1000).toFixed(2)),
        unitsRead: run.value.totals.unitsRead,
        writes: run.value.totals.writes,
        ...quotaUse(standin),
      };
    };
    const cold = await once(`Google city cold sweep (${size} units)`);
    const warm = await once(`Google city warm sweep (${size} units)`);
    return { units: size, quotasPerMinute: GOOGLE_DEFAULT_QUOTAS, cold, warm };
  } finally {
    await standin.close();
  }
}

/** The sweep's requests by kind and by quota bucket, and the minutes of quota they use. */
function quotaUse(standin: GoogleStandin): Pick<GoogleCitySweep, 'requests' | 'byBucket' | 'quotaMinutes'> {
  const requests: Record<string, number> = {};
  const byBucket: Record<QuotaBucket, number> = { sheetsRead: 0, sheetsWrite: 0, drive: 0 };
  for (const request of standin.requests) {
    requests[request.kind] = (requests[request.kind] ?? 0) + 1;
    byBucket[bucketOf(request)]++;
  }
  const quotaMinutes = Math.max(
    ...(Object.keys(byBucket) as QuotaBucket[]).map((bucket) => byBucket[bucket] / GOOGLE_DEFAULT_QUOTAS[bucket]),
  );
  return { requests, byBucket, quotaMinutes: Number(quotaMinutes.toFixed(2)) };
}

function bucketOf(request: LoggedRequest): QuotaBucket {
  if (request.api === 'drive') return 'drive';
  return request.method === 'GET' ? 'sheetsRead' : 'sheetsWrite';
}

/** The target and the check that no Sheets read served an exported or unchanged spreadsheet. */
export function googleCityVerdicts(city: GoogleCity): { target: Verdict; check: Verdict } {
  const sheetsReads = city.cold.byBucket.sheetsRead + city.warm.byBucket.sheetsRead;
  return {
    target: {
      name: `Google city via Drive export ≤ ${TARGET_MINUTES} min of quota time`,
      measured: `${city.cold.quotaMinutes} min (${city.units.toLocaleString('en-US')} units, cold)`,
      pass: city.cold.quotaMinutes <= TARGET_MINUTES && city.cold.unitsRead === city.units,
    },
    check: {
      name: 'Google city: no Sheets read requests for exported or unchanged spreadsheets',
      measured: `${sheetsReads} (cold + warm); warm read ${city.warm.unitsRead}`,
      pass: sheetsReads === 0 && city.warm.unitsRead === 0,
    },
  };
}

/** One line per sweep for the steps table. */
export function googleCityRows(city: GoogleCity): string[][] {
  const row = (label: string, run: GoogleCitySweep) => {
    const kinds =
      Object.entries(run.requests)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, count]) => `${kind} ${count.toLocaleString('en-US')}`)
        .join(', ') || 'none';
    const buckets = `Drive ${run.byBucket.drive} / Sheets read ${run.byBucket.sheetsRead} / Sheets write ${run.byBucket.sheetsWrite}`;
    return [
      label,
      `${run.seconds.toFixed(1)} s`,
      run.writes.toLocaleString('en-US'),
      `requests: ${kinds}; ${buckets}; ${run.quotaMinutes} min of quota at ${city.quotasPerMinute.drive} Drive / ${city.quotasPerMinute.sheetsRead} Sheets reads a minute`,
    ];
  };
  return [
    row(`6b Google city cold (${city.units.toLocaleString('en-US')} units)`, city.cold),
    row('6b Google city warm', city.warm),
  ];
}

function fail(message: string): never {
  throw new Error(message);
}
