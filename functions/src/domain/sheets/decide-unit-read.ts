/**
 * A sweep's read-or-skip decision for one unit's sheet, taken in two steps as evidence arrives:
 * first from the fingerprint (or its absence, or a read error), then — when the sheet is opened —
 * from its content hash. Skipping is only safe when the sheet and the form specs are both unchanged.
 */

/** What the sweep has learned about the sheet so far. */
export type SheetEvidence =
  /** No file, no spreadsheet. */
  | { readonly kind: 'absent' }
  /** It could not be read; `fileKnown` when it has a fingerprint (a broken file stays broken until it changes). */
  | { readonly kind: 'unreadable'; readonly problem: string; readonly fileKnown: boolean }
  /** Its fingerprint, compared with the one stored last time. */
  | { readonly kind: 'fingerprint'; readonly sameAsBefore: boolean }
  /** Its content hash, once opened. */
  | { readonly kind: 'content'; readonly contentHash: string };

/** What the last sweep stored about the sheet. */
export interface PreviousRead {
  readonly status: 'ok' | 'missing' | 'unreadable';
  readonly specsHash: string;
  readonly contentHash: string | null;
  /** The first problem it recorded, if any. */
  readonly firstProblem: string | undefined;
}

export interface UnitReadInput {
  readonly evidence: SheetEvidence;
  readonly previous: PreviousRead | undefined;
  /** Hash of the form specs the sheet is read with now. */
  readonly specsHash: string;
  /** The unit pressed "Nộp báo cáo": the sheet is read even when unchanged. */
  readonly submitRequested: boolean;
}

/**
 * unchanged: keep the stored state, write nothing; missing / unreadable: record that state;
 * same-content: remember the new fingerprint only; read: go on reading (open it, or parse its tabs).
 */
export type UnitReadDecision = 'unchanged' | 'missing' | 'unreadable' | 'same-content' | 'read';

/** Whether a sweep reads a unit's sheet, skips it, or records it as missing or unreadable. */
export function decideUnitRead({ evidence, previous, specsHash, submitRequested }: UnitReadInput): UnitReadDecision {
  const sameSpecs = previous !== undefined && previous.specsHash === specsHash;
  switch (evidence.kind) {
    case 'absent':
      return sameSpecs && previous.status === 'missing' ? 'unchanged' : 'missing';
    case 'unreadable':
      return sameSpecs &&
        previous.status === 'unreadable' &&
        previous.firstProblem === evidence.problem &&
        !evidence.fileKnown
        ? 'unchanged'
        : 'unreadable';
    case 'fingerprint':
      return !submitRequested && sameSpecs && evidence.sameAsBefore ? 'unchanged' : 'read';
    case 'content':
      return !submitRequested &&
        sameSpecs &&
        previous.status !== 'missing' &&
        previous.contentHash === evidence.contentHash
        ? 'same-content'
        : 'read';
  }
}
