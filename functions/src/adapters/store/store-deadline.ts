/** Firestore did not answer in time: the run stops and says so; the next run continues where this one stopped. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** How long one store operation may take before the run gives up on Firestore (the client alone retries for minutes). */
export const DEFAULT_STORE_DEADLINE_MS = 60_000;

/**
 * `work`, or a StoreUnavailableError after `ms`. The Firestore client retries an unreachable server
 * for minutes; a sweep should rather stop and report. A write still in flight may land later: every
 * write is the same content-addressed result a re-run would write, so that changes nothing.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`Firestore did not answer within ${Math.round(ms / 1000)} s (${what}); the run stopped. Check that Firestore (or the emulator) is reachable and run it again: it continues where it stopped.`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
