/**
 * Runs the Cloud SDK Firestore emulator as a local, optionally persistent,
 * Firestore. Used by the CLI and by the test suite's global setup.
 */
import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT } from '../../domain/errors/exit-code.js';
import { OperatorError } from '../../domain/errors/operator-error.js';
import { exportProject, latestExportMetadata } from './emulator-persistence.js';
import { spawnWatched, WATCHDOG_GRACE_MS } from './emulator-watchdog.js';
import { forgetEmulator, killStaleEmulator, recordEmulator } from './stale-emulator.js';

export { clearEmulatorProject } from './emulator-persistence.js';

/** No Firestore emulator can be started or reached: install one, or point FIRESTORE_EMULATOR_HOST at a running one. */
export class EmulatorUnavailableError extends OperatorError {
  override name = 'EmulatorUnavailableError';
  readonly exitCode = EXIT.usage;
  readonly fix = 'install the Firestore emulator as said above, or set FIRESTORE_EMULATOR_HOST to a running one';
  readonly advice = ADVICE.emulator;
}

export const EMULATOR_INSTALL_HINT = [
  'Install a Firestore emulator with one of:',
  '  - Google Cloud CLI (needs Java 17+): sudo apt-get install google-cloud-cli google-cloud-cli-firestore-emulator',
  '    (or, for a non-apt install: gcloud components install cloud-firestore-emulator)',
  '  - Firebase CLI (needs Java 21+): npm i -g firebase-tools, run `firebase emulators:start --only firestore`,',
  '    then export FIRESTORE_EMULATOR_HOST=host:port so the running emulator is used instead of starting one.',
].join('\n');

