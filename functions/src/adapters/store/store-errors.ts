import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT, type FailureExitCode } from '../../domain/errors/exit-code.js';
import { RunStoppingError } from '../../jobs/run-stopping-error.js';

/** Firestore did not answer in time, or refused every caller: the run stops and says so; the next run continues where this one stopped. */
export class StoreUnavailableError extends RunStoppingError {
  override readonly name: string = 'StoreUnavailableError';
  override get exitCode(): FailureExitCode {
    return EXIT.usage;
  }
  override get fix(): string {
    return 'check that Firestore (TONGHOP_FIRESTORE=cloud) or the emulator (FIRESTORE_EMULATOR_HOST) is reachable and that the credentials may use it, then run again: it continues where it stopped';
  }
  override get advice(): string {
    return ADVICE.store;
  }
}

/** Firestore refused our credentials (PERMISSION_DENIED, UNAUTHENTICATED): no retry helps until the service account or login is fixed. */
export class StoreAccessDeniedError extends StoreUnavailableError {
  override readonly name = 'StoreAccessDeniedError';
}

/** A stored document does not have the shape this version reads: the run stops and names the document, rather than misreading it. */
export class StoreDocumentError extends RunStoppingError {
  override readonly name = 'StoreDocumentError';
  readonly collection: string;
  readonly id: string;
  override get exitCode(): FailureExitCode {
    return EXIT.usage;
  }
  override get fix(): string {
    return `fix or delete the document ${this.collection}/${this.id} in the Firestore console (deleting sources/<unit> makes the next sweep read that unit again), then run again`;
  }
  override get advice(): string {
    return ADVICE.storeDocument;
  }

  constructor(message: string, where: { readonly collection: string; readonly id: string }) {
    super(message);
    this.collection = where.collection;
    this.id = where.id;
  }
}

/** gRPC status codes Firestore answers with (https://grpc.github.io/grpc/core/md_doc_statuscodes.html). */
const GRPC = {
  DEADLINE_EXCEEDED: 4,
  ALREADY_EXISTS: 6,
  ABORTED: 10,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** Codes that say Firestore itself is out of reach for everyone, not that one document is wrong. */
const STORE_WIDE: Readonly<Record<number, { readonly reason: string; readonly denied: boolean }>> = {
  [GRPC.DEADLINE_EXCEEDED]: { reason: 'DEADLINE_EXCEEDED', denied: false },
  [GRPC.PERMISSION_DENIED]: {
    reason: 'PERMISSION_DENIED (give the service account the role roles/datastore.user, or check TONGHOP_PROJECT_ID)',
    denied: true,
  },
  [GRPC.RESOURCE_EXHAUSTED]: { reason: 'RESOURCE_EXHAUSTED (Firestore quota)', denied: false },
  [GRPC.UNAVAILABLE]: { reason: 'UNAVAILABLE', denied: false },
  [GRPC.UNAUTHENTICATED]: {
    reason: 'UNAUTHENTICATED (check the credentials: gcloud auth application-default login, or the service account)',
    denied: true,
  },
};

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Whether a Firestore error says the document exists already (gRPC ALREADY_EXISTS, from a `create`). */
export function isAlreadyExists(error: unknown): boolean {
  return codeOf(error) === GRPC.ALREADY_EXISTS;
}

/** Whether an atomic write of `create`s wrote nothing because of other writers: a document exists already, or contention aborted it. */
export function isCreateConflict(error: unknown): boolean {
  return isAlreadyExists(error) || codeOf(error) === GRPC.ABORTED;
}

/**
 * A Firestore error as the run should see it, the one place vendor codes are read: store-wide
 * failures become StoreUnavailableError (StoreAccessDeniedError for refused credentials); anything
 * else (our own errors, INVALID_ARGUMENT for one document, ALREADY_EXISTS) is left as it is.
 */
export function translateStoreError(error: unknown, what: string): unknown {
  if (error instanceof RunStoppingError) return error;
  const code = codeOf(error);
  const terminated = error instanceof Error && /client has already been terminated/i.test(error.message);
  const known = typeof code === 'number' ? STORE_WIDE[code] : undefined;
  if (!terminated && !known) return error;
  const reason = known?.reason ?? 'the Firestore client was closed';
  const message = `Firestore failed while ${what}: ${reason}; the run stopped.`;
  if (known?.denied)
    return new StoreAccessDeniedError(`${message} Fix the access, then run it again: it continues where it stopped.`, {
      cause: error,
    });
  return new StoreUnavailableError(
    `${message} Check that Firestore (or the emulator) is reachable and run it again: it continues where it stopped.`,
    { cause: error },
  );
}
