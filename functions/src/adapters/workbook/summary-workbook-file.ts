import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { SummaryModel } from '../../domain/summary/summary-model.js';
import type { SummaryOutput } from '../../jobs/summarize/ports.js';
import type { ReviewInbox } from '../../jobs/summarize/review-ports.js';
import { readReviewSheet } from './read-review-sheet.js';
import { SUMMARY_FINGERPRINT_PREFIX, writeSummaryWorkbook } from './write-summary-workbook.js';

/** The district summary as an .xlsx file, rewritten only when what it shows changed; its "Duyệt báo cáo" tab is where the district reviews. */
export class SummaryWorkbookFile implements SummaryOutput, ReviewInbox {
  constructor(private readonly file: string) {}

  readReviewSheet(): ReturnType<ReviewInbox['readReviewSheet']> {
    return readReviewSheet(this.file);
  }

  async write(model: SummaryModel, modelHash: string): Promise<{ written: boolean; location: string }> {
    if ((await this.writtenFingerprint()) === modelHash) return { written: false, location: this.file };
    await writeSummaryWorkbook(this.file, model, { fingerprint: modelHash });
    return { written: true, location: this.file };
  }

  /** The model hash in the existing file's keywords, if there is such a file. */
  private async writtenFingerprint(): Promise<string | undefined> {
    try {
      const zip = await JSZip.loadAsync(await readFile(this.file));
      const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
      const keywords = /<cp:keywords>([^<]*)<\/cp:keywords>/.exec(core)?.[1] ?? '';
      return keywords.startsWith(SUMMARY_FINGERPRINT_PREFIX)
        ? keywords.slice(SUMMARY_FINGERPRINT_PREFIX.length)
        : undefined;
    } catch {
      // Missing or unreadable: it will simply be written again.
      return undefined;
    }
  }
}
