/**
 * The HTTP side of the stand-in: match a route, then in order simulate latency, check the bearer
 * token, apply injected faults and quotas, run the route, answer JSON and log the exchange.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorBody, genericError, invalidArgument, StandinApiError, unauthenticated, type ApiName } from './errors.js';
import type { Faults, StandinRequest } from './faults.js';
import type { Quota } from './quota.js';

export interface RouteRequest {
  /** The caller's email. */
  readonly account: string;
  /** The route pattern's captures, URL-decoded; the first is the file id when there is one. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The raw body of an upload (`/upload/drive/v3/...`) and its Content-Type; the routes parse it. */
  readonly upload?: { readonly contentType: string; readonly data: Buffer };
}

export interface RouteReply {
  /** 200 when absent. */
  readonly status?: number;
  /** No body when absent (e.g. 204). */
  readonly body?: unknown;
  /** A file's bytes instead of JSON (Drive's export and `alt=media`). */
  readonly bytes?: { readonly data: Uint8Array; readonly contentType: string };
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly pattern: RegExp;
  readonly api: ApiName;
  readonly kind: string;
  /** Only requests whose query passes (e.g. Drive's `alt=media` on files.get); every request when absent. */
  readonly when?: (query: URLSearchParams) => boolean;
  handle(request: RouteRequest): RouteReply | Promise<RouteReply>;
}

export interface LoggedRequest extends StandinRequest {
  /** Milliseconds since the epoch, by the stand-in's clock. */
  readonly at: number;
  /** The raw query string, without '?'. */
  readonly query: string;
  readonly status: number;
  /** The parsed JSON request body, when there was one. */
  readonly body?: unknown;
}

export interface ServerParts {
  readonly routes: readonly Route[];
  /** Bearer token → email. */
  readonly accounts: ReadonlyMap<string, string>;
  readonly faults: Faults;
  readonly quota: Quota;
  readonly log: LoggedRequest[];
  readonly now: () => Date;
  latencyMs(): number;
}

export interface RunningServer {
  readonly rootUrl: string;
  close(): Promise<void>;
}

function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
  query: URLSearchParams,
): { route?: Route; params: string[] } {
  for (const route of routes) {
    const match = route.method === method && (route.when?.(query) ?? true) ? route.pattern.exec(path) : null;
    if (match) return { route, params: match.slice(1).map((param) => decodeURIComponent(param ?? '')) };
  }
  return { params: [] };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidArgument('Invalid JSON payload received. Unexpected token.');
  }
}

function authenticate(header: string | undefined, accounts: ReadonlyMap<string, string>, api: ApiName): string {
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!token) throw unauthenticated(api, true);
  const email = accounts.get(token);
  if (!email) throw unauthenticated(api, false);
  return email;
}

async function answer(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  const method = request.method ?? 'GET';
  const { route, params } = matchRoute(parts.routes, method, url.pathname, url.searchParams);
  const api: ApiName = route?.api ?? (/^\/(upload\/)?drive\//.test(url.pathname) ? 'drive' : 'sheets');
  // An upload's body is a file (multipart/related or the bytes alone), not JSON: its route reads it.
  const isUpload = url.pathname.startsWith('/upload/');
  const seen: { -readonly [K in keyof StandinRequest]: StandinRequest[K] } = {
    method,
    path: url.pathname,
    api,
    kind: route?.kind ?? 'unknown',
  };
  if (params[0] !== undefined) seen.fileId = params[0];
  let body: unknown;
  let upload: RouteRequest['upload'];
  let reply: RouteReply & { retryAfterSeconds?: number };
  try {
    const latency = parts.latencyMs();
    if (latency > 0) await sleep(latency);
    const raw = await readBody(request);
    if (isUpload) upload = { contentType: request.headers['content-type'] ?? '', data: raw };
    else body = parseJson(raw.toString('utf8'));
    if (!route) {
      const error = genericError(404, api);
      throw new StandinApiError(
        404,
        `The Google stand-in has no route for ${method} ${url.pathname}.`,
        error.status,
        error.reason,
      );
    }
    seen.account = authenticate(request.headers.authorization, parts.accounts, api);
    const write = method !== 'GET';
    const fault = parts.faults.take(seen, write);
    if (fault) throw fault;
    parts.quota.consume(seen.account, api, write);
    reply = await route.handle({
      account: seen.account,
      params,
      query: url.searchParams,
      body,
      ...(upload ? { upload } : {}),
    });
  } catch (error) {
    const failure =
      error instanceof StandinApiError
        ? error
        : new StandinApiError(
            500,
            `Internal error encountered. (Google stand-in bug: ${error instanceof Error ? error.stack : String(error)})`,
            'INTERNAL',
            'backendError',
          );
    reply = { status: failure.code, body: errorBody(failure), retryAfterSeconds: failure.retryAfterSeconds };
  }
  const status = reply.status ?? 200;
  parts.log.push({
    ...seen,
    at: parts.now().getTime(),
    query: url.search.slice(1),
    status,
    ...(body === undefined ? {} : { body }),
  });
  const headers: Record<string, string> = {};
  if (reply.retryAfterSeconds !== undefined) headers['Retry-After'] = String(reply.retryAfterSeconds);
  if (reply.bytes) {
    headers['Content-Type'] = reply.bytes.contentType;
    response.writeHead(status, headers).end(reply.bytes.data);
    return;
  }
  if (reply.body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  headers['Content-Type'] = 'application/json; charset=UTF-8';
  response.writeHead(status, headers).end(JSON.stringify(reply.body));
}

/** Listen on 127.0.0.1 at a port the system picks. */
export async function startServer(parts: ServerParts): Promise<RunningServer> {
  const server = createServer((request, response) => {
    answer(parts, request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      })),
  };
}
