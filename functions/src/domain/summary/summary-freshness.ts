import { DAY_MS, formatClockAndDate, formatIctDateTime } from '../time/ict.js';
import { SWEPT_AT_WORDS } from './data-age.js';
import type { SummaryCell, SummaryModel, SummaryTab } from './summary-model.js';

/** Header of the "Quá hạn" column that counts days since the deadline: it grows each day by itself. */
export const DAYS_OVERDUE_HEADER = 'Số ngày quá hạn';

/** Stands for the summary's own time wherever it is printed. */
const STAMP = '⟨thời điểm⟩';
/** "· số liệu quét lúc 08:00 16/09/2024" or " (số liệu quét lúc …)": shown only because time passed since the sweep. */
const SWEPT_AT_NOTE = new RegExp(`( · ${SWEPT_AT_WORDS} [^·()]*$| \\(${SWEPT_AT_WORDS} [^()]*\\))`, 'g');

/**
 * The summary as far as it changes with the district rather than with the clock: the time it was made
 * ("tính đến …", the footer, "Mới nộp đủ từ …", "số liệu quét lúc …") and the days-overdue counts left out. Two runs with the
 * same view write nothing the second time; the sheet written keeps its numbers and its "tính đến" together.
 */
export function summaryWithoutClock(model: SummaryModel, now: Date): unknown {
  const stamps = [formatIctDateTime(now), formatClockAndDate(now), formatIctDateTime(new Date(now.getTime() - DAY_MS))];
  const unstamp = (text: string) => stamps.reduce((t, s) => t.split(s).join(STAMP), text.replace(SWEPT_AT_NOTE, ''));
  const cell = (c: SummaryCell): SummaryCell => (typeof c === 'string' ? unstamp(c) : c);
  const tab = (t: SummaryTab) => {
    const overdueColumn = t.columns.findIndex((c) => c.header === DAYS_OVERDUE_HEADER);
    return {
      ...t,
      title: t.title.map(unstamp),
      columns: t.columns.map((c) => ({ ...c, header: unstamp(c.header) })),
      rows: t.rows.map((r) => r.map((c, i) => (i === overdueColumn ? null : cell(c)))),
      notes: t.notes?.map(unstamp),
    };
  };
  return {
    ...model,
    generatedAt: null,
    footer: model.footer ? { ...model.footer, asOf: unstamp(model.footer.asOf) } : undefined,
    tabs: model.tabs.map(tab),
  };
}
