import { readdir } from 'node:fs/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  EmulatorUnavailableError,
  ensureFirestoreEmulator,
  findGcloud,
  startFirestoreEmulator,
  type RunningEmulator,
} from '../../functions/src/adapters/store/emulator.js';
import { createFirestore } from '../../functions/src/adapters/store/firestore-client.js';
import { emulatorHost, testFirestore } from '../support/firestore.js';
import { useTempDir } from '../support/builders.js';

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

async function answers(host: string): Promise<boolean> {
  return fetch(`http://${host}/`).then(
    (r) => r.ok,
    () => false,
  );
}

describe('shared test emulator', () => {
  const store = testFirestore('emulator');
  afterAll(async () => {
    await store.clear();
    await store.db.terminate();
  });

  it('reads back a document written through @google-cloud/firestore', async () => {
    await store.db.doc('units/u1').set({ name: 'Chi đoàn 10A1', members: 42 });
    const snapshot = await store.db.doc('units/u1').get();
    expect(snapshot.data()).toEqual({ name: 'Chi đoàn 10A1', members: 42 });
  });

  it('gives every testFirestore call its own project', async () => {
    const other = testFirestore('emulator');
    expect(other.projectId).not.toBe(store.projectId);
    expect(other.projectId).toMatch(/^demo-test-emulator-[0-9a-f]{8}$/);
    await store.db.doc('units/isolated').set({ ok: true });
    expect((await other.db.doc('units/isolated').get()).exists).toBe(false);
    await store.clear();
    expect((await store.db.doc('units/isolated').get()).exists).toBe(false);
    await other.db.terminate();
  });
});

describe('persistent emulator', () => {
  const projectId = 'demo-tonghop-persist';
  const dataDir = useTempDir('tonghop-emulator');
  const started: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(started.map((e) => e.stop()));
  });

  it('keeps data across a stop and a restart, and leaves no process behind', async () => {
    const first = await startFirestoreEmulator({ importFrom: dataDir() });
    started.push(first);
    expect(first.pid).toBeTypeOf('number');
    expect(first.host).not.toBe(emulatorHost());

    const writer = createFirestore({ projectId, emulatorHost: first.host });
    await writer.doc('reports/r1').set({ unit: 'u1', submitted: true });
    await writer.terminate();
    await first.exportTo(projectId, dataDir());
    await first.exportTo(projectId, dataDir());
    // Only the newest export survives; the older one is removed after the swap.
    expect((await readdir(dataDir())).filter((n) => n.startsWith('export-'))).toHaveLength(1);
    expect((await readdir(dataDir())).filter((n) => n.startsWith('.incoming-'))).toHaveLength(0);

    await first.stop();
    await first.stop();
    expect(groupAlive(first.pid ?? 0)).toBe(false);

    // The write went to the separate emulator, not to the shared one.
    const shared = testFirestore('emulator-persist').db;
    expect((await shared.doc('reports/r1').get()).exists).toBe(false);
    await shared.terminate();

    const second = await startFirestoreEmulator({ importFrom: dataDir() });
    started.push(second);
    const reader = createFirestore({ projectId, emulatorHost: second.host });
    expect((await reader.doc('reports/r1').get()).data()).toEqual({ unit: 'u1', submitted: true });
    await reader.terminate();
    await second.stop();
    expect(groupAlive(second.pid ?? 0)).toBe(false);
    expect(await answers(second.host)).toBe(false);
  }, 90_000);
});

describe('ensureFirestoreEmulator', () => {
  it('reuses FIRESTORE_EMULATOR_HOST without starting or stopping anything', async () => {
    const host = emulatorHost();
    // The global setup exports it to the workers, for code that only reads the environment.
    expect(process.env.FIRESTORE_EMULATOR_HOST).toBe(inject('firestoreEmulatorHost'));
    const reused = await ensureFirestoreEmulator({ FIRESTORE_EMULATOR_HOST: host });
    expect(reused.host).toBe(host);
    expect(reused.pid).toBeUndefined();
    await reused.stop();
    expect(await answers(host)).toBe(true);
  });

  it('says so when FIRESTORE_EMULATOR_HOST points at nothing', async () => {
    const failure = ensureFirestoreEmulator({ FIRESTORE_EMULATOR_HOST: '127.0.0.1:9' }, { readyTimeoutMs: 500 });
    await expect(failure).rejects.toBeInstanceOf(EmulatorUnavailableError);
    await expect(failure).rejects.toThrow(/FIRESTORE_EMULATOR_HOST=127\.0\.0\.1:9/);
  });
});

describe('findGcloud', () => {
  it('explains how to install an emulator when gcloud is missing', async () => {
    const failure = findGcloud({ PATH: '/nonexistent' });
    await expect(failure).rejects.toBeInstanceOf(EmulatorUnavailableError);
    await expect(failure).rejects.toThrow(/apt-get install google-cloud-cli google-cloud-cli-firestore-emulator/);
    await expect(failure).rejects.toThrow(/firebase-tools/);
  });

  it('finds the installed gcloud', async () => {
    await expect(findGcloud(process.env)).resolves.toMatch(/gcloud$/);
  });
});
