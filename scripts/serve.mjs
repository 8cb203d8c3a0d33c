#!/usr/bin/env node
// `npm run serve`: the sheetEvent Cloud Function on http://127.0.0.1:8080 (this machine only), through functions-framework,
// against a local Firestore emulator (the embedded data of `npm start`) and the local workbooks
// (.tonghop/demo after `npm start`, or TONGHOP_CONTROL_WORKBOOK). Prints a signed curl to try it.
// Ctrl-C saves the emulator's data and stops everything.
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import console from 'node:console';
import path from 'node:path';
import process from 'node:process';

const load = (module) => import(`../functions/lib/${module}`);
const [
  { startFirestoreEmulator },
  { lockDataDir },
  { loadConfig },
  { controlWorkbookPath },
  { readControlWorkbook },
  signature,
] = await Promise.all([
  load('adapters/store/emulator.js'),
  load('adapters/store/data-dir-lock.js'),
  load('config.js'),
  load('app/district-paths.js'),
  load('adapters/workbook/read-control-workbook.js'),
  load('domain/webhook/sheet-event-signature.js'),
]);

const port = Number(process.env.PORT ?? 8080);
const config = loadConfig({ ...process.env, TONGHOP_FIRESTORE: 'embedded' });
const dataDir = path.join(config.home, 'firestore');
const key = process.env.TONGHOP_WEBHOOK_KEY ?? (await localKey(path.join(config.home, 'webhook-key')));

// The same lock as the CLI: a sweep and serve saving into one folder would overwrite each other's data.
const unlock = await lockDataDir(dataDir).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
const emulator = await startFirestoreEmulator({ importFrom: dataDir, rulesFile: 'firestore.rules' }).catch(
  async (error) => {
    await unlock();
    console.error(error.message);
    process.exit(1);
  },
);
Object.assign(process.env, {
  NODE_ENV: 'production',
  FIRESTORE_EMULATOR_HOST: emulator.host,
  TONGHOP_WEBHOOK_KEY: key,
  TONGHOP_PROJECT_ID: config.projectId,
});
// functions-framework's CLI listens on every interface and has no option for the host: build the
// same server it builds (getServer, with our body limit in front) and listen on loopback only.
await import('../functions/lib/index.js');
const { getTestServer } = await import('@google-cloud/functions-framework/testing');
const server = getTestServer('sheetEvent').listen(port, '127.0.0.1');
await once(server, 'listening');

const controlPath = controlWorkbookPath(config, undefined);
const unit = (await readControlWorkbook(controlPath).catch(() => ({ units: [] }))).units[0];
if (unit) {
  const body = JSON.stringify({
    action: 'check',
    spreadsheetId: unit.source,
    unitId: unit.id,
    sheet: null,
    sentAt: new Date().toISOString(),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signed = signature.signSheetEvent(signature.unitWebhookSecret(key, unit.id), timestamp, body);
  console.log(
    `\nsheetEvent on http://127.0.0.1:${port}/ (Firestore emulator ${emulator.host}, control ${controlPath}).`,
  );
  console.log(`Try it within 5 minutes (unit ${unit.id}; its secret: ${signature.unitWebhookSecret(key, unit.id)}):\n`);
  console.log(
    `curl -s -X POST http://127.0.0.1:${port}/ -H 'content-type: application/json; charset=utf-8' \\\n  -H 'x-tonghop-timestamp: ${timestamp}' -H 'x-tonghop-signature: ${signed}' \\\n  -d '${body}'\n`,
  );
} else {
  console.log(
    `\nsheetEvent on http://127.0.0.1:${port}/ — no control workbook at ${controlPath}: run \`npm start\` first for the sample district.`,
  );
}
console.log('Ctrl-C saves the Firestore data and stops.');

let stopping;
const stop = () => {
  stopping ??= (async () => {
    server.close();
    await emulator
      .exportTo(config.projectId, dataDir)
      .catch((error) => console.error(`Could not save the Firestore data: ${error.message}`));
    await emulator.stop();
    await unlock();
    process.exit(0);
  })();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** A development key kept in TONGHOP_HOME, so secrets handed to a test spreadsheet stay valid between runs. */
async function localKey(file) {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const created = randomBytes(32).toString('hex');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${created}\n`, { mode: 0o600 });
    return created;
  }
}
