import { tablesOf, type SummaryTab } from './summary-model.js';

/** Thousands grouped the Vietnamese way: 1.234. */
const COUNT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/**
 * The tab marked as reference data, with a title line telling a reader why only its top prints
 * and how to print it all: a district officer printing the workbook for a meeting gets one page of it, not dozens.
 */
export function asReferenceTab(tab: SummaryTab): SummaryTab {
  const rows = tablesOf(tab).reduce((sum, table) => sum + table.rows.length, 0);
  const line = `Trang tham khảo (${COUNT.format(rows)} dòng) để tra cứu trên màn hình, không cần in cho cuộc họp: tệp .xlsx chỉ in phần đầu này (muốn in cả bảng: xóa vùng in).`;
  return { ...tab, title: [...tab.title, line], reference: true };
}
