import type { sheets_v4 } from '@googleapis/sheets';
import { REVIEW_HEADERS, REVIEW_TAB } from '../../domain/review/review-tab.js';
import { summaryTabLayout, type SummaryModel } from '../../domain/summary/summary-model.js';

/** Names tonghop's protections of a cơ sở summary (Data ▸ Protected ranges), so each write replaces its own. */
export const REVIEW_ONLY_PROTECTION = 'tonghop: chỉ sửa Quyết định và Nhận xét ở trang Duyệt báo cáo';

/**
 * Requests that leave a summary editable only where its reviewer types: the 'Quyết định' and 'Nhận xét' cells of
 * the "Duyệt báo cáo" rows. Every other tab, and the rest of that tab, is protected (editable by tonghop's account
 * alone); the protections a previous write added are removed first. For a cơ sở Đoàn shared as writer.
 */
export function reviewOnlyProtections(
  model: SummaryModel,
  sheetIdOf: ReadonlyMap<string, number>,
  existing: readonly sheets_v4.Schema$Sheet[],
  serviceAccountEmail: string,
): sheets_v4.Schema$Request[] {
  const removed = existing.flatMap((sheet) =>
    (sheet.protectedRanges ?? []).flatMap((p) =>
      p.description === REVIEW_ONLY_PROTECTION && typeof p.protectedRangeId === 'number'
        ? [{ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } }]
        : [],
    ),
  );
  const added = model.tabs.flatMap((tab) => {
    const sheetId = sheetIdOf.get(tab.name);
    if (sheetId === undefined) return [];
    const protectedRange: sheets_v4.Schema$ProtectedRange = {
      range: { sheetId },
      description: REVIEW_ONLY_PROTECTION,
      warningOnly: false,
      editors: { users: [serviceAccountEmail] },
    };
    const decision = tab.columns.findIndex((c) => c.header === REVIEW_HEADERS.decision);
    const comment = tab.columns.findIndex((c) => c.header === REVIEW_HEADERS.comment);
    if (tab.name === REVIEW_TAB && tab.rows.length > 0 && decision >= 0 && comment === decision + 1) {
      const layout = summaryTabLayout(tab);
      protectedRange.unprotectedRanges = [
        {
          sheetId,
          startRowIndex: layout.firstDataRow - 1,
          endRowIndex: layout.lastDataRow,
          startColumnIndex: decision,
          endColumnIndex: comment + 1,
        },
      ];
    }
    return [{ addProtectedRange: { protectedRange } }];
  });
  return [...removed, ...added];
}
