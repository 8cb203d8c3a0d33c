import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT, type FailureExitCode } from '../../domain/errors/exit-code.js';
import { RunStoppingError } from '../../jobs/run-stopping-error.js';

/** Firestore did not answer in time, or refused every caller: the run stops and says so; the next run continues where this one stopped. */
export class StoreUnavailableError extends RunStoppingError {
  override readonly name = 'StoreUnavailableError';
  override get exitCode(): FailureExitCode {
    return EXIT.usage;
  }
  override get fix(): string {
    return 'check that Firestore (TONGHOP_FIRESTORE=cloud) or the emulator (FIRESTORE_EMULATOR_HOST) is reachable, then run again: it continues where it stopped';
  }
  override get advice(): string {
    return ADVICE.store;
  }
}

/** gRPC codes that say Firestore itself is out of reach for everyone, not that one document is wrong. */
const STORE_WIDE_CODES: Readonly<Record<number, string>> = {
  4: 'DEADLINE_EXCEEDED',
  7: 'PERMISSION_DENIED (check the service account\'s roles/datastore.user)',
  8: 'RESOURCE_EXHAUSTED (Firestore quota)',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED (check the credentials)',
};

/** A Firestore error as the run should see it: store-wide failures stop the run; anything else (e.g. INVALID_ARGUMENT for one document) is left as it is. */
export function translateStoreError(error: unknown, what: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const terminated = error instanceof Error && /client has already been terminated/i.test(error.message);
  if (!terminated && (typeof code !== 'number' || !(code in STORE_WIDE_CODES))) return error;
  const reason = terminated ? 'the Firestore client was closed' : STORE_WIDE_CODES[code as number];
  return new StoreUnavailableError(`Firestore failed while ${what}: ${reason}; the run stopped. Check that Firestore (or the emulator) is reachable and run it again: it continues where it stopped.`, { cause: error });
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
  } catch (error) {
    throw translateStoreError(error, what);
  } finally {
    clearTimeout(timer);
  }
}
