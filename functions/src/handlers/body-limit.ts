import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { log } from './log.js';
import { newRunId } from './run-id.js';
import { REFUSALS } from './refusals.js';

/**
 * Every request body the functions accept is small: the Apps Script sends a few hundred bytes,
 * Pub/Sub pushes carry our own `{step, shard}` messages. Anything larger is refused unread.
 */
export const MAX_BODY_BYTES = 16 * 1024;

type Refusal = { readonly status: 413 | 415; readonly reason: string };

/** A refusal decided from the headers alone, before a byte of the body is read. */
function refusalByHeaders(req: IncomingMessage, limit: number): Refusal | undefined {
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) > limit) return { status: 413, reason: 'content-length over the limit' };
  // A compressed body would be inflated by the framework's parser: a 16 KB gzip can expand to gigabytes.
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return { status: 415, reason: 'compressed body' };
  return undefined;
}

/** What the client may still send after a refusal before the connection is cut: read and dropped, never kept. */
const LINGER_BYTES = 1024 * 1024;
const REFUSED = Symbol('tonghop.refusedByBodyLimit');

/** Whether the body limit already answered this request (the framework then finds its body cut short: nothing to add). */
export function refusedByBodyLimit(req: IncomingMessage): boolean {
  return (req as IncomingMessage & { [REFUSED]?: true })[REFUSED] === true;
}

const STATUS_LINES = { 413: 'Payload Too Large', 415: 'Unsupported Media Type' } as const;

/**
 * Answer with a short Vietnamese JSON refusal and close the connection in two steps (RFC 9112
 * §9.6): the answer and our end of the connection at once, then whatever the client already had in
 * flight is read and dropped, up to LINGER_BYTES, and the socket destroyed. Closing with unread
 * bytes at once would make the kernel reset the connection, and a client still sending would lose
 * the 413 it had been sent. The answer is written on the socket itself, so nothing the framework
 * does with the request afterwards (it sees a body cut short) can answer a second time.
 */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const marked = req as IncomingMessage & { [REFUSED]?: true };
  if (marked[REFUSED]) return;
  marked[REFUSED] = true;
  log('WARNING', `request refused before reading its body: ${refusal.reason}`, {
    runId: newRunId(),
    status: refusal.status,
  });
  const socket = req.socket;
  let dropped = 0;
  req.push = (chunk: Buffer | null): boolean => {
    dropped += chunk?.length ?? 0;
    if (dropped > LINGER_BYTES) socket.destroy();
    return true;
  };
  if (res.headersSent) return void socket.destroy();
  const body = JSON.stringify({ ok: false, message: refusal.status === 413 ? REFUSALS.tooLarge : REFUSALS.malformed });
  const head = [
    `HTTP/1.1 ${refusal.status} ${STATUS_LINES[refusal.status]}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * Count a body without a Content-Length (chunked) as Node's HTTP parser hands it over. Chunks go
 * through `push` into the request's stream before any reader can see them, so the chunk that passes
 * the limit is never handed on, and the framework's parser has seen at most `limit` bytes.
 */
function capChunkedBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding): boolean => {
    if (chunk !== null) received += chunk.length;
    if (received <= limit) return push(chunk, encoding);
    refuse(req, res, { status: 413, reason: 'chunked body over the limit' });
    return true;
  };
}

/**
 * Wrap a server's request listener so that no body over `limit` bytes is ever buffered: a
 * Content-Length over it (or a compressed body) is answered at once, a chunked body is counted
 * and cut off the moment it passes it.
 */
export function limitRequestBodies(listener: RequestListener, limit: number = MAX_BODY_BYTES): RequestListener {
  return (req, res) => {
    const refusal = refusalByHeaders(req, limit);
    if (refusal) return refuse(req, res, refusal);
    if (req.headers['content-length'] === undefined) capChunkedBody(req, res, limit);
    listener(req, res);
  };
}

/** `Expect: 100-continue`: refuse by the headers without inviting the client to send the body. */
export function limitContinueRequests(listener: RequestListener, limit: number = MAX_BODY_BYTES): RequestListener {
  const limited = limitRequestBodies(listener, limit);
  return (req, res) => {
    const refusal = refusalByHeaders(req, limit);
    if (refusal) return refuse(req, res, refusal);
    res.writeContinue();
    limited(req, res);
  };
}
