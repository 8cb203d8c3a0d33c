import { afterAll } from 'vitest';

/**
 * Vitest setup file for the files that share a worker process (isolate: false): whatever a file changed in
 * process.env, the umask or the working folder is put back once it is done, so the next file in that process
 * starts as it would in a fresh one.
 */
const env = { ...process.env };
const umask = process.umask();
const cwd = process.cwd();

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  process.umask(umask);
  if (process.cwd() !== cwd) process.chdir(cwd);
});
