/**
 * The io files whose modules must start fresh: those that load the Cloud Functions in-process (functions/src/index.js)
 * with settings of their own, and the reliability files whose tally (test/reliability/tally.ts) counts one file.
 * test/support/fresh-modules.ts gives them their own module instances; vitest.config.ts reads the list too.
 */
export const OWN_MODULES: readonly string[] = [
  'test/e2e/functions.test.ts',
  'test/e2e/scheduled-isolation.test.ts',
  'test/e2e/scheduled-mailbox.test.ts',
  'test/integration/handler-control-problems.test.ts',
  'test/integration/sheet-event-submit.test.ts',
  'test/reliability/reliability.test.ts',
  'test/reliability/local-crash.test.ts',
];
