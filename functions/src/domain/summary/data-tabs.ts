import { sharedSourceLabel } from '../shared/shared-source.js';
import type { CellValue } from '../forms/cell-parser.js';
import { columnTypeBehaviour } from '../forms/column-types.js';
import type { ColumnSpec } from '../forms/form-spec.js';
import { periodLabel } from '../periods/period-id.js';
import type { FormSpec } from '../forms/form-spec.js';
import { periodsByRecency } from './current-periods.js';
import type { DistrictPicture } from './district-picture.js';
import { formShortName } from './status-tabs.js';
import type { SummaryCell, SummaryColumn, SummaryTab } from './summary-model.js';
import { formPeriodId } from '../ids/document-ids.js';

/** One tab per form in `forms`: every valid row of every unit, the latest period first, with the unit's id, name and cluster. */
export function formDataTabs(picture: DistrictPicture, forms: readonly FormSpec[]): SummaryTab[] {
  const unitById = new Map(picture.units.map((u) => [u.id, u]));
  const dueOf = new Map(
    picture.periods.map(({ spec, period }) => [formPeriodId(spec.id, period.id), period.due.getTime()]),
  );
  const due = (formId: string, periodId: string) => dueOf.get(formPeriodId(formId, periodId)) ?? 0;
  return forms.map((spec) => {
    const fee = spec.metrics.find((m) => m.type === 'fee-per-row');
    const rows = picture.submissions
      .filter((s) => s.formId === spec.id)
      .sort(
        (a, b) =>
          due(b.formId, b.periodId) - due(a.formId, a.periodId) ||
          b.periodId.localeCompare(a.periodId) ||
          a.unitId.localeCompare(b.unitId),
      )
      .flatMap((s) => {
        const unit = unitById.get(s.unitId);
        return s.rows.map((row) => [
          s.unitId,
          unit?.name ?? s.unitId,
          unit?.cluster ?? '',
          periodLabel(spec, s.periodId),
          row.rowNumber,
          ...spec.columns.map((c) => dataCell(c, row.values[c.key])),
          ...(fee && fee.type === 'fee-per-row' ? [fee.amount] : []),
        ]);
      });
    return {
      name: formShortName(spec),
      title: [
        spec.title,
        [spec.planNumber ? `Kế hoạch số ${spec.planNumber}` : '', spec.issuer].filter(Boolean).join(' — '),
      ],
      columns: [
        { header: 'Mã đơn vị', format: 'text' },
        { header: 'Tên đơn vị', format: 'text', width: 36 },
        { header: 'Cụm', format: 'text' },
        { header: 'Kỳ', format: 'text' },
        { header: 'Dòng', format: 'int' },
        ...spec.columns.map((c): SummaryColumn => ({
          header: c.header,
          format: columnTypeBehaviour(c.type).summaryFormat,
        })),
        ...(fee && fee.type === 'fee-per-row' ? [{ header: fee.label, format: 'money' as const }] : []),
      ],
      rows,
    };
  });
}

/** How the summary and the digest name the district's control sheet. */
export const CONTROL_SHEET_LABEL = 'Bảng điều khiển (Quận Đoàn sửa)';

