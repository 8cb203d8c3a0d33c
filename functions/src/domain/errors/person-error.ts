import type { FailureExitCode } from './exit-code.js';

/**
 * Something a Vietnamese person reads and acts on (unit or district staff): the message itself is
 * Vietnamese, NFC, and says what to do; `advice` adds a sentence only when the message does not.
 * The CLI catches this base and prints the message, never a stack trace.
 */
export abstract class PersonError extends Error {
  /** 1: the data has problems to fix; 2: the command or the file it was given is wrong. */
  abstract readonly exitCode: FailureExitCode;
  /** One more Vietnamese sentence saying what to do, when the message does not say it already. */
  readonly advice: string | undefined = undefined;
}
