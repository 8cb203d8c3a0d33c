import { compileForm, type CompiledForm } from '../../domain/forms/compile-form.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { findTab, readFormTab, type SheetTab, type TabReading } from '../../domain/forms/read-form-tab.js';
import { findRenamedTabs, renamedTabMessage } from '../../domain/forms/renamed-tabs.js';
import { OWN_TABS } from '../../domain/sheets/own-tabs.js';
import { decideUnitRead, type SheetEvidence } from '../../domain/sheets/decide-unit-read.js';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { deadlineInstant } from '../../domain/time/ict.js';
import { emptySubmission, type SubmissionContent } from '../../domain/submissions/build-submissions.js';
import { MAX_SUBMISSION_BYTES, submissionContentSize } from '../../domain/submissions/submission-size.js';
import { formatVietnameseNumber } from '../../domain/cells/number-format.js';
import { periodLabel } from '../../domain/periods/period-id.js';
import { formsForUnit } from '../../domain/units/targets.js';
import type { Unit } from '../../domain/units/unit.js';
import { originAfterRead, sameOrigin, type SourceOrigin } from '../../domain/sources/source-origin.js';
import { sameFingerprint } from './fingerprint.js';
import { unitSpecsHash } from './specs-hash.js';
import { holdExplicitDrafts } from './explicit-forms.js';
import { submissionsWithRules } from './referenced-rows.js';
import type {
  SourceFingerprint,
  SourceState,
  SourceTab,
  SubmitRequest,
  SweepStore,
  UnitProblem,
  UnitSheetSource,
} from './ports.js';
import { parseSubmissionId } from '../../domain/ids/document-ids.js';

/**
 * Bump when parsing or validation changes meaning, so every sheet is read again once.
 * 5: a once plan's period id became 'mot-lan' (it was the plan's due date).
 * 6: 'Không trùng' is checked within each period of a unit's own sheet (it was only checked in shared sheets).
 * 7: 'Phải có trong' names the other form's refused row, and checks nothing against a form the unit never sent.
 * 8: 'Đủ khi có mọi dòng của' is never met when the covered form was not sent or has no valid row (it was: 0 uncovered).
 */
export const READER_VERSION = 8;

export type UnitOutcome = 'read' | 'unchanged' | 'same-content' | 'missing' | 'unreadable';

/** What one unit's sweep did. */
export interface UnitSweepResult {
  readonly unitId: string;
  readonly outcome: UnitOutcome;
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsRejected: number;
  readonly submissionsWritten: number;
  readonly writes: number;
  readonly problems: readonly UnitProblem[];
  /** Where the unit stands after this sweep, whether or not it was read now. */
  readonly current: Pick<SourceState, 'status' | 'counts'>;
}

export interface UnitSweepContext {
  readonly forms: readonly FormSpec[];
  /** Every plan, for the rules across forms; defaults to `forms`. */
  readonly ruleForms?: readonly FormSpec[];
  readonly compiled: ReadonlyMap<string, CompiledForm>;
  /** Each form's current plan version, formId → hash. */
  readonly planVersions: ReadonlyMap<string, string>;
  /** Every registered unit: who fills a plan parents fill, and which units its rows may name. */
  readonly registry: readonly Unit[];
  readonly source: UnitSheetSource;
  readonly store: SweepStore;
  readonly previous: SourceState | undefined;
  readonly now: Date;
  /** The unit asked to submit its "Bấm nộp" forms now: the sheet is read even when unchanged. */
  readonly submit?: SubmitRequest;
  /** The unit's stored submissions of forms collected elsewhere that its forms refer to (hashesReferencedElsewhere). */
  readonly referencedElsewhere?: readonly string[];
}

/** Compile each form once for a whole sweep. */
export function compileForms(forms: readonly FormSpec[]): Map<string, CompiledForm> {
  return new Map(forms.map((form) => [form.id, compileForm(form)]));
}

