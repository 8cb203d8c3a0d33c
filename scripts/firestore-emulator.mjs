#!/usr/bin/env node
// Dev helper: a local Firestore whose data survives restarts.
//   npm run build && node scripts/firestore-emulator.mjs [dataDir=.tonghop/firestore] [projectId=demo-tonghop]
// Prints the FIRESTORE_EMULATOR_HOST line for other shells; Ctrl-C saves into dataDir, then stops.
import console from 'node:console';
import process from 'node:process';

const [dataDir = '.tonghop/firestore', projectId = 'demo-tonghop'] = process.argv.slice(2);
if (!projectId.startsWith('demo-')) {
  console.error(`Project id "${projectId}" must start with "demo-", so nothing can ever reach a real project.`);
  process.exit(2);
}

// The compiled module, so this runs on plain Node without a TypeScript loader.
const emulatorModule = await import('../functions/lib/adapters/store/emulator.js').catch(() => undefined);
const lockModule = await import('../functions/lib/adapters/store/data-dir-lock.js').catch(() => undefined);
if (!emulatorModule || !lockModule) {
  console.error('functions/lib is missing or stale: run `npm run build` first.');
  process.exit(1);
}

// The same lock as the CLI: two emulators saving into one folder would overwrite each other.
let unlock;
let emulator;
try {
  unlock = await lockModule.lockDataDir(dataDir);
  emulator = await emulatorModule.startFirestoreEmulator({ importFrom: dataDir });
} catch (error) {
  await unlock?.();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(`export FIRESTORE_EMULATOR_HOST=${emulator.host}`);
console.log(`Data in ${dataDir} (project ${projectId}); press Ctrl-C to save and stop.`);

let saving;
function saveAndStop() {
  saving ??= emulator
    .exportTo(projectId, dataDir)
    .then(() => console.log(`Saved to ${dataDir}.`))
    .finally(() => emulator.stop().finally(unlock))
    .then(
      () => process.exit(0),
      (error) => {
        console.error(`Could not save: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, saveAndStop);
