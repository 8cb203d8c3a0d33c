import type { FailureExitCode } from './exit-code.js';

/**
 * Something the operator fixes: a setting, the command, a service out of reach, a run to start
 * again. The message is English (for logs); `fix` names the setting or command, in English;
 * `advice` is the same for whoever ran the command, one Vietnamese sentence. Every error of ours
 * that is not about a person's data extends this (firebase-tools' FirebaseError habit), so the
 * CLI catches this base and never prints a stack trace.
 */
export abstract class OperatorError extends Error {
  /** 1: nothing to change, run again later; 2: change a setting or the command first. */
  abstract readonly exitCode: FailureExitCode;
  /** What to change or run, in English, naming the setting or command. */
  abstract readonly fix: string;
  /** What to do, one Vietnamese sentence for the person at the terminal. */
  abstract readonly advice: string;
}
