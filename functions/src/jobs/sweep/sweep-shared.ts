import type { CompiledForm } from '../../domain/forms/compile-form.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { findTab } from '../../domain/forms/read-form-tab.js';
import { readSharedSheet, type SharedSheetReading } from '../../domain/shared/read-shared-sheet.js';
import { sharedSheetFeedback } from '../../domain/shared/shared-feedback.js';
import type { SharedSource } from '../../domain/shared/shared-source.js';
import { sameOrigin, type SourceOrigin } from '../../domain/sources/source-origin.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { emptySubmission, hashContent, type SubmissionContent } from '../../domain/submissions/build-submissions.js';
import { deadlineInstant } from '../../domain/time/ict.js';
import type { Unit } from '../../domain/units/unit.js';
import type { FeedbackTarget } from '../summarize/ports.js';
import { sameFingerprint } from './fingerprint.js';
import { referencedSourcesFirst, referencedSubmissionHashes, sharedSheetRules } from './shared-sheet-rules.js';
import type { SourceFingerprint, SourceState, SweepStore, UnitProblem, UnitSheetSource } from './ports.js';
import { READER_VERSION, type UnitSweepResult } from './sweep-unit.js';
import { parseSubmissionId } from '../../domain/ids/document-ids.js';

export interface SharedSweepInput {
  readonly sources: readonly SharedSource[];
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  /** Every plan, for the rules across forms (a form a shared sheet refers to may be collected elsewhere); defaults to `forms`. */
  readonly ruleForms?: readonly FormSpec[];
  readonly compiled: ReadonlyMap<string, CompiledForm>;
  readonly planVersions: ReadonlyMap<string, string>;
  /** An adapter instance of its own: it is prepared with the shared tabs, not the units'. */
  readonly sheets: UnitSheetSource & FeedbackTarget;
  readonly store: SweepStore;
  readonly previous: ReadonlyMap<string, SourceState>;
  readonly now: Date;
}

/**
 * Sweep each shared responses sheet: route its rows to their units, store each unit's submissions
 * (timed by the rows' own time), and write every row's status back into the sheet. A source keeps
 * its own stored state ('nguon-chung-{form}'), so the units' own files are never touched by it.
 */
export async function sweepSharedSources(input: SharedSweepInput): Promise<UnitSweepResult[]> {
  const results: UnitSweepResult[] = [];
  // The sources as they stand now: a sheet swept earlier in this run (a shared registration) is seen by the
  // ones after it (a shared evaluation) in the same run, not one sweep late.
  const current = new Map(input.previous);
  for (const source of referencedSourcesFirst(input.sources, input.forms)) {
    const form = input.compiled.get(source.formId);
    const spec = input.forms.find((f) => f.id === source.formId);
    if (!form || !spec) continue;
    const swept = await sweepOneShared(source, spec, form, input, current);
    current.set(source.id, swept.state);
    results.push(swept.result);
  }
  return results;
}

/** One shared source's outcome, and its source state after it (stored, or as it was). */
interface SweptShared {
  readonly result: UnitSweepResult;
  readonly state: SourceState;
}

