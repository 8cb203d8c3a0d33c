import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { AttachmentResult } from '../../domain/mailbox/mailbox-reply.js';
import { unitStandings, type FormStanding } from '../../domain/mailbox/unit-standings.js';
import type { SharedSource } from '../../domain/shared/shared-source.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import { ingestUnit } from '../ingest/ingest-unit.js';
import type { UnitScopeStore } from '../ingest/ports.js';
import type { SweepStore } from '../sweep/ports.js';
import type { IncomingAttachment, UnitFileDrop } from './ports.js';

export interface AttachmentIngestContext {
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  /** Forms taken from a shared sheet only: an emailed file's tab of one of them is not read (see ingestUnit). */
  readonly sharedSources?: readonly SharedSource[];
  readonly settings: DistrictSettings;
  readonly drop: UnitFileDrop;
  readonly sweepStore: SweepStore;
  readonly store: UnitScopeStore;
  readonly now: Date;
}

/**
 * Each workbook in turn as the unit's file, received at the message's time (one millisecond apart,
 * so two attachments of equal size never look like the same file). Only the tabs a file holds
 * count: a form whose tab it lacks keeps what was sent before and is not mentioned in the reply.
 * Repeating this after a crash writes nothing new: the same bytes at the same time are the same file.
 */
export async function ingestAttachments(
  unit: Unit,
  workbooks: readonly IncomingAttachment[],
  receivedAt: Date,
  ctx: AttachmentIngestContext,
): Promise<{
  readonly files: AttachmentResult[];
  readonly standings: FormStanding[];
  readonly rowsValid: number;
  readonly rowsRejected: number;
}> {
  const files: AttachmentResult[] = [];
  const formsRead = new Set<string>();
  let standings: FormStanding[] = [];
  let rowsValid = 0;
  let rowsRejected = 0;
  let placed = unit;
  for (const [index, file] of workbooks.entries()) {
    try {
      placed = await ctx.drop.place(placed, file.fileName, file.bytes, new Date(receivedAt.getTime() + index));
    } catch (error) {
      if (!(error instanceof SheetReadError)) throw error;
      files.push({ fileName: file.fileName, refused: error.message });
      continue;
    }
    const result = await ingestUnit({
      action: 'submit',
      unit: placed,
      units: ctx.units.map((u) => (u.id === placed.id ? placed : u)),
      forms: ctx.forms,
      ...(ctx.sharedSources ? { sharedSources: ctx.sharedSources } : {}),
      settings: ctx.settings,
      sheets: ctx.drop.sheets,
      sweepStore: ctx.sweepStore,
      store: ctx.store,
      now: ctx.now,
    });
    const state = await ctx.store.loadSourceState(unit.id);
    const read = new Set((state?.tabs ?? []).map((t) => t.formId));
    read.forEach((id) => formsRead.add(id));
    const swept = result.sweep.units[0];
    const counts = swept?.current.counts ?? { valid: 0, rejected: 0, nil: 0 };
    // A file holding none of the unit's forms hears about each missing tab; otherwise only the forms it holds count.
    const problems = (swept?.problems ?? [])
      .filter((p) => read.size === 0 || p.formId === undefined || read.has(p.formId))
      .map((p) => p.message);
    const tabOf = new Map(ctx.forms.map((f) => [f.id, f.tab]));
    const rowErrors = result.picture.submissions
      .filter((s) => read.has(s.formId))
      .flatMap((s) =>
        s.rejected.flatMap((row) =>
          row.errors.map((e) =>
            read.size > 1 ? `Trang '${tabOf.get(s.formId) ?? s.formId}': ${e.message}` : e.message,
          ),
        ),
      );
    files.push({ fileName: file.fileName, counts, problems, rowErrors });
    rowsValid += counts.valid;
    rowsRejected += counts.rejected;
    standings = unitStandings(result.picture, unit.id, formsRead);
  }
  return { files, standings, rowsValid, rowsRejected };
}