export interface RunningEmulator {
  /** `host:port`, as FIRESTORE_EMULATOR_HOST expects it. */
  readonly host: string;
  /** Process group id of the emulator we started; undefined when an already running one is reused. */
  readonly pid: number | undefined;
  /** Saves `projectId` as the current export of `dataDir` (see emulator-persistence.ts). */
  exportTo(projectId: string, dataDir: string): Promise<void>;
  /** Stops the emulator and everything it spawned; safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartEmulatorOptions {
  /** Data directory written by `exportTo`; its current export is loaded at start, if there is one. */
  importFrom?: string;
  rulesFile?: string;
  /** Receives every output line of the emulator (it is otherwise discarded). */
  log?: (line: string) => void;
  readyTimeoutMs?: number;
  /** Environment for locating and running gcloud; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

const isExecutable = (file: string, mode = constants.X_OK) =>
  access(file, mode).then(
    () => true,
    () => false,
  );

async function onPath(env: NodeJS.ProcessEnv, name: string): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir !== '' && (await isExecutable(path.join(dir, name)))) return path.join(dir, name);
  }
  return undefined;
}

/** Path of a gcloud that has the Firestore emulator component and a Java to run it. */
export async function findGcloud(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let gcloud = await onPath(env, 'gcloud');
  const sdkRoot = env.CLOUDSDK_ROOT_DIR;
  if (gcloud === undefined && sdkRoot && (await isExecutable(path.join(sdkRoot, 'bin', 'gcloud')))) {
    gcloud = path.join(sdkRoot, 'bin', 'gcloud');
  }
  if (gcloud === undefined) {
    throw new EmulatorUnavailableError(
      `The Google Cloud CLI (gcloud) was not found on PATH.\n${EMULATOR_INSTALL_HINT}`,
    );
  }
  // bin/gcloud is often a symlink (e.g. /usr/bin/gcloud); components live next to the real bin/.
  const root = path.dirname(path.dirname(await realpath(gcloud)));
  const jar = path.join(root, 'platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
  if (!(await isExecutable(jar, constants.R_OK))) {
    throw new EmulatorUnavailableError(
      `${gcloud} has no Firestore emulator component (${jar} is missing).\n${EMULATOR_INSTALL_HINT}`,
    );
  }
  // The emulator's launcher runs $JAVA or the first java on PATH.
  if (!(env.JAVA ? await isExecutable(env.JAVA) : (await onPath(env, 'java')) !== undefined)) {
    throw new EmulatorUnavailableError(
      `Java (17 or newer) was not found on PATH; the Firestore emulator needs it.\n${EMULATOR_INSTALL_HINT}`,
    );
  }
  return gcloud;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The emulator answers `GET /` with `Ok`; anything else (say, a server that grabbed our port) is not it. */
async function answers(host: string): Promise<boolean> {
  const response = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
  return (await response?.text().catch(() => ''))?.trim() === 'Ok';
}

/** Polls `GET /` until it answers; false on timeout or once `gaveUp()` says waiting is pointless. */
async function waitUntilReady(host: string, timeoutMs: number, gaveUp: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await answers(host)) return true;
    if (gaveUp() || Date.now() >= deadline) return false;
    await sleep(200);
  }
}

/** Sends `signal` to the whole group; false once no process of it is left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    return process.kill(-pgid, signal);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (signalGroup(pgid, 0)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Groups to kill if this process goes away without stop(): being in its own
 * group, the emulator never sees the terminal's Ctrl-C.
 */
const liveGroups = new Set<number>();
const EXIT_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function killLiveGroups(): void {
  // The watchdog stops its emulator on SIGTERM, and kills it outright once our end of its pipe closes.
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGTERM');
  liveGroups.clear();
}

function onExitSignal(signal: NodeJS.Signals): void {
  // Another handler (vitest, a CLI that exports first) owns the signal; if it
  // exits, the 'exit' hook still runs.
  if (process.listenerCount(signal) > 1) return;
  killLiveGroups();
  unwatch();
  // Re-raise so the default action (termination) still happens.
  process.kill(process.pid, signal);
}

function watch(pgid: number): void {
  if (liveGroups.size === 0) {
    // First in line: vitest's own 'exit' handler calls process.exit(), and a
    // nested exit skips every 'exit' listener after it.
    process.prependOnceListener('exit', killLiveGroups);
    for (const signal of EXIT_SIGNALS) process.on(signal, onExitSignal);
  }
  liveGroups.add(pgid);
}

function unwatch(pgid?: number): void {
  if (pgid !== undefined) liveGroups.delete(pgid);
  if (liveGroups.size > 0) return;
  process.off('exit', killLiveGroups);
  for (const signal of EXIT_SIGNALS) process.off(signal, onExitSignal);
}

/** Starts a new emulator on a free 127.0.0.1 port. */
export async function startFirestoreEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const env = options.env ?? process.env;
  const gcloud = await findGcloud(env);
  const dataDir = options.importFrom;
  if (dataDir !== undefined) await killStaleEmulator(dataDir);
  const importFile = dataDir === undefined ? undefined : await latestExportMetadata(dataDir);
  // The port is free when probed but may be taken before java binds it; retry then.
  for (let attempt = 1; ; attempt++) {
    try {
      const emulator = await launch(gcloud, `127.0.0.1:${await freePort()}`, importFile, { ...options, env });
      if (dataDir === undefined || emulator.pid === undefined) return emulator;
      await recordEmulator(dataDir, emulator.pid).catch(async (error: unknown) => {
        await emulator.stop();
        throw error;
      });
      return { ...emulator, stop: () => emulator.stop().then(() => forgetEmulator(dataDir)) };
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

/** Another process took the port chosen for the emulator, three times running: worth a plain re-run. */
class PortTakenError extends OperatorError {
  override readonly name = 'PortTakenError';
  readonly exitCode = EXIT.problems;
  readonly fix =
    "another process took the emulator's port: run again, or set FIRESTORE_EMULATOR_HOST to a running emulator";
  readonly advice = ADVICE.retryLater;
}

async function launch(
  gcloud: string,
  host: string,
  importFile: string | undefined,
  options: StartEmulatorOptions,
): Promise<RunningEmulator> {
  const args = ['emulators', 'firestore', 'start', `--host-port=${host}`];
  if (importFile !== undefined) args.push(`--import-data=${importFile}`);
  if (options.rulesFile !== undefined) args.push(`--rules=${path.resolve(options.rulesFile)}`);
  // Own process group, led by a watchdog: stop() can reach java, not only the gcloud wrapper,
  // and the whole group dies with this process even when it is killed outright.
  const env = {
    ...options.env,
    CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
    JAVA_TOOL_OPTIONS: emulatorJavaOptions(options.env?.JAVA_TOOL_OPTIONS),
  };
  const child = spawnWatched(gcloud, args, env);
  const recent: string[] = [];
  let portTaken = false;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      portTaken ||= /BindException|address already in use/i.test(line);
      options.log?.(line);
    });
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  let hasExited = false;
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => {
      hasExited = true;
      resolve();
    });
  });
  const pgid = child.pid;
  if (pgid !== undefined) watch(pgid);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (pgid === undefined) return;
      signalGroup(pgid, 'SIGTERM');
      if (!(await waitGroupGone(pgid, WATCHDOG_GRACE_MS + 3000))) {
        // Closing its stdin makes the watchdog kill both groups; SIGKILL would leave gcloud's behind.
        child.stdin.destroy();
        if (!(await waitGroupGone(pgid, 5000))) signalGroup(pgid, 'SIGKILL');
      }
      await exited;
      unwatch(pgid);
    })());

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const ready = await waitUntilReady(host, timeoutMs, () => hasExited || portTaken || spawnError !== undefined);
  if (!ready || portTaken) {
    await stop();
    const why = spawnError
      ? `could not run ${gcloud}: ${spawnError.message}`
      : hasExited
        ? 'exited early'
        : `did not answer within ${timeoutMs} ms`;
    const message = `Firestore emulator on ${host} ${why}. Last output:\n${recent.join('\n')}`;
    throw portTaken ? new PortTakenError(message) : new Error(message);
  }
  return { host, pid: pgid, exportTo: (projectId, dataDir) => exportProject(host, projectId, dataDir), stop };
}

