import { EXIT } from '../domain/errors/exit-code.js';
import { PersonError } from '../domain/errors/person-error.js';

/** A command given something that does not exist (an unknown unit or form id): exit 2; the Vietnamese message says what to do. */
export class UsageError extends PersonError {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT.usage;
}
