import type { HttpFunction } from '@google-cloud/functions-framework';
import type { FunctionName } from './function-list.js';
import type { PubSubEvent } from './scheduled.js';

/**
 * How a function is served: its trigger kind and a loader for its code. A deployed instance
 * serves one function (FUNCTION_TARGET), so each loads only its own handler's dependencies.
 */
export type Handler =
  | { readonly kind: 'http'; readonly load: () => Promise<HttpFunction> }
  | { readonly kind: 'cloudEvent'; readonly load: () => Promise<(event: PubSubEvent) => Promise<void>> };

/** Every function of function-list.ts, and only those: the `Record` makes the compiler keep the two in step. */
export const HANDLERS: Record<FunctionName, Handler> = {
  sheetEvent: { kind: 'http', load: async () => (await import('./sheet-event.js')).sheetEvent },
  scheduledSweep: { kind: 'cloudEvent', load: async () => (await import('./scheduled.js')).scheduledSweep },
  // `sweepShard` is `scheduledSweep` on the per-shard topic.
  sweepShard: { kind: 'cloudEvent', load: async () => (await import('./scheduled.js')).scheduledSweep },
  scheduledNotices: { kind: 'cloudEvent', load: async () => (await import('./scheduled.js')).scheduledNotices },
  scheduledMailbox: { kind: 'cloudEvent', load: async () => (await import('./scheduled-mailbox.js')).scheduledMailbox },
};