/**
 * JVM options for the emulator: the client compiler only and the serial collector, then the operator's own
 * JAVA_TOOL_OPTIONS (the JVM takes the last of a repeated flag, so the operator's win). A local emulator lives for one
 * run on a machine of a few cores, where C2's compiler threads and a parallel collector compete with node for the
 * CPU; measured on 2 cores, an emulator start plus a reliability run took 15–20 % less wall time.
 */
export function emulatorJavaOptions(operatorOptions: string | undefined): string {
  return [EMULATOR_JVM_FLAGS, operatorOptions?.trim()].filter(Boolean).join(' ');
}

const EMULATOR_JVM_FLAGS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Uses the emulator named by FIRESTORE_EMULATOR_HOST when set (never starting
 * or stopping it), otherwise starts one.
 */
export async function ensureFirestoreEmulator(
  env: NodeJS.ProcessEnv = process.env,
  options: StartEmulatorOptions = {},
): Promise<RunningEmulator> {
  const host = env.FIRESTORE_EMULATOR_HOST?.trim();
  if (!host) return startFirestoreEmulator({ ...options, env });
  if (!(await waitUntilReady(host, options.readyTimeoutMs ?? 5000))) {
    throw new EmulatorUnavailableError(
      `FIRESTORE_EMULATOR_HOST=${host} is set, but no Firestore emulator answers at http://${host}/. ` +
        'Start that emulator, or unset FIRESTORE_EMULATOR_HOST to have one started automatically.',
    );
  }
  if (options.importFrom !== undefined) {
    options.log?.(
      `Using the running emulator at ${host}; its data is kept as is (${options.importFrom} is not imported).`,
    );
  }
  return {
    host,
    pid: undefined,
    exportTo: (projectId, dataDir) => exportProject(host, projectId, dataDir),
    stop: async () => {},
  };
}
