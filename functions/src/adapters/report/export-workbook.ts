import ExcelJS from 'exceljs';
import { STATUS_DISPLAY } from '../../domain/status/status-kinds.js';
import { formatIctDate, formatIctDateTime } from '../../domain/time/ict.js';
import type { ReportCounts, ReportFigures } from '../../domain/report/report-figures.js';
import {
  EXPORT_CLUSTER_HEADER,
  EXPORT_COUNT_COLUMNS,
  EXPORT_HEADER_ROW,
  EXPORT_METRIC_HEADERS,
  EXPORT_OWING_HEADERS,
  EXPORT_RESULT_ID_COLUMNS,
  EXPORT_TABS,
} from '../../domain/report/report-export-layout.js';

type Cell = string | number | null;

/** The report's figures as an .xlsx in the fixed layout of report-export-layout.ts (a city-level tonghop reads it as a unit's report). */
export async function exportWorkbook(figures: ReportFigures): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tonghop';
  const title = [
    `BÁO CÁO KẾT QUẢ — ${figures.district}`,
    `${figures.formTitle} · ${figures.periodLabel}${figures.planNumber ? ` (Kế hoạch số ${figures.planNumber})` : ''}`,
    `Hạn nộp ${formatIctDateTime(figures.due)}; số liệu đến ${formatIctDate(figures.asOf)}; bố cục ${figures.layout}${figures.countedOn ? '; nộp đủ tính theo đã duyệt' : ''}`,
  ];
  const counts = (c: ReportCounts) => EXPORT_COUNT_COLUMNS.map((col) => c[col.key]);
  addTab(
    workbook,
    EXPORT_TABS.result,
    title,
    [...EXPORT_RESULT_ID_COLUMNS.map((c) => c.header), ...EXPORT_COUNT_COLUMNS.map((c) => c.header)],
    [[figures.formId, figures.periodId, figures.periodLabel, ...counts(figures.total)]],
  );
  addTab(
    workbook,
    EXPORT_TABS.byCluster,
    title,
    [EXPORT_CLUSTER_HEADER, ...EXPORT_COUNT_COLUMNS.map((c) => c.header)],
    figures.byCluster.map((c) => [c.cluster, ...counts(c)]),
  );
  addTab(
    workbook,
    EXPORT_TABS.metrics,
    title,
    EXPORT_METRIC_HEADERS,
    figures.metrics.map((m) => [
      m.id,
      m.label,
      m.format,
      m.total,
      m.target?.description ?? null,
      m.target?.unitsMeeting ?? null,
      m.target?.unitsMeasured ?? null,
    ]),
  );
  addTab(
    workbook,
    EXPORT_TABS.owing,
    title,
    EXPORT_OWING_HEADERS,
    figures.owing.map((u) => [u.unitId, u.name, u.cluster, STATUS_DISPLAY[u.status].label, u.daysOverdue ?? null]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTab(
  workbook: ExcelJS.Workbook,
  name: string,
  title: readonly string[],
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: EXPORT_HEADER_ROW }] });
  title.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
    if (i === 0) sheet.getCell(i + 1, 1).font = { bold: true, size: 13 };
  });
  const header = sheet.getRow(EXPORT_HEADER_ROW);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  rows.forEach((cells, r) => {
    const row = sheet.getRow(EXPORT_HEADER_ROW + 1 + r);
    cells.forEach((value, i) => {
      // Text stays text: a unit name typed as "=…" is never a formula (exceljs writes strings as strings).
      if (value !== null) row.getCell(i + 1).value = value;
    });
  });
  headers.forEach((_, i) => (sheet.getColumn(i + 1).width = i <= 1 ? 28 : 14));
}
