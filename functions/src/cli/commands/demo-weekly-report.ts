import type { Firestore } from '@google-cloud/firestore';
import { WEEKLY_RENDERERS } from '../../adapters/report/report-files.js';
import { FirestoreSummaryStore } from '../../adapters/store/firestore-summary-store.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { WeeklyCoverage } from '../../domain/report/weekly-coverage.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { weekTitle } from '../../domain/report/weekly-document.js';
import { ictInstant } from '../../domain/time/ict.js';
import type { ControlReading } from '../../domain/units/read-control.js';
import { makeWeeklyReport } from '../../jobs/report/make-weekly-report.js';
import { keepUnchangedFolder } from './demo-report.js';

/** The plan whose weekly report to the Ban Thường vụ the demo writes: seed 002's "30 phút hành động". */
export const DEMO_WEEKLY_FORM = '30-phut-bao-cao';
/** The plan's last week (26/12/2022 – 01/01/2023), reported once December's reports were due (05/01/2023). */
export const DEMO_WEEK = '2022-W52';
const DEMO_WEEKLY_AT = ictInstant('2023-01-06', '08:00');

/**
 * The demo's weekly report (what `tonghop report --weekly --form 30-phut-bao-cao --week 2022-W52` writes),
 * in the demo folder. An unchanged run leaves existing files alone, like everything else the demo writes.
 */
export async function writeDemoWeeklyReport(input: {
  readonly db: Firestore;
  readonly control: ControlReading;
  readonly forms: readonly FormSpec[];
  readonly dir: string;
  readonly changed: boolean;
}): Promise<{ readonly docx: string; readonly xlsx: string; readonly coverage: WeeklyCoverage } | undefined> {
  const made = await makeWeeklyReport({
    store: new FirestoreSummaryStore(input.db),
    settings: input.control.settings,
    units: input.control.units,
    forms: input.forms,
    formId: DEMO_WEEKLY_FORM,
    weekId: DEMO_WEEK,
    now: DEMO_WEEKLY_AT,
    render: WEEKLY_RENDERERS,
    folder: keepUnchangedFolder(input.dir, input.changed),
  });
  return made.ok ? { ...made.files, coverage: made.coverage } : undefined;
}

/** "Báo cáo tuần gửi Ban Thường vụ về mô hình “30 phút”, Tuần 52/2022 (…): 5/7 cơ sở Đoàn đạt chỉ tiêu", for the demo's list of files. */
export function weeklyReportLine(coverage: WeeklyCoverage): string {
  const last = coverage.weeks.at(-1);
  const count = coverage.meetingByWeek.at(-1);
  const met = count && count.expected ? `: ${n(count.meeting)}/${n(count.expected)} cơ sở Đoàn đạt chỉ tiêu` : '';
  return `Báo cáo tuần gửi Ban Thường vụ về mô hình “30 phút hành động”, ${last ? weekTitle(last.weekId, last.range) : coverage.weekId}${met} (mở bằng Word hoặc LibreOffice)`;
}
