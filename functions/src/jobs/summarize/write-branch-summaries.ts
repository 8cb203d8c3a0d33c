import { hashContent } from '../../domain/submissions/build-submissions.js';
import { buildSummary } from '../../domain/summary/build-summary.js';
import type { DistrictPicture } from '../../domain/summary/district-picture.js';
import { subtreePicture } from '../../domain/summary/subtree-picture.js';
import { summaryWithoutClock } from '../../domain/summary/summary-freshness.js';
import { branchUnits, orgTree } from '../../domain/units/org-tree.js';
import type { BranchSummaryOutputs } from './ports.js';
import type { TakenBranchReviews } from './take-branch-reviews.js';

/** One cơ sở Đoàn's summary: where it is and whether this run rewrote it. */
export interface BranchSummaryWrite {
  readonly unitId: string;
  readonly written: boolean;
  readonly location: string;
}

/**
 * Every branch of the org tree (a unit with units under it) gets the district summary built from its subtree
 * only, written like the district's: only when what it shows changed. With `reviews` (the branches review), each
 * gets its own "Duyệt báo cáo" and is written to the output its decisions were read from.
 */
export async function writeBranchSummaries(
  picture: DistrictPicture,
  outputs: BranchSummaryOutputs,
  reviews?: Pick<TakenBranchReviews, 'refusals' | 'outputs'>,
): Promise<BranchSummaryWrite[]> {
  const written: BranchSummaryWrite[] = [];
  for (const branch of branchUnits(picture.units, orgTree(picture.units))) {
    const model = buildSummary(subtreePicture(picture, branch, reviews?.refusals.get(branch.id)));
    const output = reviews?.outputs.get(branch.id) ?? (await outputs.outputFor(branch));
    const result = await output.write(model, hashContent(summaryWithoutClock(model, picture.now)));
    written.push({ unitId: branch.id, ...result });
  }
  return written;
}
