import { formatClockAndDate } from '../time/ict.js';

/**
 * How fresh the summary's figures are, as printed: statuses are judged at `now`, the units' sheets
 * were read at `sweptAt`. The two differ when the summary is built from stored data without a sweep.
 */

/** The words that introduce the sweep's time in the footer and the front page's title. */
export const SWEPT_AT_WORDS = 'số liệu quét lúc';

/** A difference below this is the same run: sweeping and summarizing take a few seconds. */
const SAME_RUN_MS = 60_000;

/** The footer's "tính đến 10:05 15/09/2024", plus "· số liệu quét lúc 07:50 15/09/2024" when the sheets were read earlier. */
export function dataAgeText(now: Date, sweptAt: Date | undefined): string {
  const judged = `tính đến ${formatClockAndDate(now)}`;
  return sweptAt === undefined || now.getTime() - sweptAt.getTime() < SAME_RUN_MS
    ? judged
    : `${judged} · ${SWEPT_AT_WORDS} ${formatClockAndDate(sweptAt)}`;
}

/** The same for a title line: " (số liệu quét lúc 07:50 15/09/2024)" when the sheets were read earlier, else ''. */
export function sweptAtNote(now: Date, sweptAt: Date | undefined): string {
  return sweptAt === undefined || now.getTime() - sweptAt.getTime() < SAME_RUN_MS
    ? ''
    : ` (${SWEPT_AT_WORDS} ${formatClockAndDate(sweptAt)})`;
}
