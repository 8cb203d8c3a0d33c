import type { CloudEvent } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { PubSubShardPublisher } from '../adapters/pubsub/pubsub-shard-publisher.js';
import { notifyDistrict } from '../app/notify-district.js';
import { sweepDistrict } from '../app/sweep-district.js';
import type { RunRequest, ShardPublisher } from '../jobs/sweep/run-district.js';
import { StoreUnavailableError } from '../adapters/store/store-errors.js';
import { ConfigError } from '../config.js';
import { ControlRefusedError } from '../domain/units/control-guard.js';
import type { UnitSweepResult } from '../jobs/sweep/sweep-unit.js';
import { log } from './log.js';
import { newRunId } from './run-id.js';
import { openInstanceDistrict, runtime } from './runtime.js';

/** A Pub/Sub push as a CloudEvent: the message's data is base64 JSON. */
interface PubSubData {
  readonly message?: { readonly data?: string };
}
export type PubSubEvent = CloudEvent<PubSubData>;

const requestSchema = z.object({
  step: z.enum(['sweep', 'tick', 'summary']).default('sweep'),
  shard: z.string().max(200).optional(),
});

/** The run request a Pub/Sub message carries; an empty message is the nightly sweep. Undefined when unreadable. */
export function runRequestOf(event: PubSubEvent): RunRequest | undefined {
  const data = event.data?.message?.data;
  try {
    const json: unknown = data ? JSON.parse(Buffer.from(data, 'base64').toString('utf8')) : {};
    const parsed = requestSchema.safeParse(json);
    return parsed.success
      ? { step: parsed.data.step, ...(parsed.data.shard === undefined ? {} : { shard: parsed.data.shard }) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `scheduledSweep` and `sweepShard` (CloudEvents from Pub/Sub, fired by Cloud Scheduler): the
 * nightly sweep, fanned out to one message per cụm thi đua above TONGHOP_SHARD_ABOVE units when
 * TONGHOP_SHARD_TOPIC is set, or the summary step. A message that cannot be read is logged and
 * acknowledged (retrying it would not help), and so is a configuration error (logged with the
 * setting to fix). A unit that could not be swept or given its feedback is logged by id and the
 * invocation still succeeds: redelivering the whole district for one unit would loop forever. Only
 * a run that fails as a whole (Firestore unreachable) throws, so Pub/Sub redelivers it and the
 * idempotent sweep carries on where it stopped.
 */
export async function scheduledSweep(event: PubSubEvent, publisher?: ShardPublisher): Promise<void> {
  const runId = newRunId();
  const request = runRequestOf(event);
  if (!request) {
    log('ERROR', 'scheduledSweep: unreadable message, acknowledged without running', { runId, eventId: event.id });
    return;
  }
  try {
    await sweepStep(runId, request, publisher);
  } catch (error) {
    if (error instanceof ConfigError)
      return log('ERROR', `scheduledSweep: ${error.message}`, { runId, eventId: event.id });
    // A control sheet without units would rewrite every statistic from nothing: logged, acknowledged, nothing written.
    if (error instanceof ControlRefusedError)
      return log(
        'ERROR',
        'scheduledSweep: the control sheet has no units; nothing was swept or written (run `tonghop plans check`)',
        { runId, eventId: event.id },
      );
    const store = error instanceof StoreUnavailableError;
    // Our store error names the fix; another error's message may quote a cell, so only its name is logged.
    const detail = store ? error.message : error instanceof Error ? error.name : 'unknown error';
    log('ERROR', `scheduledSweep failed, will be redelivered: ${detail}`, { runId, eventId: event.id });
    throw error;
  }
}

async function sweepStep(runId: string, request: RunRequest, publisher: ShardPublisher | undefined): Promise<void> {
  const rt = runtime();
  const district = await openInstanceDistrict(rt);
  const { shardTopic, shardAbove } = rt.config.functions;
  const fanOut = publisher ?? (shardTopic ? new PubSubShardPublisher(rt.config.projectId, shardTopic) : undefined);
  // The control sheet's problems: counted in the log (tab and row only), listed in the summary's "Lỗi dữ liệu" tab.
  const { result } = await sweepDistrict({
    district,
    request,
    now: new Date(),
    log,
    logFields: { runId },
    summaryCurrentDays: rt.config.summaryCurrentDays,
    ...(fanOut ? { publisher: fanOut } : {}),
    shardAbove,
  });
  const fields = { runId, step: request.step, shard: request.shard, kind: result.kind };
  if (result.kind === 'swept') logUnitFailures(runId, result.sweep.units);
  if (result.kind !== 'fanned-out')
    for (const { unitId } of result.summary?.feedback.refused ?? [])
      log('WARNING', 'scheduledSweep: unit sheet not given its feedback', { runId, unitId });
  if (result.kind === 'fanned-out') log('INFO', 'scheduledSweep fanned out', { ...fields, shards: result.shards });
  else if (result.kind === 'swept')
    log('INFO', 'scheduledSweep swept', {
      ...fields,
      unitsRead: result.sweep.totals.unitsRead,
      writes: result.sweep.totals.writes,
      statsWritten: result.summary?.statsWritten,
    });
  else
    log('INFO', 'scheduledSweep summarized', {
      ...fields,
      statsWritten: result.summary.statsWritten,
      summaryWritten: result.summary.summary?.written,
      unitsGivenFeedback: result.summary.feedback.unitsWritten,
      unitsGivenPlanTabs: result.summary.feedback.tabsAdded.length,
    });
}

const SWEPT_NORMALLY: ReadonlySet<string> = new Set(['read', 'unchanged', 'same-content', 'missing']);

/** One line per unit the sweep could not read (its id and outcome only: the message may quote its cells). */
function logUnitFailures(runId: string, units: readonly UnitSweepResult[]): void {
  for (const unit of units)
    if (!SWEPT_NORMALLY.has(unit.outcome))
      log('WARNING', 'scheduledSweep: unit not swept', { runId, unitId: unit.unitId, outcome: unit.outcome });
}

/** `scheduledNotices` (CloudEvent, e.g. 07:30 ICT): the reminder, due, overdue and escalation mails due now, and the digest. */
export async function scheduledNotices(event: PubSubEvent): Promise<void> {
  const runId = newRunId();
  const rt = runtime();
  const district = await openInstanceDistrict(rt);
  // Reminders of open plans; the digest lists the control sheet's problems, the log counts them.
  const { value } = await notifyDistrict(district, {
    config: rt.config,
    now: new Date(),
    dryRun: false,
    log,
    logFields: { runId },
  });
  const count = (result: string) => value.result.outcomes.filter((o) => o.result === result).length;
  log('INFO', 'scheduledNotices done', {
    runId,
    eventId: event.id,
    quiet: value.result.quiet,
    sent: count('sent'),
    failed: count('failed'),
    skipped: count('skipped'),
    digest: value.result.digest.result,
  });
}
