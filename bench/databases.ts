import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import {
  clearEmulatorProject,
  ensureFirestoreEmulator,
  type RunningEmulator,
} from '../functions/src/adapters/store/emulator.js';
import { createFirestore } from '../functions/src/adapters/store/firestore-client.js';

/** The bench's Firestore: one emulator, a fresh project per step, all gone again at `close`. */
export interface BenchDatabases {
  readonly emulator: RunningEmulator;
  /** A client on a new project `demo-bench-<run>-<name>` (lower case: the emulator refuses capitals). */
  database(name: string): Firestore;
  projectIdOf(db: Firestore): string;
  close(): Promise<void>;
}

/** Start the emulator (or use FIRESTORE_EMULATOR_HOST) for one bench run. */
export async function openBenchDatabases(): Promise<BenchDatabases> {
  const emulator = await ensureFirestoreEmulator(process.env);
  const runId = randomBytes(3).toString('hex');
  const opened = new Map<Firestore, string>();
  return {
    emulator,
    database(name) {
      const projectId = `demo-bench-${runId}-${name}`;
      const db = createFirestore({ projectId, emulatorHost: emulator.host });
      opened.set(db, projectId);
      return db;
    },
    projectIdOf: (db) => opened.get(db) ?? '',
    async close() {
      await Promise.all([...opened.keys()].map((db) => db.terminate()));
      // An emulator we started goes away with its data; one we were lent keeps only what it had.
      if (emulator.pid === undefined)
        for (const projectId of opened.values()) await clearEmulatorProject(emulator.host, projectId);
      await emulator.stop();
    },
  };
}
