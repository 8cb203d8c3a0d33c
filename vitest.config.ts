import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.js';

export default defineConfig({
  test: {
    // Every test worker may reach loopback only (child processes a test spawns do not load it).
    setupFiles: ['test/support/block-network.ts'],
    pool: 'forks',
    // Files share a worker process and the modules it loaded (googleapis, exceljs, Firestore, the sources): a fresh
    // process per file spent about 1.7 s of CPU importing them again, for each of ~80 io files. The files that need
    // module instances of their own load them afresh (test/support/fresh-modules.ts); test/support/restore-process.ts
    // puts back what a file changed in process.env, the umask or the working folder.
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
          // take milliseconds to run. They use both workers rather than one fork after the io files, which left a
          // core idle at the end of the run. (Vitest runs each project's files as a group, one group after the other.)
        },
      },
      {
        extends: true,
        test: {
          name: 'io',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/**'],
          // The files of OWN_MODULES (test/support/own-modules.ts) get the sources afresh: fresh-modules.ts.
          setupFiles: ['test/support/restore-process.ts', 'test/support/fresh-modules.ts'],
          // Starts one Firestore emulator for the whole run (or reuses FIRESTORE_EMULATOR_HOST).
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
