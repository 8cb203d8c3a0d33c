import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.js';

/**
 * The io files whose modules must start fresh: those that load the Cloud Functions in-process (functions/src/index.js)
 * with settings of their own, and the reliability files whose tally (test/reliability/tally.ts) counts one file.
 */
const OWN_MODULES = [
  'test/e2e/functions.test.ts',
  'test/e2e/scheduled-isolation.test.ts',
  'test/e2e/scheduled-mailbox.test.ts',
  'test/integration/handler-control-problems.test.ts',
  'test/integration/sheet-event-submit.test.ts',
  'test/reliability/reliability.test.ts',
  'test/reliability/local-crash.test.ts',
];

export default defineConfig({
  test: {
    // Every test worker may reach loopback only (child processes a test spawns do not load it).
    setupFiles: ['test/support/block-network.ts'],
    pool: 'forks',
    // Files share a worker process and the modules it loaded (googleapis, exceljs, Firestore, the sources): a fresh
    // process per file spent about 1.7 s of CPU importing them again, for each of ~80 io files. Files that need a
    // process of their own state are in 'io-own-modules' below; test/support/restore-process.ts puts back what a
    // file changed in process.env, the umask or the working folder.
    poolOptions: { forks: { isolate: false } },
    // Vitest runs one file at a time on 2 cores (cores − 1); most of our files wait on the emulator, SMTP or
    // child processes rather than the CPU, so two at once halve the wall time without starving either.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 30_000,
    // Hooks may start their own emulator (cold JVM start).
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // The pure tests share their worker's loaded modules (isolate false, set above): a fresh process per
          // file spent about 0.7 s of CPU re-importing exceljs, zod and the sources for each of ~100 files that
          // take milliseconds to run. They share the two workers with the io files rather than running in one
          // fork after them, which left a core idle at the end of the run.
        },
      },
      {
        extends: true,
        test: {
          name: 'io',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/**', ...OWN_MODULES],
          setupFiles: ['test/support/restore-process.ts'],
          // Starts one Firestore emulator for the whole run (or reuses FIRESTORE_EMULATOR_HOST).
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'io-own-modules',
          include: OWN_MODULES,
          setupFiles: ['test/support/restore-process.ts'],
          // The handlers' runtime (settings, Firestore client) and the reliability tally are made once per module
          // instance: each of these files gets the sources (and test/support) afresh, in the shared worker process.
          poolOptions: { forks: { isolate: true } },
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
