import { ADVICE } from '../domain/errors/advice.js';
import { EXIT, type FailureExitCode } from '../domain/errors/exit-code.js';
import { OperatorError } from '../domain/errors/operator-error.js';

/**
 * A failure of something every unit needs — the store, Google's quota or outage, our own
 * credentials — rather than of one unit's file: an operator error that stops the run. A job lets
 * it stop the run (the next run continues where this one stopped); any other error while
 * handling a unit is that unit's alone.
 */
export class RunStoppingError extends OperatorError {
  override readonly name: string = 'RunStoppingError';
  get exitCode(): FailureExitCode {
    return EXIT.problems;
  }
  get fix(): string {
    return 'run the command again later: what was stored is kept and the next run continues where this one stopped';
  }
  get advice(): string {
    return ADVICE.retryLater;
  }
}
