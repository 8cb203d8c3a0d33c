/**
 * A failure of something every unit needs — the store, Google's quota or outage, our own
 * credentials — rather than of one unit's file. A job lets it stop the run (the next run continues
 * where this one stopped); any other error while handling a unit is that unit's alone.
 */
export class RunStoppingError extends Error {
  override readonly name: string = 'RunStoppingError';
}
