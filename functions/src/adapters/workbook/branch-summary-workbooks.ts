import path from 'node:path';
import type { Unit } from '../../domain/units/unit.js';
import type { BranchSummaryOutputs, SummaryOutput } from '../../jobs/summarize/ports.js';
import type { ReviewInbox } from '../../jobs/summarize/review-ports.js';
import { SummaryWorkbookFile } from './summary-workbook-file.js';

/**
 * Each cơ sở Đoàn's summary as `tong-hop-<unit id>.xlsx` beside the district's `tong-hop-bao-cao.xlsx`; its
 * "Duyệt báo cáo" tab is where the cơ sở reviews (whoever may open the file may edit it: a file has no access rights).
 */
export class BranchSummaryWorkbooks implements BranchSummaryOutputs {
  constructor(private readonly dir: string) {}

  outputFor(branch: Unit): Promise<SummaryOutput & ReviewInbox> {
    return Promise.resolve(new SummaryWorkbookFile(branchSummaryPath(this.dir, branch.id)));
  }
}

/** Where a cơ sở Đoàn's summary workbook is written. */
export function branchSummaryPath(dir: string, unitId: string): string {
  return path.join(dir, `tong-hop-${unitId}.xlsx`);
}
