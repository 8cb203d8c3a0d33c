import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';

/**
 * Waits on Linux pidfds: each becomes readable when its process exits, whoever its parent is.
 * Node has no pidfd_open, Python has; a pid already gone is skipped.
 */
const WAIT_FOR_PIDS = `
import os, select, sys
for pid in sys.argv[1:]:
    try:
        fd = os.pidfd_open(int(pid))
    except ProcessLookupError:
        continue
    select.select([fd], [], [])
`;

/** The pids of the processes (zombies included) whose session is `sid`, from /proc. */
async function sessionPids(sid: number): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp session …"; comm may hold spaces, so split after ')'.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const session = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3];
    if (stat !== '' && Number(session) === sid) pids.push(Number(pid));
  }
  return pids;
}

/**
 * Resolves once every process now in session `sid` (a watched emulator: watchdog, gcloud, java)
 * has exited: an event per process, no polling; never resolves while one lives, so the test's
 * own timeout fails it.
 */
export async function sessionExited(sid: number): Promise<void> {
  const pids = await sessionPids(sid);
  if (pids.length === 0) return;
  const waiter = spawn('python3', ['-c', WAIT_FOR_PIDS, ...pids.map(String)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  waiter.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(waiter, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`sessionExited: python3 pidfd wait failed (exit ${code}): ${stderr.trim()}`);
}