async function sweepOneShared(
  source: SharedSource,
  spec: FormSpec,
  form: CompiledForm,
  input: SharedSweepInput,
  current: ReadonlyMap<string, SourceState>,
): Promise<SweptShared> {
  const previous = input.previous.get(source.id);
  const holder = holderOf(source, spec);
  // The registry is part of the reading: a new alias or unit may route rows differently.
  // So are the rows its rules refer to (a member registered later makes an evaluation row acceptable),
  // as stored now: a referenced sheet swept earlier in this run counts with what it just stored.
  const referenced = referencedSubmissionHashes(spec, current);
  const specsHash = hashContent({
    READER_VERSION,
    spec,
    source: { ...source, rowNumber: 0 },
    units: input.units.map((u) => [u.id, u.name, u.aliases ?? [], u.type, u.level, u.cluster]),
    ...(referenced ? { referenced } : {}),
  });
  const origin: SourceOrigin = { kind: 'shared', file: source.file };
  const base = {
    unitId: source.id,
    specsHash,
    submissionHashes: previous?.submissionHashes ?? {},
    counts: previous?.counts ?? { read: 0, valid: 0, rejected: 0, nil: 0 },
    tabs: previous?.tabs ?? [],
    origin,
  };
  const notRead = async (status: 'missing' | 'unreadable', message: string): Promise<SweptShared> => {
    if (previous?.status === status && previous.specsHash === specsHash && previous.problems[0]?.message === message)
      return result(source, 'unchanged', previous);
    const state: SourceState = {
      ...base,
      status,
      fingerprint: null,
      contentHash: null,
      problems: [{ formId: spec.id, severity: 'error', message }],
    };
    return result(source, status, state, await input.store.saveSourceState(state));
  };

  let fingerprint: SourceFingerprint | null;
  let reading: SharedSheetReading;
  let contentHash: string;
  try {
    await input.sheets.prepare?.({ units: [holder], forms: [{ ...sheetFormOf(spec), tab: source.tab }] });
    fingerprint = await input.sheets.fingerprint(holder);
    if (!fingerprint)
      return await notRead(
        'missing',
        `Chưa có bảng chung '${source.file}' của biểu mẫu '${spec.title}' (trang 'Nguồn dữ liệu', dòng ${source.rowNumber}). Hãy đặt tệp vào thư mục đơn vị hoặc sửa tên tệp/mã bảng tính.`,
      );
    if (
      previous?.status === 'ok' &&
      previous.specsHash === specsHash &&
      sameFingerprint(previous.fingerprint, fingerprint)
    ) {
      if (sameOrigin(previous.origin, origin)) return result(source, 'unchanged', previous);
      // A state stored before origins were recorded learns it once: one write, no read.
      return result(
        source,
        'unchanged',
        { ...previous, origin },
        await input.store.saveSourceState({ ...previous, origin }),
      );
    }
    const opened = await input.sheets.open(holder);
    contentHash = opened.contentHash;
    if (previous?.status === 'ok' && previous.contentHash === contentHash && previous.specsHash === specsHash) {
      const state: SourceState = { ...previous, fingerprint, origin };
      return result(source, 'same-content', state, await input.store.saveSourceState(state));
    }
    const tab = findTab(await opened.readTabs(), source.tab);
    if (!tab)
      return await notRead(
        'unreadable',
        `Bảng chung '${source.file}' không có trang '${source.tab}'. Hãy sửa cột 'Trang tính' ở trang 'Nguồn dữ liệu' (dòng ${source.rowNumber}) của bảng điều khiển.`,
      );
    const rules = await sharedSheetRules(tab, source, spec, input.units, input.ruleForms ?? input.forms, input.store);
    reading = readSharedSheet(tab, source, form, input.units, rules);
  } catch (error) {
    if (error instanceof SheetReadError) return notRead('unreadable', error.message);
    throw error;
  }

  const fileTime = new Date(Math.min(fingerprint.modifiedAt.getTime(), input.now.getTime()));
  const known = previous?.submissionHashes ?? {};
  const ids = new Set(reading.submissions.map((s) => s.id));
  // Rows of a unit gone from the sheet: its submission becomes an empty revision, never deleted.
  const emptied = Object.keys(known)
    .filter((id) => !ids.has(id))
    .flatMap((id) => {
      const key = parseSubmissionId(id);
      return key ? [emptySubmission(spec, key.unitId, key.periodId)] : [];
    });
  const changed = [...reading.submissions.filter((s) => known[s.id] !== s.contentHash), ...emptied];
  const problems: UnitProblem[] = [
    ...reading.problems,
    ...reading.unrouted.map((r) => ({ severity: 'error' as const, message: r.message })),
  ].map((p) => ({ ...p, formId: spec.id }));
  const finalHashes = Object.fromEntries(
    reading.submissions.map((s) => [s.id, s.contentHash] as const).sort(([a], [b]) => a.localeCompare(b)),
  );
  const tabs =
    reading.headerRowNumber === undefined
      ? []
      : [{ formId: spec.id, tab: source.tab, headerRowNumber: reading.headerRowNumber }];
  const finalState: SourceState = {
    ...base,
    status: 'ok',
    fingerprint,
    contentHash,
    problems,
    submissionHashes: finalHashes,
    counts: reading.counts,
    tabs,
  };

  // One commit per unit (a transaction stays small whatever the district's size). Until the last one, the
  // stored state forgets the fingerprint, so a sweep dying half-way reads the sheet again and misses nothing.
  const byUnit = groupBy(changed, (s) => s.unitId);
  const committedHashes: Record<string, string> = { ...known };
  let submissionsWritten = 0;
  let writes = 0;
  for (const [index, submissions] of byUnit.entries()) {
    for (const s of submissions) {
      if (ids.has(s.id)) committedHashes[s.id] = s.contentHash;
      else delete committedHashes[s.id];
    }
    const last = index === byUnit.length - 1;
    const state: SourceState = last
      ? finalState
      : { ...finalState, fingerprint: null, contentHash: null, submissionHashes: { ...committedHashes } };
    const changedAtById = new Map(submissions.map((s) => [s.id, rowsTime(s, reading.timestamps) ?? fileTime]));
    const changedAt = new Date(Math.max(...[...changedAtById.values()].map((d) => d.getTime())));
    const committed = await input.store.commitUnit({
      unitId: source.id,
      state,
      submissions,
      changedAt,
      changedAtById,
      lockedFormIds: new Set(spec.lockAfter && changedAt > deadlineInstant(spec.lockAfter) ? [spec.id] : []),
      sweptAt: input.now,
      sourceName: source.file,
      planVersions: input.planVersions,
    });
    submissionsWritten += committed.submissionsWritten;
    writes += committed.writes;
  }
  if (byUnit.length === 0) writes += (await input.store.saveSourceState(finalState)).writes;

  const feedback = sharedSheetFeedback(
    source,
    {
      headerRowNumber: reading.headerRowNumber ?? 1,
      submissions: reading.submissions,
      unrouted: reading.unrouted,
      footerRows: reading.footerRows,
    },
    input.units,
    fileTime,
  );
  let state = finalState;
  if (reading.headerRowNumber !== undefined) {
    const written = await input.sheets.write(holder, feedback, fingerprint);
    if (written.outcome === 'written')
      state = { ...finalState, fingerprint: written.fingerprint, contentHash: written.contentHash };
    if (written.outcome === 'refused')
      state = {
        ...finalState,
        problems: [...problems, { formId: spec.id, severity: 'warning', message: written.message }],
      };
    if (state !== finalState) writes += (await input.store.saveSourceState(state)).writes;
  }
  const counts = reading.counts;
  const read = result(source, 'read', state, { submissionsWritten, writes });
  return {
    state,
    result: { ...read.result, rowsRead: counts.read, rowsValid: counts.valid, rowsRejected: counts.rejected },
  };
}

