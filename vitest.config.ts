import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.js';

export default defineConfig({
  test: {
    // Every test worker may reach loopback only (child processes a test spawns do not load it).
    setupFiles: ['test/support/block-network.ts'],
    pool: 'forks',
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
          // The pure tests share one process and its loaded modules: a fresh process per file spent about
          // 0.7 s of CPU re-importing exceljs, zod and the sources for each of ~100 files that take
          // milliseconds to run. It runs once the other files are done (Vitest runs a single fork last).
          poolOptions: { forks: { singleFork: true, isolate: false } },
        },
      },
      {
        extends: true,
        test: {
          name: 'io',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/**'],
          // Starts one Firestore emulator for the whole run (or reuses FIRESTORE_EMULATOR_HOST).
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
