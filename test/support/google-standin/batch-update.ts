/**
 * `spreadsheets:batchUpdate`: requests run in order on a draft of the file (a later request sees
 * what an earlier one did, e.g. a tab it added); the first refusal rejects the whole batch.
 */
import { CONTENT_REQUESTS } from './content-requests.js';
import { invalidArgument } from './errors.js';
import { contextFor, type RequestHandler } from './request-context.js';
import type { StoredFile } from './spreadsheets.js';
import { STRUCTURE_REQUESTS } from './structure-requests.js';

const HANDLERS: Readonly<Record<string, RequestHandler>> = { ...STRUCTURE_REQUESTS, ...CONTENT_REQUESTS };

/** Apply every request to `draft` (a copy the caller may throw away); returns one reply per request. */
export function applyBatchUpdate(draft: StoredFile, requests: unknown): object[] {
  if (!Array.isArray(requests) || requests.length === 0)
    throw invalidArgument('Invalid requests: must specify at least one request.');
  return requests.map((request: unknown, index) => {
    const kinds =
      typeof request === 'object' && request !== null && !Array.isArray(request) ? Object.keys(request) : [];
    const [kind] = kinds;
    if (kind === undefined) throw invalidArgument(`Invalid requests[${index}]: No request set.`);
    if (kinds.length > 1)
      throw invalidArgument(
        `Invalid requests[${index}]: a request sets exactly one kind, not ${kinds.map((k) => `'${k}'`).join(', ')}.`,
      );
    const handler = Object.hasOwn(HANDLERS, kind) ? HANDLERS[kind] : undefined;
    if (!handler) throw invalidArgument(`Invalid requests[${index}]: unknown request kind '${kind}'`);
    return handler((request as Record<string, unknown>)[kind], contextFor(draft, index, kind)) ?? {};
  });
}
