import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** Marks a watchdog in `ps` and /proc, so a stale one is recognised as ours before it is killed. */
export const WATCHDOG_MARKER = 'tonghop-emulator-watchdog';

/** How long the watchdog lets the emulator stop on SIGTERM before killing it. */
export const WATCHDOG_GRACE_MS = 4000;

/**
 * The watchdog (plain CommonJS for `node -e`, so it runs from the sources and the build alike).
 * It leads a new session, starts the command given as its arguments and:
 * - kills everything as soon as its stdin ends, i.e. when the process that spawned it is gone,
 *   however it died (SIGKILL, out of memory): Node has no PR_SET_PDEATHSIG, a pipe does the job;
 * - on SIGTERM, stops the command (SIGKILL after the grace period) and exits once it is gone.
 * gcloud puts itself and java in a process group of their own (setpgrp), so both groups are signalled.
 */
const WATCHDOG_SOURCE = `
const { spawn } = require('node:child_process');
const [, marker, graceMs, command, ...args] = process.argv;
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const signal = (group, name) => { try { if (group) process.kill(-group, name); return true; } catch (e) { return e.code === 'EPERM'; } };
const killAll = () => { signal(child.pid, 'SIGKILL'); signal(process.pid, 'SIGKILL'); process.exit(1); };
process.stdin.on('end', killAll).on('error', killAll).resume();
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  signal(child.pid, 'SIGTERM');
  const deadline = Date.now() + Number(graceMs);
  setInterval(() => {
    if (!signal(child.pid, 0)) process.exit(0);
    if (Date.now() > deadline) signal(child.pid, 'SIGKILL');
  }, 50);
};
for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(name, stop);
child.on('error', (error) => { console.error(marker + ': could not run ' + command + ': ' + error.message); process.exit(127); });
child.on('exit', (code) => { if (stopping) return; signal(child.pid, 'SIGKILL'); process.exit(code ?? 1); });
`;

/**
 * Start `command` under a watchdog in a new session and process group (both ids are the
 * watchdog's pid): stdout/stderr are the command's; everything dies with this process, and a
 * SIGTERM to the watchdog's group stops it all (the watchdog exits last).
 */
export function spawnWatched(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['-e', WATCHDOG_SOURCE, WATCHDOG_MARKER, String(WATCHDOG_GRACE_MS), command, ...args],
    { detached: true, stdio: 'pipe', env },
  );
}

/**
 * Process groups left in session `sid` (a watchdog's pid) by a watched emulator: the watchdog's
 * own and those of gcloud/java. Only processes that are ours (the watchdog, a Firestore
 * emulator) count; Linux /proc only, elsewhere none, so nothing foreign is ever killed.
 */
export async function watchedEmulatorGroups(sid: number): Promise<number[]> {
  const groups = new Set<number>();
  for (const pid of (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name))) {
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp session …"; comm may hold spaces, so split after ')'.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const [, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(session) !== sid) continue;
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (
      cmdline.includes(WATCHDOG_MARKER) ||
      cmdline.some((arg) => arg.includes('cloud-firestore-emulator') || arg.endsWith('gcloud.py'))
    )
      groups.add(Number(pgrp));
  }
  return [...groups];
}
