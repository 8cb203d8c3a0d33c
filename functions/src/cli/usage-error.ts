/** A command given something that does not exist (an unknown unit or form id): exit 2; the Vietnamese message says what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
