import { buildUnitFeedback } from '../../domain/feedback/build-unit-feedback.js';
import type { DistrictPicture } from '../../domain/summary/district-picture.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SourceState } from '../sweep/ports.js';
import { feedbackHashOf } from './feedback-hash.js';
import type { FeedbackTarget, FeedbackWrite, SummaryStore } from './ports.js';

/**
 * Write one unit's row statuses and "Tình hình nộp" tab (and the blank tabs of plans it lacks),
 * and record what its sheet now shows.
 * Undefined when the sheet already shows this feedback (the system wrote it and no sweep has read
 * the sheet since): then it is not even opened.
 */
export async function giveUnitFeedback(
  unit: Unit,
  state: SourceState & { readonly fingerprint: NonNullable<SourceState['fingerprint']> },
  picture: DistrictPicture,
  target: FeedbackTarget,
  store: Pick<SummaryStore, 'saveSourceState'>,
  /** Called right before the unit's sheet is written (the CLI saves its local data first). */
  beforeWrite?: () => Promise<void>,
): Promise<FeedbackWrite | undefined> {
  const feedback = buildUnitFeedback(unit, state.tabs, picture, state.explicit);
  const feedbackHash = feedbackHashOf(feedback);
  if (state.feedbackHash === feedbackHash) return undefined;
  await beforeWrite?.();
  const written = await target.write(unit, feedback, state.fingerprint);
  if (written.outcome === 'written') {
    // A tab just added was missing when the sweep read the sheet: its "chưa có trang" problem is no longer true.
    const added = new Set(written.tabsAdded ?? []);
    const problems = state.problems.filter((p) => p.formId === undefined || !added.has(p.formId));
    await store.saveSourceState({
      ...state,
      problems,
      fingerprint: written.fingerprint,
      contentHash: written.contentHash,
      feedbackHash,
    });
  } else if (written.outcome === 'unchanged') await store.saveSourceState({ ...state, feedbackHash });
  return written;
}
