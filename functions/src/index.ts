import * as functions from '@google-cloud/functions-framework';
import { scheduledNotices, scheduledSweep, type PubSubEvent } from './handlers/scheduled.js';
import { sheetEvent } from './handlers/sheet-event.js';

/**
 * The Cloud Functions, and nothing else: each handler parses, authenticates, calls a job and formats.
 * `sweepShard` is the same handler as `scheduledSweep`, on the per-shard topic.
 */
export const FUNCTION_NAMES = ['sheetEvent', 'scheduledSweep', 'sweepShard', 'scheduledNotices'] as const;

functions.http('sheetEvent', (req, res) => sheetEvent(req, res));
functions.cloudEvent('scheduledSweep', (event: PubSubEvent) => scheduledSweep(event));
functions.cloudEvent('sweepShard', (event: PubSubEvent) => scheduledSweep(event));
functions.cloudEvent('scheduledNotices', (event: PubSubEvent) => scheduledNotices(event));
