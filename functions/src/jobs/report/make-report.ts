import { reconcileFees } from '../../domain/finance/reconcile-fees.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { reportFees } from '../../domain/report/report-fees.js';
import { reportDocument, reportFileName } from '../../domain/report/report-document.js';
import { reportFigures, type ReportFigures } from '../../domain/report/report-figures.js';
import { reportHeading } from '../../domain/report/report-heading.js';
import { reportPeriod } from '../../domain/report/report-period.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import type { CompletenessBasis } from '../../domain/review/approved-completeness.js';
import { countedPicture } from '../../domain/review/counted-picture.js';
import { loadDistrictPicture } from '../summarize/load-district-picture.js';
import type { ReviewStore } from '../summarize/review-ports.js';
import type { SummaryStore } from '../summarize/ports.js';
import type { ReportFolder, ReportRenderers } from './ports.js';

/** The report written, or why it was not (Vietnamese, for district staff). */
export type MadeReport =
  | {
      readonly ok: true;
      readonly figures: ReportFigures;
      readonly files: { readonly docx: string; readonly xlsx: string };
    }
  | { readonly ok: false; readonly reason: string };

/**
 * The report to the level above for one plan and period: the statistics the summary uses
 * (loadDistrictPicture), laid out as a Vietnamese administrative report (.docx) and a fixed-layout
 * export (.xlsx). Reads Firestore, writes nothing there.
 */
export async function makeReport(input: {
  readonly store: Pick<SummaryStore, 'loadSubmissions' | 'loadSourceStates'>;
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  readonly formId: string;
  readonly periodId?: string;
  readonly now: Date;
  readonly render: ReportRenderers;
  readonly folder: ReportFolder;
  /** The plan's 'Tính nộp đủ theo' and the stored review decisions; absent: completeness counts submitted reports. */
  readonly approval?: {
    readonly basis: CompletenessBasis;
    readonly decisions: Pick<ReviewStore, 'loadReviewDecisions'>;
  };
}): Promise<MadeReport> {
  const spec = input.forms.find((f) => f.id === input.formId);
  if (!spec) {
    const known = input.forms.map((f) => `${f.id} (${f.tab})`).join(', ') || '(bảng điều khiển chưa có kế hoạch nào)';
    return { ok: false, reason: `Không có biểu mẫu '${input.formId}' trong bảng điều khiển. Các biểu mẫu: ${known}.` };
  }
  const chosen = reportPeriod(spec, input.now, input.periodId);
  if (!chosen.ok) return chosen;
  const { picture: loaded } = await loadDistrictPicture({
    store: input.store,
    settings: input.settings,
    units: input.units,
    forms: [spec],
    now: input.now,
  });
  // The same counting as the summary's: on 'Đã duyệt', only reports approved on their current version are complete.
  const picture =
    input.approval?.basis === 'approved'
      ? countedPicture({
          ...loaded,
          reviews: await input.approval.decisions.loadReviewDecisions(),
          reviewBasis: { [spec.id]: 'approved' },
        })
      : loaded;
  const entry = picture.periods.find((p) => p.period.id === chosen.period.id);
  if (!entry) return { ok: false, reason: `Biểu mẫu '${spec.id}' không có số liệu kỳ '${chosen.period.id}'.` };
  // The fee account spans plans (registration and receipts): reconciled from every stored submission, as the summary's Kinh phí tab.
  const fees = reportFees(spec.id, reconcileFees(input.forms, input.units, picture.submissions).reconciliations);
  const figures = reportFigures({
    district: input.settings.districtName,
    spec,
    period: entry.period,
    stats: entry.stats,
    units: input.units,
    now: input.now,
    fees,
    forms: input.forms,
  });
  const document = reportDocument(reportHeading(input.settings, input.now), figures);
  const docx = await input.folder.write(reportFileName(figures, 'docx'), await input.render.docx(document));
  const xlsx = await input.folder.write(reportFileName(figures, 'xlsx'), await input.render.xlsx(figures));
  return { ok: true, figures, files: { docx, xlsx } };
}