/** "Lỗi dữ liệu": the control sheet's problems first, then every rejected row's messages with the raw value, and every file or tab problem. */
export function errorsTab(picture: DistrictPicture): SummaryTab {
  const unitById = new Map(picture.units.map((u) => [u.id, u]));
  const formById = new Map(picture.forms.map((f) => [f.id, f]));
  const rows: SummaryCell[][] = [];
  for (const message of picture.controlProblems ?? [])
    rows.push([CONTROL_SHEET_LABEL, '(bảng điều khiển)', null, '', message, '']);
  for (const p of picture.sourceProblems) {
    if (p.severity !== 'error') continue;
    const spec = p.formId ? formById.get(p.formId) : undefined;
    rows.push([
      unitById.get(p.unitId)?.name ?? sharedSourceLabel(p.unitId, picture.forms) ?? p.unitId,
      spec ? formShortName(spec) : '(cả tệp)',
      null,
      '',
      p.message,
      '',
    ]);
  }
  for (const s of picture.submissions) {
    const spec = formById.get(s.formId);
    for (const row of s.rejected) {
      for (const error of row.errors) {
        const raw = error.column === undefined ? '' : row.cells[error.column];
        rows.push([
          unitById.get(s.unitId)?.name ?? sharedSourceLabel(s.unitId, picture.forms) ?? s.unitId,
          spec ? formShortName(spec) : s.formId,
          row.rowNumber,
          error.column ?? '',
          error.message,
          raw === undefined ? '' : String(raw),
        ]);
      }
    }
  }
  return {
    name: 'Lỗi dữ liệu',
    title: [
      'Lỗi dữ liệu cần đơn vị sửa',
      'Mỗi dòng là một lỗi; đơn vị sửa trong bảng tính của mình, lần quét sau sẽ ghi nhận.',
    ],
    columns: [
      { header: 'Đơn vị', format: 'text', width: 36 },
      { header: 'Trang', format: 'text' },
      { header: 'Dòng', format: 'int' },
      { header: 'Cột', format: 'text' },
      { header: 'Lỗi', format: 'text', width: 60 },
      { header: 'Giá trị đã nhập', format: 'text', width: 30 },
    ],
    rows,
  };
}

/** Name of the archive's metrics tab. */
export const ARCHIVED_METRICS_TAB = 'Lưu trữ chỉ số';

/** "Chỉ số" (current periods) or "Lưu trữ chỉ số" (the others): each form metric per period, district-wide then per unit. */
export function metricsTab(picture: DistrictPicture, which: 'current' | 'archived'): SummaryTab {
  const unitById = new Map(picture.units.map((u) => [u.id, u]));
  // A cơ sở Đoàn's own summary sums its subtree, not the district.
  const whole = picture.branch ? 'Toàn cơ sở' : 'Toàn quận';
  const rows: SummaryCell[][] = [];
  for (const { spec, period, stats } of periodsByRecency(picture)[which]) {
    for (const metric of stats.metrics) {
      // Counts in an integer column ("4", never "4.0"), measures with decimals in their own.
      const value = (v: number | null) => [
        metric.format === 'int' ? v : null,
        metric.format === 'decimal' ? v : null,
        metric.format === 'money' ? v : null,
        metric.format === 'percent' ? v : null,
      ];
      const targetText = metric.target
        ? `${metric.target.description}: ${metric.target.unitsMeeting}/${metric.target.unitsMeasured} đơn vị đạt`
        : '';
      rows.push([`${formShortName(spec)} · ${period.label}`, metric.label, whole, ...value(metric.total), targetText]);
      for (const [unitId, v] of Object.entries(metric.byUnit))
        rows.push([
          `${formShortName(spec)} · ${period.label}`,
          metric.label,
          unitById.get(unitId)?.name ?? unitId,
          ...value(v),
          metric.notes?.[unitId] ?? '',
        ]);
    }
  }
  return {
    name: which === 'current' ? 'Chỉ số' : ARCHIVED_METRICS_TAB,
    title: [
      which === 'current' ? 'Chỉ số theo kế hoạch đang thực hiện' : 'Chỉ số các kỳ đã qua và kế hoạch đã đóng',
      `Kỳ có hạn nộp gần nhất ở trên; giá trị ${whole.toLowerCase()}, rồi từng đơn vị đã gửi số liệu.`,
    ],
    columns: [
      // Widths that print on one landscape page at a legible scale: a form · period label ("Kế hoạch nhỏ
      // 65 năm · hạn 14/12/2023") and a school's name fit one line, so rows stay one line tall; longer texts wrap.
      { header: 'Biểu mẫu · Kỳ', format: 'text', width: 36 },
      { header: 'Chỉ số', format: 'text', width: 30 },
      { header: 'Đơn vị', format: 'text', width: 36 },
      { header: 'Số lượng', format: 'int' },
      { header: 'Số đo', format: 'decimal' },
      { header: 'Số tiền', format: 'money' },
      { header: 'Tỉ lệ', format: 'percent' },
      { header: 'Mục tiêu', format: 'text', width: 24 },
    ],
    rows,
  };
}

function dataCell(column: ColumnSpec, value: CellValue | undefined): SummaryCell {
  return value === undefined ? null : columnTypeBehaviour(column.type).summaryValue(value);
}
