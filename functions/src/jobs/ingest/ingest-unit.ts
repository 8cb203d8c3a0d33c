import { sheetEventReply, type SheetEventAction } from '../../domain/feedback/sheet-event-reply.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import type { NoticeLedger } from '../notify/ports.js';
import { summarize } from '../summarize/summarize.js';
import type { FeedbackTarget, SummaryStore } from '../summarize/ports.js';
import type { SweepStore, UnitSheetSource } from '../sweep/ports.js';
import { sweep, type SweepResult } from '../sweep/sweep.js';

export interface IngestUnitInput {
  readonly action: SheetEventAction;
  readonly unit: Unit;
  /** The whole registry: statistics need every expected unit. */
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  readonly settings: DistrictSettings;
  readonly sheets: UnitSheetSource & FeedbackTarget;
  readonly sweepStore: SweepStore;
  readonly summaryStore: SummaryStore;
  readonly notices?: Pick<NoticeLedger, 'load'>;
  readonly now: Date;
}

export interface IngestUnitResult {
  readonly sweep: SweepResult;
  /** The Vietnamese answer for the unit's spreadsheet. */
  readonly reply: { readonly ok: boolean; readonly message: string };
}

/**
 * One unit, now (its spreadsheet called the webhook): sweep its sheet, refresh the statistics,
 * write its row statuses back, and answer in a sentence. The district summary is left to the
 * scheduled run, so a unit typing all afternoon does not rewrite it at every edit.
 */
export async function ingestUnit(input: IngestUnitInput): Promise<IngestUnitResult> {
  const { unit, now } = input;
  const swept = await sweep({ units: [unit], forms: input.forms, source: input.sheets, store: input.sweepStore, now });
  const summary = await summarize({
    settings: input.settings,
    units: input.units,
    forms: input.forms,
    store: input.summaryStore,
    feedback: input.sheets,
    feedbackFor: new Set([unit.id]),
    ...(input.notices ? { notices: input.notices } : {}),
    now,
  });
  const result = swept.units[0];
  const problems = (result?.problems ?? []).filter((p) => p.severity === 'error').map((p) => p.message);
  const counts = result?.current.counts ?? { valid: 0, rejected: 0, nil: 0 };
  return { sweep: swept, reply: sheetEventReply({ action: input.action, unitId: unit.id, counts, problems }, summary.picture) };
}
