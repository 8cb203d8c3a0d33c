import type { Firestore } from '@google-cloud/firestore';
import { createFirestore } from '../adapters/store/firestore-client.js';
import { ControlCache } from '../app/control-cache.js';
import { openConfiguredDistrict, type District } from '../app/open-district.js';
import { ConfigError, loadConfig, type Config } from '../config.js';

/** What every invocation of an instance shares: settings and the Firestore client (made at the first call). */
export interface Runtime {
  readonly config: Config;
  readonly db: Firestore;
}

let shared: Runtime | undefined;

/** The instance's runtime; a configuration error is thrown at every call (so each answers with it), not cached. */
export function runtime(env: NodeJS.ProcessEnv = process.env): Runtime {
  if (shared) return shared;
  const config = loadConfig(env);
  if (config.firestoreMode === 'embedded') {
    throw new ConfigError(
      'Cloud Functions use Firestore on Google Cloud (TONGHOP_FIRESTORE=cloud) or a running emulator (FIRESTORE_EMULATOR_HOST); they never start one.',
    );
  }
  const db = createFirestore({
    projectId: config.projectId,
    ...(config.firestoreMode === 'emulator' && config.emulatorHost ? { emulatorHost: config.emulatorHost } : {}),
  });
  shared = { config, db };
  return shared;
}

/** This instance's control reading, kept while the control sheet does not change. */
const controlCache = new ControlCache();

/**
 * Open the district for one invocation, through this instance's control cache (app/open-district.ts): its sheets (workbooks or Google
 * Sheets), control reading, plans, problems and stores. The control is read again only when its
 * fingerprint moved.
 */
export async function openInstanceDistrict({ config, db }: Runtime): Promise<District> {
  return openConfiguredDistrict(config, db, {}, controlCache);
}
