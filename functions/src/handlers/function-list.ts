/**
 * The Cloud Functions this package deploys, with their triggers: `handlers/registry.ts` has one
 * handler per name here (the compiler checks), and `tonghop deploy` deploys exactly these.
 */
export interface CloudFunctionSpec {
  readonly name: string;
  /** HTTP (the Apps Script webhook), or the Pub/Sub topic whose messages trigger it. */
  readonly trigger: { readonly http: true } | { readonly topic: string };
  readonly timeoutSeconds: number;
  readonly memory: string;
  /** Redeliver on failure: only for idempotent work. */
  readonly retry: boolean;
  /** Environment variables read from Secret Manager. */
  readonly secrets: readonly string[];
  /**
   * At most this many instances at once. The sweeps run one at a time: each paces its Google
   * requests in-process, so parallel shards would add up past the per-minute quota.
   */
  readonly maxInstances: number;
}

export const TOPICS = {
  sweep: 'tonghop-sweep',
  sweepShard: 'tonghop-sweep-shard',
  notices: 'tonghop-notices',
  mailbox: 'tonghop-mailbox',
} as const;

export const CLOUD_FUNCTIONS = [
  {
    name: 'sheetEvent',
    trigger: { http: true },
    timeoutSeconds: 60,
    memory: '512Mi',
    retry: false,
    secrets: ['TONGHOP_WEBHOOK_KEY'],
    maxInstances: 10,
  },
  {
    name: 'scheduledSweep',
    trigger: { topic: TOPICS.sweep },
    timeoutSeconds: 540,
    memory: '1Gi',
    retry: true,
    secrets: [],
    maxInstances: 1,
  },
  {
    name: 'sweepShard',
    trigger: { topic: TOPICS.sweepShard },
    timeoutSeconds: 540,
    memory: '1Gi',
    retry: true,
    secrets: [],
    maxInstances: 1,
  },
  // Not redelivered: the ledger already makes a notice at-most-once; the next morning's run retries what failed.
  {
    name: 'scheduledNotices',
    trigger: { topic: TOPICS.notices },
    timeoutSeconds: 300,
    memory: '512Mi',
    retry: false,
    secrets: ['SMTP_URL'],
    maxInstances: 1,
  },
  // Not redelivered either: the mailbox ledger makes each message at-most-once, and the next tick takes up what a run left.
  {
    name: 'scheduledMailbox',
    trigger: { topic: TOPICS.mailbox },
    timeoutSeconds: 300,
    memory: '512Mi',
    retry: false,
    secrets: ['IMAP_URL', 'SMTP_URL'],
    maxInstances: 1,
  },
] as const satisfies readonly CloudFunctionSpec[];

/** The name of one deployed function. */
export type FunctionName = (typeof CLOUD_FUNCTIONS)[number]['name'];
