import type { TestProject } from 'vitest/node';
import { ensureFirestoreEmulator, type RunningEmulator } from '../functions/src/adapters/store/emulator.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port` of the Firestore emulator shared by the whole run. */
    firestoreEmulatorHost: string;
  }
}

// Vitest may call a global setup again (e.g. watch mode re-runs); one emulator serves them all.
let shared: Promise<RunningEmulator> | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const inherited = process.env.FIRESTORE_EMULATOR_HOST;
  shared ??= ensureFirestoreEmulator(process.env).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  const emulator = await shared;
  project.provide('firestoreEmulatorHost', emulator.host);
  // Workers are forked after this, so code that only reads the environment
  // (the Firestore client, the CLI) reaches the emulator too.
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  return async () => {
    shared = undefined;
    if (inherited === undefined) delete process.env.FIRESTORE_EMULATOR_HOST;
    else process.env.FIRESTORE_EMULATOR_HOST = inherited;
    await emulator.stop();
  };
}
