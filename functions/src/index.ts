import * as functions from '@google-cloud/functions-framework';
import { scheduledNotices, scheduledSweep, type PubSubEvent } from './handlers/scheduled.js';
import { sheetEvent } from './handlers/sheet-event.js';

/**
 * The Cloud Functions of handlers/function-list.ts, and nothing else: each handler parses,
 * authenticates, calls a job and formats. `sweepShard` is `scheduledSweep` on the per-shard topic.
 */

functions.http('sheetEvent', (req, res) => sheetEvent(req, res));
functions.cloudEvent('scheduledSweep', (event: PubSubEvent) => scheduledSweep(event));
functions.cloudEvent('sweepShard', (event: PubSubEvent) => scheduledSweep(event));
functions.cloudEvent('scheduledNotices', (event: PubSubEvent) => scheduledNotices(event));
