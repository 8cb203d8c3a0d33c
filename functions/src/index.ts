import * as functions from '@google-cloud/functions-framework';
import { guardFrameworkServers } from './handlers/guard-framework-server.js';
import { HANDLERS, type Handler } from './handlers/registry.js';
import type { PubSubEvent } from './handlers/scheduled.js';

/**
 * The Cloud Functions of handlers/registry.ts, and nothing else: each handler parses,
 * authenticates, calls a job and formats. A handler's code (Firestore, exceljs, googleapis, …)
 * is loaded on its first call, so an instance's start pays only for the function it serves.
 */

// Express reads NODE_ENV when the framework builds its app (after this module is loaded): in
// production it never puts a stack trace in an answer. Deploys set it; a bare start must not differ.
process.env.NODE_ENV ??= 'production';
// Before the framework builds its server: bodies are refused by size before they are read.
guardFrameworkServers();

/** Load once: concurrent first calls share one import. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

function register(name: string, handler: Handler): void {
  if (handler.kind === 'http') {
    const load = once(handler.load);
    functions.http(name, async (req, res) => (await load())(req, res));
  } else {
    const load = once(handler.load);
    functions.cloudEvent(name, async (event: PubSubEvent) => (await load())(event));
  }
}

for (const [name, handler] of Object.entries(HANDLERS)) register(name, handler);
