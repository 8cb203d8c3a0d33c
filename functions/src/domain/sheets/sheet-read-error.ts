/** Why a unit's sheet could not be read at all; the message is Vietnamese, for the unit and the district. */
export const SHEET_READ_FAILURES = ['corrupt', 'not-found', 'no-access', 'too-large'] as const;
export type SheetReadFailure = (typeof SHEET_READ_FAILURES)[number];

/** A unit's whole file or spreadsheet is unreadable: that unit gets this message, the others go on. */
export class SheetReadError extends Error {
  override readonly name = 'SheetReadError';
  constructor(
    readonly failure: SheetReadFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
