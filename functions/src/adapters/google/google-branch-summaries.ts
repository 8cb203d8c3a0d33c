import type { Unit } from '../../domain/units/unit.js';
import type { BranchSummaryOutputs, SummaryOutput } from '../../jobs/summarize/ports.js';
import type { GoogleApis } from './google-apis.js';
import { findOrCreateSummarySpreadsheet, GoogleSummarySpreadsheet, shareSpreadsheet, summarySpreadsheetName, type OutputMarks } from './google-summary-spreadsheet.js';

/**
 * Each cơ sở Đoàn's summary as its own spreadsheet in the district's Drive folder, shared (reader) with the
 * unit's contact emails. Its id and the addresses it was shared with are remembered in `marks`
 * (`outputs/branch-summary-<unit id>`), so later runs cost no Drive request unless a new contact appears.
 */
export class GoogleBranchSummaries implements BranchSummaryOutputs {
  constructor(
    private readonly api: GoogleApis,
    private readonly folderId: string,
    private readonly marks: OutputMarks,
  ) {}

  async outputFor(branch: Unit): Promise<SummaryOutput> {
    const markId = `branch-summary-${branch.id}`;
    const remembered = parseMark(await this.marks.read(markId));
    const id = remembered?.id ?? (await findOrCreateSummarySpreadsheet(this.api, this.folderId, summarySpreadsheetName(branch.name))).id;
    const sharedWith = new Set(remembered?.emails ?? []);
    const emails = [...new Set(branch.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])))];
    const newEmails = emails.filter((email) => !sharedWith.has(email));
    for (const email of newEmails) await shareSpreadsheet(this.api, id, email, 'reader');
    if (!remembered || newEmails.length > 0) await this.marks.write(markId, JSON.stringify({ id, emails: [...sharedWith, ...newEmails].sort() }));
    return new GoogleSummarySpreadsheet(this.api, id, this.marks);
  }
}

function parseMark(mark: string | undefined): { id: string; emails: string[] } | undefined {
  if (mark === undefined) return undefined;
  try {
    const parsed = JSON.parse(mark) as { id?: unknown; emails?: unknown };
    if (typeof parsed.id !== 'string' || !Array.isArray(parsed.emails)) return undefined;
    return { id: parsed.id, emails: parsed.emails.filter((e): e is string => typeof e === 'string') };
  } catch {
    // A mark this code did not write: found again by name in the folder.
    return undefined;
  }
}
