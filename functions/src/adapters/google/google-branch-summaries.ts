import type { Unit } from '../../domain/units/unit.js';
import type { BranchSummaryOutputs, SummaryOutput } from '../../jobs/summarize/ports.js';
import type { ReviewInbox } from '../../jobs/summarize/review-ports.js';
import type { GoogleApis } from './google-apis.js';
import { shareExactly } from './drive-sharing.js';
import {
  findOrCreateSummarySpreadsheet,
  GoogleSummarySpreadsheet,
  summarySpreadsheetName,
  type OutputMarks,
} from './google-summary-spreadsheet.js';

/**
 * Each cơ sở Đoàn's summary as its own spreadsheet in the district's Drive folder, shared with the unit's contact
 * emails: reader, or writer when the cơ sở reviews its subtree there (its "Duyệt báo cáo"; every other tab and
 * column is protected, see protectBranchSummary); a contact removed from the registry loses access. Its id, the
 * addresses and the role it was shared with are remembered in `marks` (`outputs/branch-summary-<unit id>`), so
 * later runs cost no Drive request unless a contact or the role changes.
 */
export class GoogleBranchSummaries implements BranchSummaryOutputs {
  constructor(
    private readonly api: GoogleApis,
    private readonly folderId: string,
    private readonly marks: OutputMarks,
  ) {}

  async outputFor(branch: Unit, reviews = false): Promise<SummaryOutput & ReviewInbox> {
    const markId = `branch-summary-${branch.id}`;
    const remembered = parseMark(await this.marks.read(markId));
    const id =
      remembered?.id ??
      (await findOrCreateSummarySpreadsheet(this.api, this.folderId, summarySpreadsheetName(branch.name))).id;
    const role = reviews ? 'writer' : 'reader';
    const emails = [...new Set(branch.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])))].sort();
    const before = remembered?.emails ?? [];
    // A role change (review turned on or off), a new contact or a removed one: every contact gets exactly the role
    // (Drive's create alone never lowers a writer to a reader) and a removed contact loses access.
    const changed =
      !remembered ||
      remembered.role !== role ||
      before.length !== emails.length ||
      before.some((e) => !emails.includes(e));
    if (changed) {
      await shareExactly(this.api, id, emails, role, before);
      await this.marks.write(markId, JSON.stringify({ id, emails, role }));
    }
    return new GoogleSummarySpreadsheet(this.api, id, this.marks, reviews ? { reviewTabOnly: true } : undefined);
  }
}

function parseMark(mark: string | undefined): { id: string; emails: string[]; role: string } | undefined {
  if (mark === undefined) return undefined;
  try {
    const parsed = JSON.parse(mark) as { id?: unknown; emails?: unknown; role?: unknown };
    if (typeof parsed.id !== 'string' || !Array.isArray(parsed.emails)) return undefined;
    // Marks written before branches reviewed shared as reader.
    return {
      id: parsed.id,
      emails: parsed.emails.filter((e): e is string => typeof e === 'string'),
      role: typeof parsed.role === 'string' ? parsed.role : 'reader',
    };
  } catch {
    // A mark this code did not write: found again by name in the folder.
    return undefined;
  }
}
