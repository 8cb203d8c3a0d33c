import { EXIT, type FailureExitCode } from '../../domain/errors/exit-code.js';
import { RunStoppingError } from '../../jobs/run-stopping-error.js';
import { GOOGLE_FAILURE_FIXES } from './google-failure-fixes.js';

/** What went wrong with a Google API call, in our own terms (adapters translate Gaxios errors into these). */
export const GOOGLE_FAILURES = [
  'unauthenticated',
  'no-access',
  'not-found',
  'bad-request',
  'quota',
  'unavailable',
  'network',
  'export-too-large',
  'response-too-large',
  'unknown',
] as const;
export type GoogleFailure = (typeof GOOGLE_FAILURES)[number];

/**
 * A failed Google Sheets or Drive request. The message is for operators (English): the call, the
 * HTTP status and Google's own message. Callers that face people (a unit, the district) turn it
 * into a Vietnamese message naming the spreadsheet and the fix.
 */
export class GoogleApiError extends RunStoppingError {
  override readonly name = 'GoogleApiError';
  constructor(
    readonly failure: GoogleFailure,
    message: string,
    /** HTTP status, 0 when no response arrived. */
    readonly status: number,
    /** Milliseconds Google asked us to wait (`Retry-After`), when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** A passing failure (or one we cannot tell) is worth a re-run; access and ids are settings to fix. */
  override get exitCode(): FailureExitCode {
    return this.transient || this.failure === 'unknown' ? EXIT.problems : EXIT.usage;
  }

  /** The Vietnamese sentence for this kind of failure (GOOGLE_FAILURE_FIXES). */
  override get advice(): string {
    return GOOGLE_FAILURE_FIXES[this.failure].advice;
  }

  /** What the operator can do about this kind of failure (English, for the CLI and logs), naming the setting or command. */
  override get fix(): string {
    return GOOGLE_FAILURE_FIXES[this.failure].fix;
  }

  /** Worth trying again after a pause: quota exceeded, server busy, connection dropped. */
  get transient(): boolean {
    return this.failure === 'quota' || this.failure === 'unavailable' || this.failure === 'network';
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'ECONNABORTED',
]);

/** Translate whatever the googleapis client threw into a GoogleApiError; `call` names the request, e.g. 'values.batchGet'. */
export function toGoogleApiError(error: unknown, call: string): GoogleApiError {
  if (error instanceof GoogleApiError) return error;
  const e = error as {
    response?: { status?: number; data?: unknown; headers?: unknown };
    code?: unknown;
    status?: unknown;
    message?: unknown;
  };
  const status =
    typeof e?.response?.status === 'number' ? e.response.status : typeof e?.status === 'number' ? e.status : 0;
  const said =
    googleMessage(e?.response?.data) ??
    (typeof e?.message === 'string' ? (googleMessage(e.message) ?? e.message) : String(error));
  const text = `${call} failed${status ? ` (HTTP ${status})` : ''}: ${said}`;
  const retryAfterMs = parseRetryAfter(headerOf(e?.response?.headers, 'retry-after'));
  if (status === 0) {
    // Only a dropped or refused connection is worth retrying; anything else (a bug) is not.
    const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
    const code = [e?.code, cause?.code].find((c): c is string => typeof c === 'string') ?? '';
    return new GoogleApiError(NETWORK_CODES.has(code) ? 'network' : 'unknown', text, 0);
  }
  // Drive refuses to export a spreadsheet over 10 MB with a 403 that is no access problem: the reader falls back to Sheets.
  // With a streamed response gaxios puts Google's body in the message, not in response.data.
  const reason = googleReason(e?.response?.data) ?? googleReason(e?.message);
  const failure = status === 403 && reason === 'exportSizeLimitExceeded' ? 'export-too-large' : failureOf(status);
  return new GoogleApiError(failure, text, status, retryAfterMs);
}

/** The legacy `errors[0].reason` of Google's error body (e.g. 'exportSizeLimitExceeded'). */
function googleReason(data: unknown): string | undefined {
  if (typeof data === 'string') {
    try {
      return googleReason(JSON.parse(data));
    } catch {
      return undefined;
    }
  }
  const reason = (data as { error?: { errors?: { reason?: unknown }[] } } | undefined)?.error?.errors?.[0]?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

function failureOf(status: number): GoogleFailure {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'no-access';
  if (status === 404) return 'not-found';
  if (status === 400) return 'bad-request';
  if (status === 429) return 'quota';
  if (status >= 500) return 'unavailable';
  return 'unknown';
}

/** Google's error body: `{ error: { code, message, status } }`. */
function googleMessage(data: unknown): string | undefined {
  if (typeof data === 'string' && data.trim() !== '') {
    try {
      return googleMessage(JSON.parse(data));
    } catch {
      return data.slice(0, 300);
    }
  }
  const inner = (data as { error?: { message?: unknown; status?: unknown } } | undefined)?.error;
  if (typeof inner?.message !== 'string') return undefined;
  return typeof inner.status === 'string' ? `${inner.status}: ${inner.message}` : inner.message;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
