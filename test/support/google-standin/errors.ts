/**
 * Google's error model as the stand-in answers it: `{ error: { code, message, status, errors: [...] } }`.
 * Sheets (a One Platform API) and Drive word the same failure differently; both dialects live here.
 */

export const API_NAMES = ['sheets', 'drive'] as const;
export type ApiName = (typeof API_NAMES)[number];

interface ErrorLocation {
  readonly location: string;
  readonly locationType: 'parameter' | 'header';
}

/** A failure the stand-in answers with Google's JSON error body and HTTP status. */
export class StandinApiError extends Error {
  override readonly name = 'StandinApiError';
  constructor(
    readonly code: number,
    message: string,
    /** Google's canonical status name, e.g. INVALID_ARGUMENT. */
    readonly status: string,
    readonly reason: string,
    readonly where?: ErrorLocation,
    /** Sent as `Retry-After` when set. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The canonical status, a generic message and the legacy `reason` for each HTTP status Google uses. */
const CANONICAL: Readonly<Record<number, readonly [status: string, message: string, reason: string]>> = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.', 'badRequest'],
  401: ['UNAUTHENTICATED', 'Request had invalid authentication credentials.', 'authError'],
  403: ['PERMISSION_DENIED', 'The caller does not have permission', 'forbidden'],
  404: ['NOT_FOUND', 'Requested entity was not found.', 'notFound'],
  409: ['ABORTED', 'The operation was aborted.', 'aborted'],
  429: ['RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded'],
  500: ['INTERNAL', 'Internal error encountered.', 'backendError'],
  502: ['UNAVAILABLE', 'Bad Gateway', 'backendError'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.', 'backendError'],
  504: ['DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.', 'backendError'],
};

/** What Google answers with `code` when nothing more specific applies (used by injected faults). */
export function genericError(
  code: number,
  api: ApiName,
  options: { write?: boolean; retryAfterSeconds?: number } = {},
): StandinApiError {
  if (code === 429) return quotaExceeded(api, options.write ?? false, options.retryAfterSeconds);
  const [status, message, reason] = CANONICAL[code] ?? ['UNKNOWN', `HTTP ${code}`, 'unknown'];
  return new StandinApiError(code, message, status, reason, undefined, options.retryAfterSeconds);
}

/** Sheets' 400 for a request it cannot carry out. */
export function invalidArgument(message: string): StandinApiError {
  return new StandinApiError(400, message, 'INVALID_ARGUMENT', 'badRequest');
}

/** Drive's 400 for a malformed parameter, e.g. a `q` outside the grammar. */
export function driveInvalidValue(parameter: string): StandinApiError {
  return new StandinApiError(400, 'Invalid Value', 'INVALID_ARGUMENT', 'invalid', {
    location: parameter,
    locationType: 'parameter',
  });
}

/** Drive's 400 for a request body it refuses. */
export function driveBadRequest(message: string): StandinApiError {
  return new StandinApiError(400, message, 'INVALID_ARGUMENT', 'badRequest');
}

/** Sheets' 404: the spreadsheet does not exist. */
export function sheetsNotFound(): StandinApiError {
  return new StandinApiError(404, 'Requested entity was not found.', 'NOT_FOUND', 'notFound');
}

/** Drive's 404, also given for a file that exists but is not visible to the caller. */
export function driveFileNotFound(fileId: string): StandinApiError {
  return new StandinApiError(404, `File not found: ${fileId}.`, 'NOT_FOUND', 'notFound', {
    location: 'fileId',
    locationType: 'parameter',
  });
}

/** Sheets' 403: the caller may not read, or may not write, this spreadsheet. */
export function permissionDenied(): StandinApiError {
  return new StandinApiError(403, 'The caller does not have permission', 'PERMISSION_DENIED', 'forbidden');
}

/** Drive's 403 when the caller's role on a file is too low for the change. */
export function driveInsufficientPermissions(fileId: string): StandinApiError {
  return new StandinApiError(
    403,
    `The user does not have sufficient permissions for file ${fileId}.`,
    'PERMISSION_DENIED',
    'insufficientFilePermissions',
  );
}

/** Drive's 403 for a change it never allows, whatever the caller's role (e.g. reason 'cannotAddParent'). */
export function driveForbidden(message: string, reason: string): StandinApiError {
  return new StandinApiError(403, message, 'PERMISSION_DENIED', reason);
}

const SEE_AUTH_DOCS =
  'Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

/** 401 for a request without a bearer token (`missing`) or with one the stand-in does not know. */
export function unauthenticated(api: ApiName, missing: boolean): StandinApiError {
  const where: ErrorLocation = { location: 'Authorization', locationType: 'header' };
  if (api === 'drive') {
    return missing
      ? new StandinApiError(401, 'Login Required.', 'UNAUTHENTICATED', 'required', where)
      : new StandinApiError(401, 'Invalid Credentials', 'UNAUTHENTICATED', 'authError', where);
  }
  const message = missing
    ? `Request is missing required authentication credential. ${SEE_AUTH_DOCS}`
    : `Request had invalid authentication credentials. ${SEE_AUTH_DOCS}`;
  return new StandinApiError(401, message, 'UNAUTHENTICATED', missing ? 'required' : 'authError', where);
}

/** 429 with the per-user-per-minute quota message Google sends for Sheets (read or write) or Drive. */
export function quotaExceeded(api: ApiName, write: boolean, retryAfterSeconds?: number): StandinApiError {
  const [metric, limit] =
    api === 'drive'
      ? ['Queries', 'Queries per minute per user']
      : write
        ? ['Write requests', 'Write requests per minute per user']
        : ['Read requests', 'Read requests per minute per user'];
  const service = api === 'drive' ? 'drive.googleapis.com' : 'sheets.googleapis.com';
  const message = `Quota exceeded for quota metric '${metric}' and limit '${limit}' of service '${service}' for consumer 'project_number:000000000000'.`;
  return new StandinApiError(429, message, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', undefined, retryAfterSeconds);
}

/** The JSON body Google sends with an error. */
export function errorBody(error: StandinApiError): unknown {
  const detail = { message: error.message, domain: 'global', reason: error.reason, ...(error.where ?? {}) };
  return { error: { code: error.code, message: error.message, status: error.status, errors: [detail] } };
}

/** Drive's 403 when a Google document is larger than what `files.export` returns (10 MB). */
export function exportSizeLimitExceeded(): StandinApiError {
  return new StandinApiError(
    403,
    'This file is too large to be exported.',
    'PERMISSION_DENIED',
    'exportSizeLimitExceeded',
  );
}
