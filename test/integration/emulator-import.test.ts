import { afterAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../functions/src/adapters/store/emulator-persistence.js';
import { importDataDir } from '../support/emulator-import.js';
import { emulatorHost, testFirestore } from '../support/firestore.js';
import { useTempDirEach } from '../support/builders.js';

/** cli.test.ts loads the demo's saved data into the shared emulator this way: it must reach the one project only. */
describe('importDataDir into the shared emulator', () => {
  const source = testFirestore('import-source');
  const target = testFirestore('import-target');
  const bystander = testFirestore('import-bystander');
  const dataDir = useTempDirEach('tonghop-import');
  afterAll(async () => {
    for (const store of [source, target, bystander]) {
      await store.clear();
      await store.db.terminate();
    }
  });

  it("loads a data folder's export into the project it names, and into no other", async () => {
    await source.db.doc('submissions/s1').set({ unitId: 'u1', rows: 3 });
    await exportProject(emulatorHost(), source.projectId, dataDir());

    await importDataDir(emulatorHost(), target.projectId, dataDir());

    expect((await target.db.doc('submissions/s1').get()).data()).toEqual({ unitId: 'u1', rows: 3 });
    expect((await bystander.db.doc('submissions/s1').get()).exists).toBe(false);
    expect(await bystander.db.listCollections()).toEqual([]);
  });

  it('says which folder had no export', async () => {
    const empty = dataDir();
    await expect(importDataDir(emulatorHost(), target.projectId, empty)).rejects.toThrow(
      `No Firestore export in ${empty}`,
    );
  });
});
