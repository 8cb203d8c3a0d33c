import * as functions from '@google-cloud/functions-framework';
import { guardFrameworkServers } from './handlers/guard-framework-server.js';
import { scheduledNotices, scheduledSweep, type PubSubEvent } from './handlers/scheduled.js';
import { sheetEvent } from './handlers/sheet-event.js';

/**
 * The Cloud Functions of handlers/function-list.ts, and nothing else: each handler parses,
 * authenticates, calls a job and formats. `sweepShard` is `scheduledSweep` on the per-shard topic.
 */

// Express reads NODE_ENV when the framework builds its app (after this module is loaded): in
// production it never puts a stack trace in an answer. Deploys set it; a bare start must not differ.
process.env.NODE_ENV ??= 'production';
// Before the framework builds its server: bodies are refused by size before they are read.
guardFrameworkServers();

functions.http('sheetEvent', (req, res) => sheetEvent(req, res));
functions.cloudEvent('scheduledSweep', (event: PubSubEvent) => scheduledSweep(event));
functions.cloudEvent('sweepShard', (event: PubSubEvent) => scheduledSweep(event));
functions.cloudEvent('scheduledNotices', (event: PubSubEvent) => scheduledNotices(event));
