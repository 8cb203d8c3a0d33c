import { StoreUnavailableError, translateStoreError } from './store-errors.js';

/** How long one store operation may take before the run gives up on Firestore (the client alone retries for minutes). */
export const DEFAULT_STORE_DEADLINE_MS = 60_000;

/**
 * `work`, or a StoreUnavailableError after `ms`; the one guard every store's operations go through,
 * which also translates Firestore's errors (store-errors.ts). The Firestore client retries an
 * unreachable server for minutes; a run should rather stop and report. A write still in flight
 * may land later: every write is the same content-addressed result a re-run would write, so that
 * changes nothing.
 */
export async function withStoreDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StoreUnavailableError(
            `Firestore did not answer within ${Math.round(ms / 1000)} s (${what}); the run stopped. Check that Firestore (or the emulator) is reachable and run it again: it continues where it stopped.`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    throw translateStoreError(error, what);
  } finally {
    clearTimeout(timer);
  }
}

/** A store's guard: its deadline bound once, so each operation names only what it does. */
export type StoreGuard = <T>(what: string, work: () => Promise<T>) => Promise<T>;

/** The guard of a store whose operations may take `ms` each. */
export function storeGuard(ms: number = DEFAULT_STORE_DEADLINE_MS): StoreGuard {
  return (what, work) => withStoreDeadline(work(), ms, what);
}
