import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { loadBuiltinForms } from '../adapters/catalog/builtin-forms.js';
import { openDistrictSheets, type DistrictSheets } from '../adapters/district-sheets.js';
import { createFirestore } from '../adapters/store/firestore-client.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { applyFormOverrides, type ControlReading } from '../domain/units/read-control.js';

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

/** Open the district for one invocation: its sheets (workbooks or Google Sheets), control reading and forms. */
export async function openDistrict({ config, db }: Runtime): Promise<District> {
  const sheets = await openDistrictSheets(config, db);
  const control = await sheets.readControl();
  const overridden = applyFormOverrides(await loadBuiltinForms(), control.overrides);
  return { sheets, control, forms: overridden.specs, problems: [...control.problems, ...overridden.problems] };
}

/** An id for one invocation, for the logs. */
export function newRunId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}
