import { errorsTab, formDataTabs, metricsTab } from './data-tabs.js';
import type { DistrictPicture } from './district-picture.js';
import { clusterTab, overdueTab, overviewTab, progressTab } from './status-tabs.js';
import type { SummaryModel } from './summary-model.js';

/** The district summary: Tổng quan, Tiến độ đơn vị, Theo cụm, Quá hạn, Lỗi dữ liệu, one data tab per form, Chỉ số. */
export function buildSummary(picture: DistrictPicture): SummaryModel {
  return {
    title: `Tổng hợp báo cáo — ${picture.settings.districtName || 'toàn quận'}`,
    generatedAt: picture.now,
    tabs: [overviewTab(picture), progressTab(picture), clusterTab(picture), overdueTab(picture), errorsTab(picture), ...formDataTabs(picture), metricsTab(picture)],
  };
}
