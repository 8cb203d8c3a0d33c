import { formatIctDateTime } from '../time/ict.js';
import { ARCHIVE_TAB, periodsByRecency } from './current-periods.js';
import type { DistrictPicture } from './district-picture.js';
import { periodCountsTable, rateNotes } from './status-tabs.js';
import type { SummaryTab } from './summary-model.js';

/** "Lưu trữ": the periods that are not current (older ones, closed plans), latest deadline first, with their counts. */
export function archiveTab(picture: DistrictPicture): SummaryTab {
  const { archived } = periodsByRecency(picture);
  return {
    name: ARCHIVE_TAB,
    title: [
      'Lưu trữ: các kỳ đã qua và kế hoạch đã đóng',
      `Kỳ có hạn nộp gần nhất ở trên; tính đến ${formatIctDateTime(picture.now)}.`,
    ],
    ...periodCountsTable(archived),
    notes: rateNotes(archived),
  };
}
