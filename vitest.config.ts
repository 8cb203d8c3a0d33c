import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one Firestore emulator for the whole run (or reuses FIRESTORE_EMULATOR_HOST).
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // Hooks may start their own emulator (cold JVM start).
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
