import type { FormSpec } from '../../domain/forms/form-spec.js';
import { isoWeekMonday } from '../../domain/periods/schedule.js';
import { reportHeading } from '../../domain/report/report-heading.js';
import {
  lastWholeWeek,
  weeklyCoverage,
  weeklyTargetOf,
  type WeeklyCoverage,
} from '../../domain/report/weekly-coverage.js';
import { weeklyDocument } from '../../domain/report/weekly-document.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import type { SummaryStore } from '../summarize/ports.js';
import type { ReportFolder, WeeklyRenderers } from './ports.js';

/** The weekly digest written, or why not (Vietnamese, for district staff). */
export type MadeWeeklyReport =
  | {
      readonly ok: true;
      readonly coverage: WeeklyCoverage;
      readonly files: { readonly docx: string; readonly xlsx: string };
    }
  | { readonly ok: false; readonly reason: string };

/**
 * The weekly report to the Ban Thường vụ (seed 002): week-by-week coverage of the plan's weekly target
 * per unit, as a .docx (the report's heading and signature) and an .xlsx. Reads Firestore, writes nothing there.
 */
export async function makeWeeklyReport(input: {
  readonly store: Pick<SummaryStore, 'loadSubmissions'>;
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  readonly formId?: string;
  readonly weekId?: string;
  readonly now: Date;
  readonly render: WeeklyRenderers;
  readonly folder: ReportFolder;
}): Promise<MadeWeeklyReport> {
  const withTarget = input.forms.filter((f) => weeklyTargetOf(f));
  const spec = input.formId
    ? input.forms.find((f) => f.id === input.formId)
    : withTarget.length === 1
      ? withTarget[0]
      : undefined;
  const metric = spec && weeklyTargetOf(spec);
  if (!spec || !metric) {
    const known =
      withTarget.map((f) => `${f.id} (${f.tab})`).join(', ') ||
      '(chưa có kế hoạch nào có chỉ số "Số tuần đạt chỉ tiêu")';
    const why = input.formId
      ? `Biểu mẫu '${input.formId}' không có hoặc không có chỉ số "Số tuần đạt chỉ tiêu".`
      : 'Hãy chọn biểu mẫu bằng --form.';
    return { ok: false, reason: `${why} Các biểu mẫu có báo cáo tuần: ${known}.` };
  }
  const weekId = input.weekId ?? lastWholeWeek(input.now);
  try {
    isoWeekMonday(weekId);
  } catch {
    return {
      ok: false,
      reason: `'${weekId}' không phải một tuần: ghi dạng năm-Wsố tuần, ví dụ 2024-W38 (tuần 16/09/2024 – 22/09/2024).`,
    };
  }
  const submissions = (await input.store.loadSubmissions()).filter((s) => s.formId === spec.id);
  const coverage = weeklyCoverage({
    district: input.settings.districtName,
    spec,
    metric,
    units: input.units,
    submissions,
    weekId,
    now: input.now,
  });
  const name = `Bao-cao-tuan-${spec.id}-${weekId}`;
  const docx = await input.folder.write(
    `${name}.docx`,
    await input.render.docx(weeklyDocument(reportHeading(input.settings, input.now), coverage)),
  );
  const xlsx = await input.folder.write(`${name}.xlsx`, await input.render.xlsx(coverage));
  return { ok: true, coverage, files: { docx, xlsx } };
}