/** A submission's time: the latest own time of its rows (a row sent later revises it); undefined when none has one. */
function rowsTime(s: SubmissionContent, timestamps: ReadonlyMap<number, Date>): Date | undefined {
  const times = [...s.rows.map((r) => r.rowNumber), ...s.rejected.map((r) => r.rowNumber), ...s.nilRows].flatMap(
    (n) => timestamps.get(n)?.getTime() ?? [],
  );
  return times.length ? new Date(Math.max(...times)) : undefined;
}

/** The form as its shared sheet holds it: addressed to the holder even when the district fills it, so adapters read its tab. */
function sheetFormOf(spec: FormSpec): FormSpec {
  const { filledBy, ...rest } = spec;
  return filledBy === undefined ? spec : rest;
}

/** The shared sheet seen as a sheet the adapters can read and write: a stand-in unit the form targets. */
function holderOf(source: SharedSource, spec: FormSpec): Unit {
  const { unitTypes, levels, clusters } = spec.targets;
  return {
    id: source.id,
    name: `bảng chung '${source.file}'`,
    type: unitTypes[0] ?? 'lien-doi',
    level: levels[0] ?? '',
    cluster: clusters[0] ?? '',
    contacts: [],
    source: source.file,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

function result(
  source: SharedSource,
  outcome: UnitSweepResult['outcome'],
  state: SourceState,
  written = { submissionsWritten: 0, writes: 0 },
): SweptShared {
  return {
    state,
    result: {
      unitId: source.id,
      outcome,
      rowsRead: 0,
      rowsValid: 0,
      rowsRejected: 0,
      ...written,
      problems: state.problems,
      current: { status: state.status, counts: state.counts },
    },
  };
}
