import { archiveTab } from './archive-tab.js';
import { periodsByRecency } from './current-periods.js';
import { dashboardTab } from './dashboard-tab.js';
import { dataAgeText } from './data-age.js';
import { errorsTab, formDataTabs, metricsTab } from './data-tabs.js';
import type { DistrictPicture } from './district-picture.js';
import { feesTabs } from './fees-tab.js';
import { asReferenceTab } from './reference-tab.js';
import { countedPicture } from '../review/counted-picture.js';
import { reviewTab } from '../review/review-tab.js';
import { clusterTab, overdueTab, overviewTab, progressTab } from './status-tabs.js';
import type { SummaryModel } from './summary-model.js';

/**
 * The district summary, current first: Bảng điều khiển, Tổng quan, Tiến độ đơn vị, Theo cụm, Quá hạn,
 * Lỗi dữ liệu, Duyệt báo cáo (when the district reviews), Chỉ số, Kinh phí (when a plan reconciles fees); then, as reference
 * tabs (only their title lines print), the data tabs of plans with a current period, Lưu trữ, Lưu trữ chỉ số and the other plans' data tabs.
 */
export function buildSummary(raw: DistrictPicture): SummaryModel {
  // Completeness on each plan's basis ('Tính nộp đủ theo') for every tab; "Duyệt báo cáo" shows both bases side by side.
  const picture = countedPicture(raw);
  const district = picture.settings.districtName || 'toàn quận';
  const currentForms = new Set(periodsByRecency(picture).current.map((p) => p.spec.id));
  return {
    title: `Tổng hợp báo cáo — ${district}`,
    generatedAt: picture.now,
    footer: { district, asOf: dataAgeText(picture.now, picture.sweptAt) },
    tabs: [
      dashboardTab(picture),
      overviewTab(picture),
      progressTab(picture),
      clusterTab(picture),
      overdueTab(picture),
      errorsTab(picture),
      // Only when the district reviews (the job read the review decisions): other summaries keep their tabs.
      ...(raw.reviews ? [reviewTab(raw)] : []),
      metricsTab(picture, 'current'),
      ...feesTabs(picture),
      // The plans' raw rows and the archives are reference data, after the tabs a meeting prints: whole on screen, only their top on paper.
      ...[
        ...formDataTabs(
          picture,
          picture.forms.filter((f) => currentForms.has(f.id)),
        ),
        archiveTab(picture),
        metricsTab(picture, 'archived'),
        ...formDataTabs(
          picture,
          picture.forms.filter((f) => !currentForms.has(f.id)),
        ),
      ].map(asReferenceTab),
    ],
  };
}
