import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { auth } from '@googleapis/sheets';
import { connectGoogleApis, type GoogleApis } from '../../functions/src/adapters/google/google-apis.js';
import { DEFAULT_PACING, type PacingOptions } from '../../functions/src/adapters/google/request-pacer.js';
import { readWorkbookTabs } from '../../functions/src/adapters/xlsx/read-workbook.js';
import { startGoogleStandin, type GoogleStandin, type SeedCell, type SeedTab } from './google-standin/index.js';

/** The Drive folder the test districts live in (the stand-in takes any id as a parent). */
export const TEST_FOLDER_ID = 'folder-quan-doan-thu-nghiem';

/** Pacing for tests: no waiting for tokens, retries after a few milliseconds. */
export const FAST_PACING: PacingOptions = {
  ...DEFAULT_PACING,
  reads: 10_000,
  writes: 10_000,
  driveRequests: 10_000,
  baseDelayMs: 5,
  maxDelayMs: 50,
};

/** The real googleapis clients, talking to the stand-in as its service account (a bearer token: no network call). */
export function standinApis(standin: GoogleStandin, pacing: Partial<PacingOptions> = {}): GoogleApis {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: standin.serviceAccount.token });
  return connectGoogleApis({
    auth: client,
    rootUrl: standin.rootUrl,
    serviceAccountEmail: standin.serviceAccount.email,
    pacing: { ...FAST_PACING, ...pacing },
  });
}

/** A stand-in whose clock the test moves: modifiedTime of every change is that clock. */
export async function standinWithClock(start: Date): Promise<{ standin: GoogleStandin; setClock(at: Date): void }> {
  let clock = start;
  const standin = await startGoogleStandin({ now: () => clock });
  return { standin, setClock: (at) => (clock = at) };
}

/** A workbook's tabs as stand-in seed tabs, cell for cell (dates become serials there, as Sheets keeps them). */
export async function seedTabsOfWorkbook(file: string): Promise<SeedTab[]> {
  const tabs = await readWorkbookTabs(await readFile(file), path.basename(file));
  return tabs.map((tab) => {
    const rows: SeedCell[][] = [];
    for (const row of tab.rows) {
      while (rows.length < row.rowNumber - 1) rows.push([]);
      rows.push(
        row.cells.map((cell): SeedCell =>
          cell === undefined
            ? null
            : typeof cell === 'object' && cell !== null && !(cell instanceof Date)
              ? 'error' in cell
                ? cell.error
                : `=${cell.formula}`
              : cell,
        ),
      );
    }
    return { name: tab.name, rows };
  });
}
