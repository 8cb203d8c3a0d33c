import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Firestore } from '@google-cloud/firestore';
import type { Config } from '../config.js';
import { createFirestore } from '../adapters/store/firestore-client.js';
import { startFirestoreEmulator } from '../adapters/store/emulator.js';
import { lockDataDir } from '../adapters/store/data-dir-lock.js';
import type { Output } from './output.js';

/** An open Firestore for one CLI command, and how to close it (exporting embedded data first). */
export interface FirestoreSession {
  readonly db: Firestore;
  readonly description: string;
  /** Persist (embedded mode, when something was written) and release everything. */
  close(options: { persist: boolean }): Promise<void>;
}

/** The deny-all client rules, loaded into the local emulator as in production. */
const RULES_FILE = fileURLToPath(new URL('../../../firestore.rules', import.meta.url));

/** Folder holding the embedded Firestore's data between runs. */
export function embeddedDataDir(config: Config): string {
  return path.join(config.home, 'firestore');
}

/**
 * Open Firestore as configured. Embedded mode behaves like an embedded database: the
 * emulator starts from the last export in the data folder and exports back before it stops.
 */
export async function openFirestore(config: Config, out: Output): Promise<FirestoreSession> {
  if (config.firestoreMode === 'cloud') {
    const db = createFirestore({ projectId: config.projectId });
    return { db, description: `Firestore trên Google Cloud (dự án ${config.projectId})`, close: () => db.terminate() };
  }
  if (config.firestoreMode === 'emulator' && config.emulatorHost) {
    const db = createFirestore({ projectId: config.projectId, emulatorHost: config.emulatorHost });
    return { db, description: `Firestore emulator tại ${config.emulatorHost} (dự án ${config.projectId})`, close: () => db.terminate() };
  }
  const dataDir = embeddedDataDir(config);
  const unlock = await lockDataDir(dataDir);
  out.log(`Starting the local Firestore emulator (data in ${dataDir})…`);
  const emulator = await startFirestoreEmulator({ importFrom: dataDir, rulesFile: RULES_FILE }).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  const db = createFirestore({ projectId: config.projectId, emulatorHost: emulator.host });
  return {
    db,
    description: `Firestore cục bộ, lưu trong ${dataDir}`,
    async close({ persist }) {
      try {
        await db.terminate();
        if (persist) {
          out.log('Saving the local Firestore data…');
          await emulator.exportTo(config.projectId, dataDir);
        }
      } finally {
        await emulator.stop();
        await unlock();
      }
    },
  };
}

/** Run `work` with an open Firestore; the embedded data is saved afterwards only if `work` wrote something. */
export async function withFirestore<T>(config: Config, out: Output, work: (session: FirestoreSession) => Promise<{ readonly value: T; readonly writes: number }>): Promise<T> {
  const session = await openFirestore(config, out);
  let writes = 0;
  try {
    const done = await work(session);
    writes = done.writes;
    return done.value;
  } catch (error) {
    // Whatever was written before the failure is real data: keep it.
    writes = 1;
    throw error;
  } finally {
    await session.close({ persist: writes > 0 });
  }
}
