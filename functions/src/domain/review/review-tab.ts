import { periodsByRecency } from '../summary/current-periods.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import type { SummaryCell, SummaryColumn, SummaryTab } from '../summary/summary-model.js';
import { COMPLETENESS_BASIS_LABELS, completenessOn } from './approved-completeness.js';
import { decisionsOf, latestDecisions, REVIEW_DECISIONS, REVIEW_LABELS, submissionVersion } from './review-decision.js';
import { reviewStanding } from './review-standing.js';
import { formatVietnameseNumber } from '../cells/number-format.js';

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

/**
 * Widths sum to 176 printed characters, so the tab prints one landscape page wide at 62 % (above the 60 % floor of
 * summary-page-setup) instead of spilling onto a second page; the ids the next run reads back stay on screen only.
 */
const COLUMNS: readonly SummaryColumn[] = [
  { header: REVIEW_HEADERS.unit, format: 'text', width: 30 },
  { header: REVIEW_HEADERS.form, format: 'text', width: 24 },
  { header: REVIEW_HEADERS.period, format: 'text', width: 16 },
  { header: REVIEW_HEADERS.status, format: 'status', width: 22 },
  { header: REVIEW_HEADERS.submittedAt, format: 'datetime', width: 16 },
  { header: REVIEW_HEADERS.standing, format: 'text', width: 24 },
  {
    header: REVIEW_HEADERS.decision,
    format: 'text',
    width: 14,
    choices: REVIEW_DECISIONS.map((d) => REVIEW_LABELS[d]),
  },
  { header: REVIEW_HEADERS.comment, format: 'text', width: 30 },
  { header: REVIEW_HEADERS.submissionId, format: 'text', width: 12, screenOnly: true },
  { header: REVIEW_HEADERS.version, format: 'text', width: 12, screenOnly: true },
];

/** Under the same columns as the table above, no wider: its long headers wrap instead of widening the printed page. */
const RATE_COLUMNS: readonly SummaryColumn[] = [
  { header: 'Biểu mẫu', format: 'text', width: 30 },
  { header: 'Kỳ', format: 'text', width: 24 },
  { header: 'Phải nộp', format: 'int', width: 16 },
  { header: 'Nộp đủ', format: 'int', width: 22 },
  { header: COMPLETENESS_BASIS_LABELS.submitted, format: 'percent', width: 16 },
  { header: 'Đã duyệt', format: 'int', width: 24 },
  { header: COMPLETENESS_BASIS_LABELS.approved, format: 'percent', width: 14 },
  { header: 'Kế hoạch tính nộp đủ theo', format: 'text', width: 30 },
];

/**
 * "Duyệt báo cáo": one row per submission of a current period of a plan under review, with its review standing
 * and the reviewer's input columns (Quyết định, Nhận xét), filled with the reviewer's own latest decision unless the
 * report changed since. The reviewer is the district, or the cơ sở Đoàn whose summary this is (picture.reviewBranch):
 * then only the units under it are listed, never the cơ sở itself.
 */
export function reviewTab(picture: DistrictPicture): SummaryTab {
  const decisions = picture.reviews ?? [];
  const standing = latestDecisions(decisions);
  const branch = picture.reviewBranch;
  const own = latestDecisions(decisionsOf(decisions, branch?.id));
  const reviewed = picture.reviewedFormIds ? new Set(picture.reviewedFormIds) : undefined;
  const unitName = new Map(picture.units.map((u) => [u.id, u.name]));
  const nameOf = (unitId: string) => unitName.get(unitId) ?? unitId;
  const rows: SummaryCell[][] = [];
  const rates: SummaryCell[][] = [];
  for (const { spec, period, stats } of periodsByRecency(picture).current) {
    if (reviewed && !reviewed.has(spec.id)) continue;
    const approved = new Set<string>();
    // By name, as a reviewer looks a school up: the statistics' order changes between runs, the ids read back do not.
    const byName = [...stats.units].sort(
      (a, b) => nameOf(a.unitId).localeCompare(nameOf(b.unitId), 'vi') || a.unitId.localeCompare(b.unitId),
    );
    for (const unit of byName) {
      const submission = picture.submissions.find(
        (s) => s.formId === spec.id && s.periodId === period.id && s.unitId === unit.unitId,
      );
      if (!submission || submission.counts.read === 0) continue;
      const review = reviewStanding(standing.get(submission.id), submission);
      if (review.state === 'approved') approved.add(unit.unitId);
      if (unit.unitId === branch?.id) continue;
      const mine = own.get(submission.id);
      const typed =
        !mine || mine.submissionVersion !== submissionVersion(submission)
          ? [null, null]
          : [REVIEW_LABELS[mine.decision], mine.comment];
      rows.push([
        nameOf(unit.unitId),
        spec.title,
        period.label,
        unit.status,
        submission.lastChangedAt,
        review.text,
        ...typed,
        submission.id,
        submissionVersion(submission),
      ]);
    }
    const submitted = completenessOn(stats, 'submitted', approved);
    const byApproval = completenessOn(stats, 'approved', approved);
    // The plan's own 'Tính nộp đủ theo' says which of the two rates is its completeness.
    const basis = picture.reviewBasis?.[spec.id] ?? 'submitted';
    rates.push([
      spec.title,
      period.label,
      submitted.expected,
      submitted.complete,
      submitted.rate,
      byApproval.complete,
      byApproval.rate,
      COMPLETENESS_BASIS_LABELS[basis],
    ]);
  }
  return {
    name: REVIEW_TAB,
    title: [
      branch ? `Duyệt báo cáo của các đơn vị trực thuộc ${branch.name}` : 'Duyệt báo cáo của các đơn vị',
      "Chọn ở cột 'Quyết định' (Đã duyệt / Cần bổ sung) và ghi 'Nhận xét' (bắt buộc khi Cần bổ sung); lần chạy sau hệ thống ghi nhận và báo cho đơn vị.",
      "Không sửa các cột 'Mã báo cáo' và 'Phiên bản': hệ thống dùng để nhận ra báo cáo. Báo cáo sửa sau khi duyệt cần duyệt lại.",
      branch
        ? 'Cơ sở xem xét trước; Quận Đoàn công nhận: quyết định của Quận Đoàn trên cùng bản báo cáo thay cho quyết định của cơ sở.'
        : "Quyết định của cơ sở Đoàn hiện ở cột 'Kết quả duyệt' kèm tên cơ sở; quyết định của Quận Đoàn trên cùng bản báo cáo thay cho quyết định của cơ sở.",
    ],
    columns: COLUMNS,
    rows,
    moreTables: [{ title: 'Tỉ lệ nộp đủ: tính theo đã nộp và theo đã duyệt', columns: RATE_COLUMNS, rows: rates }],
    ...(picture.reviewRefusals && picture.reviewRefusals.length > 0
      ? { notes: shownRefusals(picture.reviewRefusals) }
      : {}),
  };
}

/** Refusals shown under the tab: a page of them, then how many more, so thousands of typed rows never flood the summary. */
export const SHOWN_REFUSALS = 20;

function shownRefusals(refusals: readonly string[]): readonly string[] {
  if (refusals.length <= SHOWN_REFUSALS) return refusals;
  const more = refusals.length - SHOWN_REFUSALS;
  return [
    ...refusals.slice(0, SHOWN_REFUSALS),
    `Còn ${formatVietnameseNumber(more)} quyết định khác không được ghi nhận (không liệt kê hết ở đây); hãy sửa các dòng trên trước.`,
  ];
}