/** Sweep one unit: skip it when nothing changed, otherwise read, validate and commit its submissions. */
export async function sweepUnit(unit: Unit, ctx: UnitSweepContext): Promise<UnitSweepResult> {
  const { previous } = ctx;
  const forms = formsForUnit(ctx.forms, unit, ctx.registry);
  const children = forms.some((f) => f.filledBy === 'parent') ? childrenOf(unit, ctx.registry) : undefined;
  const specsHash = unitSpecsHash(READER_VERSION, forms, unit.source, ctx.referencedElsewhere, children);
  const base = {
    unitId: unit.id,
    specsHash,
    submissionHashes: previous?.submissionHashes ?? {},
    counts: previous?.counts ?? { read: 0, valid: 0, rejected: 0, nil: 0 },
    tabs: previous?.tabs ?? [],
    ...(previous?.explicit ? { explicit: previous.explicit } : {}),
  };
  const decide = (evidence: SheetEvidence) =>
    decideUnitRead({
      evidence,
      specsHash,
      submitRequested: ctx.submit !== undefined,
      previous: previous && { ...previous, firstProblem: previous.problems[0]?.message },
    });
  const unreadable = async (
    error: SheetReadError,
    fingerprint: SourceFingerprint | null,
    contentHash: string | null,
  ) => {
    const problems = [{ severity: 'error' as const, message: error.message }];
    if (
      previous &&
      decide({ kind: 'unreadable', problem: error.message, fileKnown: fingerprint !== null }) === 'unchanged'
    )
      return result(unit, 'unchanged', previous);
    const state: SourceState = {
      ...base,
      status: 'unreadable',
      fingerprint,
      contentHash,
      problems,
      ...originOf(ctx, unit, fingerprint),
    };
    return result(unit, 'unreadable', state, await ctx.store.saveSourceState(state));
  };

  let fingerprint: SourceFingerprint | null;
  try {
    fingerprint = await ctx.source.fingerprint(unit);
  } catch (error) {
    if (error instanceof SheetReadError) return unreadable(error, null, null);
    throw error;
  }

  if (!fingerprint) {
    const problems = [
      { severity: 'error' as const, message: `Chưa nhận được tệp báo cáo '${unit.source}' của đơn vị.` },
    ];
    if (previous && decide({ kind: 'absent' }) === 'unchanged') return result(unit, 'unchanged', previous);
    const state: SourceState = { ...base, status: 'missing', fingerprint: null, contentHash: null, problems };
    return result(unit, 'missing', state, await ctx.store.saveSourceState(state));
  }
  const { origin } = originOf(ctx, unit, fingerprint);
  if (
    previous &&
    decide({ kind: 'fingerprint', sameAsBefore: sameFingerprint(previous.fingerprint, fingerprint) }) === 'unchanged'
  ) {
    // A state stored before origins were recorded (or a file whose kind changed under the same fingerprint) learns it once: one write, no read.
    if (origin && !sameOrigin(previous.origin, origin)) {
      const state: SourceState = { ...previous, origin };
      return result(unit, 'unchanged', state, await ctx.store.saveSourceState(state));
    }
    return result(unit, 'unchanged', previous);
  }

  let tabs: SheetTab[];
  let contentHash: string | null = null;
  try {
    const opened = await ctx.source.open(unit);
    contentHash = opened.contentHash;
    if (previous && decide({ kind: 'content', contentHash }) === 'same-content') {
      // Touched but identical (e.g. saved again without edits): remember the new fingerprint only.
      const state: SourceState = { ...previous, fingerprint, ...(origin ? { origin } : {}) };
      return result(unit, 'same-content', state, await ctx.store.saveSourceState(state));
    }
    tabs = await opened.readTabs();
  } catch (error) {
    if (!(error instanceof SheetReadError)) throw error;
    // A broken file stays broken until it changes; a missing right or a deleted spreadsheet is tried again next sweep.
    const contentProblem = error.failure === 'corrupt' || error.failure === 'too-large';
    return contentProblem ? unreadable(error, fingerprint, contentHash) : unreadable(error, null, null);
  }

  const known = previous?.submissionHashes ?? {};
  const formsSentBefore = new Set(Object.keys(known).map(formIdOf));
  const reading = readUnitTabs(unit, forms, ctx.compiled, tabs, formsSentBefore, [
    ...ctx.forms.map((f) => f.tab),
    ...OWN_TABS,
  ]);
  const { rowsRead } = reading;
  const readSubmissions = await submissionsWithRules(
    unit,
    forms,
    ctx.ruleForms ?? ctx.forms,
    reading.readings,
    ctx.store,
    ctx.registry,
  );
  const counts = countRows(readSubmissions);
  if (counts.read !== rowsRead) {
    throw new Error(`Row conservation violated for unit ${unit.id}: read ${rowsRead}, stored ${counts.read}`);
  }
  const changedAt = new Date(Math.min(fingerprint.modifiedAt.getTime(), ctx.now.getTime()));
  // "Bấm nộp" forms not submitted now are drafts: their rows are counted above but not committed.
  const held = holdExplicitDrafts({
    forms,
    tabs,
    submissions: readSubmissions,
    sourceTabs: reading.sourceTabs,
    known,
    previous: previous?.explicit,
    request: ctx.submit,
    signalCells: ctx.source.signalCells === true,
    editedAt: changedAt,
  });
  const { sourceTabs } = held;
  // A submission too large for one document is refused as a whole (its last stored version stays): the unit is told why.
  const oversized = held.submissions.filter((s) => submissionContentSize(s) > MAX_SUBMISSION_BYTES);
  const submissions = held.submissions.filter((s) => !oversized.includes(s));
  const problems = [...reading.problems, ...oversized.map((s) => oversizedProblem(unit, forms, s))];
  const ids = new Set(held.submissions.map((s) => s.id));
  // A file without a form's tab (or whose header cannot be found) says nothing about that form: what was sent before stays.
  // Only a tab that is present and read can empty a report (its rows cleared).
  const formsRead = new Set(sourceTabs.map((t) => t.formId).filter((id) => !held.heldFormIds.has(id)));
  const emptied = Object.keys(known)
    .filter((id) => !ids.has(id) && formsRead.has(formIdOf(id)))
    .flatMap((id) => emptiedSubmission(id, unit, forms));
  const keptFromEarlier = Object.entries(known).filter(([id]) => !formsRead.has(formIdOf(id)));
  // Only what differs from the last reading is committed: cost follows what changed, not the sheet's size.
  const changed = [...submissions.filter((s) => known[s.id] !== s.contentHash), ...emptied];
  // A submission through the menu counts from the moment it was asked for, not from the last edit.
  const stampedAt = ctx.submit?.at ?? changedAt;
  const lockedFormIds = new Set(
    forms.filter((f) => f.lockAfter && stampedAt > deadlineInstant(f.lockAfter)).map((f) => f.id),
  );
  const submissionHashes = Object.fromEntries(
    [...keptFromEarlier, ...submissions.map((s) => [s.id, s.contentHash] as const)].sort(([a], [b]) =>
      a.localeCompare(b),
    ),
  );
  // Replaces what base carried over: a form no longer 'Bấm nộp' leaves nothing behind.
  const explicit = { explicit: Object.keys(held.explicit).length > 0 ? held.explicit : undefined };
  const state: SourceState = {
    ...base,
    status: 'ok',
    fingerprint,
    contentHash,
    problems,
    submissionHashes,
    counts,
    tabs: sourceTabs,
    ...explicit,
    ...(origin ? { origin } : {}),
  };
  const committed = await ctx.store.commitUnit({
    unitId: unit.id,
    state,
    submissions: changed,
    changedAt: stampedAt,
    lockedFormIds,
    sweptAt: ctx.now,
    sourceName: unit.source,
    planVersions: ctx.planVersions,
    // A cold sweep's units: nothing to read before writing (the store checks, and reads when one is there after all).
    firstSubmissions: changed.every((s) => known[s.id] === undefined),
  });
  return {
    ...result(unit, 'read', state, committed),
    rowsRead: counts.read,
    rowsValid: counts.valid,
    rowsRejected: counts.rejected,
  };
}

