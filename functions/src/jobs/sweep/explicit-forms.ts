import { submissionRowStatuses } from '../../domain/feedback/build-unit-feedback.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { findTab, type SheetTab } from '../../domain/forms/read-form-tab.js';
import { findSubmitSignal } from '../../domain/forms/submit-signal.js';
import type { SubmissionContent } from '../../domain/submissions/build-submissions.js';
import { explicitSubmissionDecision, type ExplicitFormState } from '../../domain/submissions/explicit-submission.js';
import type { SourceTab, SubmitRequest } from './ports.js';
import { parseSubmissionId } from '../../domain/ids/document-ids.js';

/** One sweep reading of a unit's sheet, as sweep-unit.ts has it before committing. */
export interface ExplicitFormsInput {
  readonly forms: readonly FormSpec[];
  readonly tabs: readonly SheetTab[];
  readonly submissions: readonly SubmissionContent[];
  readonly sourceTabs: readonly SourceTab[];
  /** Submission hashes stored for this unit (what counts now). */
  readonly known: Readonly<Record<string, string>>;
  readonly previous: Readonly<Record<string, ExplicitFormState>> | undefined;
  readonly request: SubmitRequest | undefined;
  /** The source reads a signal cell in the form tab (workbook mode). */
  readonly signalCells: boolean;
  /** When this version of the sheet was saved. */
  readonly editedAt: Date;
}

export interface ExplicitFormsOutcome {
  /** What the sweep commits: the readings of "Bấm nộp" forms that were not submitted now are left out. */
  readonly submissions: readonly SubmissionContent[];
  readonly sourceTabs: readonly SourceTab[];
  /** "Bấm nộp" forms read as a draft: for them the sheet says nothing about the submission (kept as stored). */
  readonly heldFormIds: ReadonlySet<string>;
  readonly explicit: Readonly<Record<string, ExplicitFormState>>;
}

/**
 * Hold back the drafts of "Bấm nộp" forms: only a form the unit submitted now (the menu's request,
 * or its signal cell set in this file version) is committed; the others stay as last submitted.
 */
export function holdExplicitDrafts(input: ExplicitFormsInput): ExplicitFormsOutcome {
  // A form switched back to 'Tự động' (or no longer owed) leaves no draft behind.
  const explicit: Record<string, ExplicitFormState> = Object.fromEntries(
    Object.entries(input.previous ?? {}).filter(([formId]) =>
      input.forms.some((f) => f.id === formId && f.submitMode === 'button'),
    ),
  );
  const held = new Set<string>();
  const sourceTabs = input.sourceTabs.map((sourceTab) => {
    const spec = input.forms.find((f) => f.id === sourceTab.formId);
    if (spec?.submitMode !== 'button') return sourceTab;
    const tab = input.signalCells ? findTab(input.tabs, sourceTab.tab) : undefined;
    const signal = tab ? findSubmitSignal(tab, sourceTab.headerRowNumber) : undefined;
    const requested =
      (input.request !== undefined && (input.request.formIds?.has(spec.id) ?? true)) || signal?.requested === true;
    const decision = explicitSubmissionDecision({
      submitRequested: requested,
      readHashes: hashesOf(input.submissions.filter((s) => s.formId === spec.id).map((s) => [s.id, s.contentHash])),
      submittedHashes: hashesOf(
        Object.entries(input.known).filter(([id]) => parseSubmissionId(id)?.formId === spec.id),
      ),
      previous: input.previous?.[spec.id],
      editedAt: input.editedAt,
      submittedAt: input.request?.at ?? input.editedAt,
    });
    explicit[spec.id] = withRowStatuses(
      decision.state,
      input.submissions.filter((s) => s.formId === spec.id),
    );
    if (!decision.submit) held.add(spec.id);
    return signal ? { ...sourceTab, submitCell: { rowNumber: signal.rowNumber, column: signal.column } } : sourceTab;
  });
  return { submissions: input.submissions.filter((s) => !held.has(s.formId)), sourceTabs, heldFormIds: held, explicit };
}

/** Above this the draft's statuses are not kept (the source document has a size limit): its rows then show the submitted ones. */
const MAX_DRAFT_STATUS_CHARS = 200_000;

/** A draft with its rows' statuses, for the status column while the unit is still editing. */
function withRowStatuses(state: ExplicitFormState, submissions: readonly SubmissionContent[]): ExplicitFormState {
  if (!state.draft) return state;
  const rowStatuses = Object.fromEntries(
    submissionRowStatuses(submissions).map(([rowNumber, text]) => [String(rowNumber), text]),
  );
  if (JSON.stringify(rowStatuses).length > MAX_DRAFT_STATUS_CHARS) return state;
  return { ...state, draft: { ...state.draft, rowStatuses } };
}

function hashesOf(entries: readonly (readonly [string, string])[]): Record<string, string> {
  return Object.fromEntries(entries);
}
