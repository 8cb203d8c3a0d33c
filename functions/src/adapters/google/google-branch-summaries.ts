import type { Unit } from '../../domain/units/unit.js';
import type { BranchSummaryOutputs, SummaryOutput } from '../../jobs/summarize/ports.js';
import type { ReviewInbox } from '../../jobs/summarize/review-ports.js';
import type { GoogleApis } from './google-apis.js';
import {
  findOrCreateSummarySpreadsheet,
  GoogleSummarySpreadsheet,
  shareSpreadsheet,
  summarySpreadsheetName,
  type OutputMarks,
} from './google-summary-spreadsheet.js';

/**
 * Each cơ sở Đoàn's summary as its own spreadsheet in the district's Drive folder, shared with the unit's contact
 * emails: reader, or writer when the cơ sở reviews its subtree there (its "Duyệt báo cáo"; every other tab and
 * column is protected, see protectBranchSummary). Its id, the addresses and the role it was shared with are
 * remembered in `marks` (`outputs/branch-summary-<unit id>`), so later runs cost no Drive request unless a contact or the role changes.
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
    // A role change (review turned on or off) shares again with everyone: Drive gives an existing reader the new role.
    const sharedWith = new Set(remembered?.role === role ? remembered.emails : []);
    const emails = [...new Set(branch.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])))];
    const newEmails = emails.filter((email) => !sharedWith.has(email));
    for (const email of newEmails) await shareSpreadsheet(this.api, id, email, role);
    if (!remembered || newEmails.length > 0 || remembered.role !== role)
      await this.marks.write(markId, JSON.stringify({ id, emails: [...sharedWith, ...newEmails].sort(), role }));
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