/**
 * Where the unit's data comes from, as its source reports it (a mailed file stays 'mailbox' until replaced);
 * nothing when the source does not say, or before a file was found (a kind would be a guess).
 */
function originOf(ctx: UnitSweepContext, unit: Unit, fingerprint: SourceFingerprint | null): { origin?: SourceOrigin } {
  const kind = ctx.source.sourceKind?.(unit);
  if (!kind || !fingerprint) return {};
  const sameFile = sameFingerprint(ctx.previous?.fingerprint ?? null, fingerprint);
  return { origin: originAfterRead({ kind, file: unit.source }, ctx.previous?.origin, sameFile) };
}

/** `reservedTabs`: every form's tab name and the system's own tabs, never read as a renamed tab. */
function readUnitTabs(
  unit: Unit,
  forms: readonly FormSpec[],
  compiled: ReadonlyMap<string, CompiledForm>,
  tabs: readonly SheetTab[],
  formsSentBefore: ReadonlySet<string>,
  reservedTabs: readonly string[],
) {
  const readings = new Map<string, TabReading>();
  const problems: UnitProblem[] = [];
  const sourceTabs: SourceTab[] = [];
  // A tab the unit renamed ("Sheet1") is read as the absent form's tab when its header row is that form's.
  const renamed = findRenamedTabs(forms, tabs, reservedTabs);
  let rowsRead = 0;
  for (const spec of forms) {
    const form = compiled.get(spec.id);
    const tab = findTab(tabs, spec.tab) ?? renamed.get(spec.id);
    if (!form) throw new Error(`Form ${spec.id} was not compiled`);
    if (!tab) {
      problems.push(missingTabProblem(unit, spec, formsSentBefore.has(spec.id)));
      continue;
    }
    if (renamed.get(spec.id) === tab)
      problems.push({ formId: spec.id, severity: 'warning', message: renamedTabMessage(tab.name, spec) });
    const reading = readFormTab(form, tab);
    rowsRead += reading.rowsRead;
    if (reading.headerRowNumber !== undefined) {
      sourceTabs.push({
        formId: spec.id,
        tab: tab.name,
        headerRowNumber: reading.headerRowNumber,
        ...(reading.footer.length ? { footerRows: reading.footer } : {}),
      });
    }
    problems.push(...reading.problems.map((p) => ({ ...p, formId: spec.id })));
    readings.set(spec.id, reading);
  }
  return { readings, problems, rowsRead, sourceTabs };
}

