import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { openDistrictSheets, type DistrictSheets } from '../adapters/district-sheets.js';
import { createFirestore } from '../adapters/store/firestore-client.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { formsInUse, openForms } from '../domain/plans/plans-in-use.js';
import type { ControlReading } from '../domain/units/read-control.js';

/** What every invocation of an instance shares: settings and the Firestore client (made at the first call). */
export interface Runtime {
  readonly config: Config;
  readonly db: Firestore;
}

/** One invocation's view of the district: its sheets, its control reading, its forms. */
export interface District {
  readonly sheets: DistrictSheets;
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  /** The forms still reminded of (plans not closed). */
  readonly openForms: readonly FormSpec[];
  /** The control sheet's problems (registry, plans, settings), for the summary, the digest and the operator log. */
  readonly problems: readonly string[];
}

let shared: Runtime | undefined;

/** The instance's runtime; a configuration error is thrown at every call (so each answers with it), not cached. */
export function runtime(env: NodeJS.ProcessEnv = process.env): Runtime {
  if (shared) return shared;
  const config = loadConfig(env);
  if (config.firestoreMode === 'embedded') {
    throw new ConfigError('Cloud Functions use Firestore on Google Cloud (TONGHOP_FIRESTORE=cloud) or a running emulator (FIRESTORE_EMULATOR_HOST); they never start one.');
  }
  const db = createFirestore({ projectId: config.projectId, ...(config.firestoreMode === 'emulator' && config.emulatorHost ? { emulatorHost: config.emulatorHost } : {}) });
  shared = { config, db };
  return shared;
}

/** The last control reading of this instance, with the control sheet's fingerprint when it was read. */
let control: { readonly fingerprint: string; readonly district: Omit<District, 'sheets'> } | undefined;

/**
 * Open the district for one invocation: its sheets (workbooks or Google Sheets), control reading
 * and forms. The control is read again only when its fingerprint moved (one Drive `files.get`
 * instead of reading every tab at each webhook call). The fingerprint is taken before reading, so
 * a change made during the read is seen at the next call.
 */
export async function openDistrict({ config, db }: Runtime): Promise<District & { readonly controlCached: boolean }> {
  const sheets = await openDistrictSheets(config, db);
  const fingerprint = await sheets.controlFingerprint();
  if (control && fingerprint !== undefined && control.fingerprint === fingerprint) return { sheets, ...control.district, controlCached: true };
  const reading = await sheets.readControl();
  const district = { control: reading, forms: formsInUse(reading.plans), openForms: openForms(reading.plans), problems: reading.problems };
  control = fingerprint === undefined ? undefined : { fingerprint, district };
  return { sheets, ...district, controlCached: false };
}

/** An id for one invocation, for the logs. */
export function newRunId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}
