import type { UnitFeedback } from '../../domain/feedback/unit-feedback.js';

/** Row number of the standing table's header ("Tình hình nộp"): after the title lines and one empty row. */
export function standingHeaderRow(standing: UnitFeedback['standing']): number {
  return standing.title.length + 2;
}