/** A tab absent from the file: a warning when the unit sent that form before (kept as it was), else an error. */
function missingTabProblem(unit: Unit, spec: FormSpec, sentBefore: boolean): UnitProblem {
  if (sentBefore) {
    return {
      formId: spec.id,
      severity: 'warning',
      message: `Tệp '${unit.source}' lần này không có trang '${spec.tab}': báo cáo đã gửi trước đó của trang này được giữ nguyên. Muốn hủy báo cáo, hãy giữ trang và xóa các dòng số liệu.`,
    };
  }
  return {
    formId: spec.id,
    severity: 'error',
    message: `Tệp '${unit.source}' chưa có trang '${spec.tab}' (${spec.title}). Hãy thêm trang theo biểu mẫu, giữ nguyên tên trang.`,
  };
}

/** The units directly under a unit, by id: what its rows of a plan parents fill are checked against. */
function childrenOf(unit: Unit, registry: readonly Unit[]): Unit[] {
  return registry.filter((u) => u.parent === unit.id).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The form of a submission id. */
function formIdOf(submissionId: string): string {
  return parseSubmissionId(submissionId)?.formId ?? '';
}

/** A period the unit had sent before but whose rows are gone now: stored as an empty revision, never deleted. */
function emptiedSubmission(id: string, unit: Unit, forms: readonly FormSpec[]): SubmissionContent[] {
  const key = parseSubmissionId(id);
  const spec = forms.find((f) => f.id === key?.formId);
  return spec && key ? [emptySubmission(spec, unit.id, key.periodId)] : [];
}

function oversizedProblem(unit: Unit, forms: readonly FormSpec[], content: SubmissionContent): UnitProblem {
  const spec = forms.find((f) => f.id === content.formId);
  const what = spec ? `'${spec.tab}' (${periodLabel(spec, content.periodId)})` : `'${content.formId}'`;
  const size = formatVietnameseNumber(Math.ceil(submissionContentSize(content) / 1024));
  return {
    formId: content.formId,
    severity: 'error',
    message: `Trang ${what} trong tệp '${unit.source}' quá lớn để lưu (${size} KB, giới hạn ${formatVietnameseNumber(MAX_SUBMISSION_BYTES / 1000)} KB): ${formatVietnameseNumber(content.counts.read)} dòng của kỳ này chưa được ghi nhận. Hãy rút gọn các ô ghi chú dài hoặc xóa dòng thừa rồi gửi lại.`,
  };
}

function countRows(submissions: readonly SubmissionContent[]) {
  return submissions.reduce(
    (sum, s) => ({
      read: sum.read + s.counts.read,
      valid: sum.valid + s.counts.valid,
      rejected: sum.rejected + s.counts.rejected,
      nil: sum.nil + s.counts.nil,
    }),
    { read: 0, valid: 0, rejected: 0, nil: 0 },
  );
}

function result(
  unit: Unit,
  outcome: UnitOutcome,
  state: SourceState,
  written = { submissionsWritten: 0, writes: 0 },
): UnitSweepResult {
  const current = { status: state.status, counts: state.counts };
  return {
    unitId: unit.id,
    outcome,
    rowsRead: 0,
    rowsValid: 0,
    rowsRejected: 0,
    ...written,
    problems: state.problems,
    current,
  };
}
