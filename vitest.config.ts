import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one Firestore emulator for the whole run (or reuses FIRESTORE_EMULATOR_HOST).
    globalSetup: ['test/global-setup.ts'],
    // Every test worker may reach loopback only (child processes a test spawns do not load it).
    setupFiles: ['test/support/block-network.ts'],
    pool: 'forks',
    // Vitest runs one file at a time on 2 cores (cores − 1); most of our files wait on the emulator, SMTP or
    // child processes rather than the CPU, so two at once halve the wall time without starving either.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Hooks may start their own emulator (cold JVM start).
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
