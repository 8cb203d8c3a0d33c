import type { CellValue } from '../forms/cell-parser.js';
import { columnTypeBehaviour } from '../forms/column-types.js';
import type { ColumnSpec } from '../forms/form-spec.js';
import { periodLabel } from '../periods/period-id.js';
import type { DistrictPicture } from './district-picture.js';
import { formShortName } from './status-tabs.js';
import type { SummaryCell, SummaryColumn, SummaryTab } from './summary-model.js';

/** One tab per form: every valid row of every unit, with the unit's id, name and cluster. */
export function formDataTabs(picture: DistrictPicture): SummaryTab[] {
  const unitById = new Map(picture.units.map((u) => [u.id, u]));
  return picture.forms.map((spec) => {
    const fee = spec.metrics.find((m) => m.type === 'fee-per-row');
    const rows = picture.submissions
      .filter((s) => s.formId === spec.id)
      .sort((a, b) => a.unitId.localeCompare(b.unitId) || a.periodId.localeCompare(b.periodId))
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
      title: [spec.title, [spec.planNumber ? `Kế hoạch số ${spec.planNumber}` : '', spec.issuer].filter(Boolean).join(' — ')],
      columns: [
        { header: 'Mã đơn vị', format: 'text' },
        { header: 'Tên đơn vị', format: 'text', width: 36 },
        { header: 'Cụm', format: 'text' },
        { header: 'Kỳ', format: 'text' },
        { header: 'Dòng', format: 'int' },
        ...spec.columns.map((c): SummaryColumn => ({ header: c.header, format: columnTypeBehaviour(c.type).summaryFormat })),
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
  for (const message of picture.controlProblems ?? []) rows.push([CONTROL_SHEET_LABEL, '(bảng điều khiển)', null, '', message, '']);
  for (const p of picture.sourceProblems) {
    if (p.severity !== 'error') continue;
    const spec = p.formId ? formById.get(p.formId) : undefined;
    rows.push([unitById.get(p.unitId)?.name ?? p.unitId, spec ? formShortName(spec) : '(cả tệp)', null, '', p.message, '']);
  }
  for (const s of picture.submissions) {
    const spec = formById.get(s.formId);
    for (const row of s.rejected) {
      for (const error of row.errors) {
        const raw = error.column === undefined ? '' : row.cells[error.column];
        rows.push([unitById.get(s.unitId)?.name ?? s.unitId, spec ? formShortName(spec) : s.formId, row.rowNumber, error.column ?? '', error.message, raw === undefined ? '' : String(raw)]);
      }
    }
  }
  return {
    name: 'Lỗi dữ liệu',
    title: ['Lỗi dữ liệu cần đơn vị sửa', 'Mỗi dòng là một lỗi; đơn vị sửa trong bảng tính của mình, lần quét sau sẽ ghi nhận.'],
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

/** "Chỉ số": each form metric per period, district-wide then per unit. */
export function metricsTab(picture: DistrictPicture): SummaryTab {
  const unitById = new Map(picture.units.map((u) => [u.id, u]));
  const rows: SummaryCell[][] = [];
  for (const { spec, period, stats } of picture.periods) {
    for (const metric of stats.metrics) {
      const value = (v: number | null) => [metric.format === 'money' ? null : metric.format === 'percent' ? null : v, metric.format === 'money' ? v : null, metric.format === 'percent' ? v : null];
      const targetText = metric.target ? `${metric.target.description}: ${metric.target.unitsMeeting}/${metric.target.unitsMeasured} đơn vị đạt` : '';
      rows.push([`${formShortName(spec)} · ${period.label}`, metric.label, 'Toàn quận', ...value(metric.total), targetText]);
      for (const [unitId, v] of Object.entries(metric.byUnit)) rows.push([`${formShortName(spec)} · ${period.label}`, metric.label, unitById.get(unitId)?.name ?? unitId, ...value(v), '']);
    }
  }
  return {
    name: 'Chỉ số',
    title: ['Chỉ số theo kế hoạch', 'Giá trị toàn quận, rồi từng đơn vị đã gửi số liệu.'],
    columns: [
      { header: 'Biểu mẫu · Kỳ', format: 'text', width: 40 },
      { header: 'Chỉ số', format: 'text', width: 40 },
      { header: 'Đơn vị', format: 'text', width: 36 },
      { header: 'Số lượng', format: 'decimal' },
      { header: 'Số tiền', format: 'money' },
      { header: 'Tỉ lệ', format: 'percent' },
      { header: 'Mục tiêu', format: 'text', width: 40 },
    ],
    rows,
  };
}

function dataCell(column: ColumnSpec, value: CellValue | undefined): SummaryCell {
  return value === undefined ? null : columnTypeBehaviour(column.type).summaryValue(value);
}
