import { periodsByRecency } from '../summary/current-periods.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import type { SummaryCell, SummaryColumn, SummaryTab } from '../summary/summary-model.js';
import { COMPLETENESS_BASIS_LABELS, completenessOn } from './approved-completeness.js';
import { latestDecisions, REVIEW_DECISIONS, REVIEW_LABELS, submissionVersion } from './review-decision.js';
import { reviewStanding } from './review-standing.js';

/** Name of the summary tab where the district reviews the current submissions. */
export const REVIEW_TAB = 'Duyệt báo cáo';

/** Headers the next run reads the district's entries back by (the writer and the reader share them). */
export const REVIEW_HEADERS = {
  unit: 'Đơn vị',
  form: 'Biểu mẫu',
  period: 'Kỳ',
  status: 'Tình trạng',
  submittedAt: 'Nộp lúc',
  standing: 'Kết quả duyệt',
  decision: 'Quyết định',
  comment: 'Nhận xét',
  submissionId: 'Mã báo cáo',
  version: 'Phiên bản',
} as const;

const COLUMNS: readonly SummaryColumn[] = [
  { header: REVIEW_HEADERS.unit, format: 'text', width: 30 },
  { header: REVIEW_HEADERS.form, format: 'text', width: 24 },
  { header: REVIEW_HEADERS.period, format: 'text', width: 16 },
  { header: REVIEW_HEADERS.status, format: 'status', width: 22 },
  { header: REVIEW_HEADERS.submittedAt, format: 'datetime', width: 16 },
  { header: REVIEW_HEADERS.standing, format: 'text', width: 30 },
  { header: REVIEW_HEADERS.decision, format: 'text', width: 14, choices: REVIEW_DECISIONS.map((d) => REVIEW_LABELS[d]) },
  { header: REVIEW_HEADERS.comment, format: 'text', width: 36 },
  { header: REVIEW_HEADERS.submissionId, format: 'text', width: 12 },
  { header: REVIEW_HEADERS.version, format: 'text', width: 12 },
];

const RATE_COLUMNS: readonly SummaryColumn[] = [
  { header: 'Biểu mẫu', format: 'text' },
  { header: 'Kỳ', format: 'text' },
  { header: 'Phải nộp', format: 'int' },
  { header: 'Nộp đủ', format: 'int' },
  { header: COMPLETENESS_BASIS_LABELS.submitted, format: 'percent' },
  { header: 'Đã duyệt', format: 'int' },
  { header: COMPLETENESS_BASIS_LABELS.approved, format: 'percent' },
];

/**
 * "Duyệt báo cáo": one row per submission of a current period, with its review standing and the
 * district's input columns (Quyết định, Nhận xét), filled with the latest decision unless the report changed since.
 */
export function reviewTab(picture: DistrictPicture): SummaryTab {
  const latest = latestDecisions(picture.reviews ?? []);
  const unitName = new Map(picture.units.map((u) => [u.id, u.name]));
  const rows: SummaryCell[][] = [];
  const rates: SummaryCell[][] = [];
  for (const { spec, period, stats } of periodsByRecency(picture).current) {
    const approved = new Set<string>();
    for (const standing of stats.units) {
      const submission = picture.submissions.find((s) => s.formId === spec.id && s.periodId === period.id && s.unitId === standing.unitId);
      if (!submission || submission.counts.read === 0) continue;
      const decision = latest.get(submission.id);
      const review = reviewStanding(decision, submission);
      if (review.state === 'approved') approved.add(standing.unitId);
      const typed = review.state === 'stale' || !decision ? [null, null] : [REVIEW_LABELS[decision.decision], decision.comment];
      rows.push([unitName.get(standing.unitId) ?? standing.unitId, spec.title, period.label, standing.status, submission.lastChangedAt, review.text, ...typed, submission.id, submissionVersion(submission)]);
    }
    const submitted = completenessOn(stats, 'submitted', approved);
    const reviewed = completenessOn(stats, 'approved', approved);
    rates.push([spec.title, period.label, submitted.expected, submitted.complete, submitted.rate, reviewed.complete, reviewed.rate]);
  }
  return {
    name: REVIEW_TAB,
    title: [
      'Duyệt báo cáo của các đơn vị',
      "Chọn ở cột 'Quyết định' (Đã duyệt / Cần bổ sung) và ghi 'Nhận xét' (bắt buộc khi Cần bổ sung); lần chạy sau hệ thống ghi nhận và báo cho đơn vị.",
      "Không sửa các cột 'Mã báo cáo' và 'Phiên bản': hệ thống dùng để nhận ra báo cáo. Báo cáo sửa sau khi duyệt cần duyệt lại.",
    ],
    columns: COLUMNS,
    rows,
    moreTables: [{ title: 'Tỉ lệ nộp đủ: tính theo đã nộp và theo đã duyệt', columns: RATE_COLUMNS, rows: rates }],
    ...(picture.reviewRefusals && picture.reviewRefusals.length > 0 ? { notes: picture.reviewRefusals } : {}),
  };
}
