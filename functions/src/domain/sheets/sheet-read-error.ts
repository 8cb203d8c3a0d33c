import { ADVICE } from '../errors/advice.js';
import { EXIT } from '../errors/exit-code.js';
import { PersonError } from '../errors/person-error.js';
/** Why a unit's sheet could not be read at all; the message is Vietnamese, for the unit and the district. */
export const SHEET_READ_FAILURES = ['corrupt', 'not-found', 'no-access', 'too-large'] as const;
export type SheetReadFailure = (typeof SHEET_READ_FAILURES)[number];

/** A unit's whole file or spreadsheet is unreadable: that unit gets this message, the others go on. */
export class SheetReadError extends PersonError {
  override readonly name = 'SheetReadError';
  /** When it stops a command, it is the file the command was given (a control sheet): fix the path or the file. */
  readonly exitCode = EXIT.usage;
  override readonly advice = ADVICE.sheetRead;
  constructor(
    readonly failure: SheetReadFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
