import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { REPORT_RENDERERS, reportFolder } from '../../adapters/report/report-files.js';
import { FirestoreReviewStore } from '../../adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../adapters/store/firestore-summary-store.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { ControlReading } from '../../domain/units/read-control.js';
import { planReviewsOf } from '../../app/plan-reviews-of.js';
import { makeReport } from '../../jobs/report/make-report.js';
import type { ReportFolder } from '../../jobs/report/ports.js';

/** The plan whose report to Thành Đoàn the demo writes: the training registration of seed 001. */
export const DEMO_REPORT_FORM = 'tap-huan-2024';

/**
 * The demo's report to the level above (what `tonghop report --form tap-huan-2024` writes), in the
 * demo folder. An unchanged run leaves existing files alone, like everything else the demo writes.
 */
export async function writeDemoReport(input: {
  readonly db: Firestore;
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  readonly dir: string;
  readonly now: Date;
  readonly changed: boolean;
}): Promise<{ readonly docx: string; readonly xlsx: string } | undefined> {
  const made = await makeReport({
    store: new FirestoreSummaryStore(input.db),
    settings: input.control.settings,
    units: input.control.units,
    forms: input.forms,
    formId: DEMO_REPORT_FORM,
    now: input.now,
    render: REPORT_RENDERERS,
    folder: keepUnchangedFolder(input.dir, input.changed),
    approval: {
      basis: planReviewsOf(input.control).basis.get(DEMO_REPORT_FORM) ?? 'submitted',
      decisions: new FirestoreReviewStore(input.db),
    },
  });
  return made.ok ? made.files : undefined;
}

/** The demo folder as a report folder: a file already there is kept when nothing changed in the run. */
export function keepUnchangedFolder(dir: string, changed: boolean): ReportFolder {
  const folder = reportFolder(dir);
  return {
    async write(name, bytes) {
      const file = path.join(dir, name);
      const exists = await access(file).then(
        () => true,
        () => false,
      );
      return exists && !changed ? file : folder.write(name, bytes);
    },
  };
}
