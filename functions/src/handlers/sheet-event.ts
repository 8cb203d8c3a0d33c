import type { Request, Response } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { FirestoreReplayGuard } from '../adapters/store/firestore-replay-guard.js';
import { FirestoreUnitCallLimiter } from '../adapters/store/firestore-unit-call-limiter.js';
import { StoreUnavailableError } from '../adapters/store/store-errors.js';
import { logControlProblems } from '../app/log-control-problems.js';
import { ConfigError } from '../config.js';
import { SHEET_EVENT_ACTIONS } from '../domain/feedback/sheet-event-reply.js';
import {
  checkSheetEventSignature,
  SIGNATURE_HEADER,
  SIGNATURE_WINDOW_SECONDS,
  TIMESTAMP_HEADER,
  unitWebhookSecret,
} from '../domain/webhook/sheet-event-signature.js';
import { ingestUnit } from '../jobs/ingest/ingest-unit.js';
import { MAX_BODY_BYTES } from './body-limit.js';
import { log } from './log.js';
import { REFUSALS, tooSoonMessage } from './refusals.js';
import { newRunId } from './run-id.js';
import { openInstanceDistrict, runtime } from './runtime.js';

const bodySchema = z.object({
  action: z.enum(SHEET_EVENT_ACTIONS),
  spreadsheetId: z.string().min(1).max(300),
  unitId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80),
  sheet: z.string().max(200).nullable().optional(),
  sentAt: z.string().max(40).optional(),
});

/**
 * `sheetEvent` (HTTP): a unit's spreadsheet reports an edit, asks for a check, or submits.
 * Parses, authenticates (HMAC over timestamp + raw body with the unit's derived secret, ±5 minutes,
 * each signature once), checks that the spreadsheet is the unit's registered one, then ingests
 * that unit now and answers with a short Vietnamese summary for the toast.
 */
export async function sheetEvent(req: Request, res: Response, now: () => Date = () => new Date()): Promise<void> {
  const runId = newRunId();
  const refuse = (status: number, message: string, reason: string, unitId?: string) => {
    log(status >= 500 ? 'ERROR' : 'WARNING', `sheetEvent refused: ${reason}`, {
      runId,
      status,
      ...(unitId ? { unitId } : {}),
    });
    res.status(status).json({ ok: false, message });
  };
  if (req.method !== 'POST') return refuse(405, REFUSALS.method, 'method');
  const raw = req.rawBody ?? Buffer.alloc(0);
  if (Number(req.get('content-length') ?? 0) > MAX_BODY_BYTES || raw.length > MAX_BODY_BYTES)
    return refuse(413, REFUSALS.tooLarge, 'body too large');
  const body = parseBody(raw);
  if (!body) return refuse(400, REFUSALS.malformed, 'malformed body');

  try {
    const rt = runtime();
    const key = rt.config.functions.webhookKey;
    if (!key) return refuse(503, REFUSALS.notConfigured, 'TONGHOP_WEBHOOK_KEY is not set');
    const at = now();
    const signature = req.get(SIGNATURE_HEADER);
    const check = checkSheetEventSignature({
      secret: unitWebhookSecret(key, body.unitId),
      timestamp: req.get(TIMESTAMP_HEADER),
      signature,
      rawBody: raw,
      now: at,
    });
    if (!check.ok) return refuse(401, REFUSALS.signature, `signature ${check.reason}`, body.unitId);
    const fresh = await new FirestoreReplayGuard(rt.db).claim(
      signature ?? '',
      new Date(at.getTime() + 2 * SIGNATURE_WINDOW_SECONDS * 1000),
    );
    if (!fresh) return refuse(401, REFUSALS.replayed, 'signature replayed', body.unitId);
    // Only after the signature: an unsigned caller cannot use up a unit's turn.
    const turn = await new FirestoreUnitCallLimiter(rt.db, rt.config.functions.webhookMinIntervalSeconds).claim(
      body.unitId,
      at,
    );
    if (!turn.admitted) {
      res.set('retry-after', String(turn.retryAfterSeconds));
      return refuse(
        429,
        tooSoonMessage(turn.retryAfterSeconds),
        'unit called again within TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS',
        body.unitId,
      );
    }

    const district = await openInstanceDistrict(rt);
    // Counted once per reading of the control sheet, not at every call while it is cached.
    if (!district.controlCached) logControlProblems(log, district.problems, { runId });
    const unit = district.control.units.find((u) => u.id === body.unitId);
    if (!unit) return refuse(403, REFUSALS.unregistered, 'unit not in the registry', body.unitId);
    if (unit.source !== body.spreadsheetId)
      return refuse(403, REFUSALS.otherSheet, "spreadsheet is not the unit's", body.unitId);

    const result = await ingestUnit({
      action: body.action,
      unit,
      units: district.control.units,
      forms: district.forms,
      sharedSources: district.control.sharedSources ?? [],
      settings: district.control.settings,
      sheets: district.sheets.units,
      sweepStore: district.stores.sweep,
      store: district.stores.summary,
      now: at,
    });
    const totals = result.sweep.totals;
    log('INFO', 'sheetEvent ingested', {
      runId,
      unitId: unit.id,
      action: body.action,
      controlCached: district.controlCached,
      rowsValid: totals.rowsValid,
      rowsRejected: totals.rowsRejected,
      writes: totals.writes,
      statsComputed: result.statsComputed,
      statsWritten: result.statsWritten,
    });
    res.status(200).json(result.reply);
  } catch (error) {
    if (error instanceof ConfigError) return refuse(503, REFUSALS.notConfigured, error.message);
    if (error instanceof StoreUnavailableError) return refuse(503, REFUSALS.failed, error.message, body.unitId);
    log('ERROR', `sheetEvent failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, {
      runId,
      unitId: body.unitId,
    });
    res.status(500).json({ ok: false, message: REFUSALS.failed });
  }
}

function parseBody(raw: Buffer): z.infer<typeof bodySchema> | undefined {
  try {
    const parsed = bodySchema.safeParse(JSON.parse(raw.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
