import ExcelJS from 'exceljs';
import { formatIctDate } from '../../domain/time/ict.js';
import { STANDING_WORDS, WEEKLY_EXPORT_HEADERS, WEEKLY_EXPORT_TABS } from '../../domain/report/weekly-export-layout.js';
import type { WeeklyCoverage } from '../../domain/report/weekly-coverage.js';

type Cell = string | number | null;

/** The weekly digest's figures as an .xlsx: one row per unit and week ("Theo tuần"), the count per week, the units not meeting the target. */
export async function weeklyWorkbook(coverage: WeeklyCoverage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tonghop';
  const title = [
    `BÁO CÁO TUẦN — ${coverage.district}`,
    `${coverage.formTitle}${coverage.planNumber ? ` (Kế hoạch số ${coverage.planNumber})` : ''}`,
    `Chỉ tiêu: ${coverage.target}; số liệu đến ${formatIctDate(coverage.asOf)}; bố cục ${coverage.layout}`,
  ];
  const range = new Map(coverage.weeks.map((w) => [w.weekId, w.range]));
  addTab(
    workbook,
    WEEKLY_EXPORT_TABS.byUnit,
    title,
    WEEKLY_EXPORT_HEADERS.byUnit,
    coverage.units.flatMap((u) =>
      u.weeks.map((c) => [
        u.unitId,
        u.name,
        u.cluster,
        u.members ?? null,
        c.weekId,
        range.get(c.weekId) ?? '',
        STANDING_WORDS[c.standing],
        c.activities,
        c.meeting,
        c.bestParticipants,
      ]),
    ),
  );
  addTab(
    workbook,
    WEEKLY_EXPORT_TABS.byWeek,
    title,
    WEEKLY_EXPORT_HEADERS.byWeek,
    coverage.meetingByWeek.map((m) => [m.weekId, range.get(m.weekId) ?? '', m.meeting, m.expected]),
  );
  addTab(
    workbook,
    WEEKLY_EXPORT_TABS.notMeeting,
    title,
    WEEKLY_EXPORT_HEADERS.notMeeting,
    coverage.notMeeting.map((u) => [
      u.unitId,
      u.name,
      u.cluster,
      u.members ?? null,
      STANDING_WORDS[u.standing],
      u.activities,
      u.bestParticipants,
    ]),
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
  const headerRow = title.length + 2;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  title.forEach((line, i) => (sheet.getCell(i + 1, 1).value = line));
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  headers.forEach((h, i) => {
    const cell = sheet.getRow(headerRow).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  rows.forEach((cells, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    // Text stays text: a unit name typed as "=…" is never a formula (exceljs writes strings as strings).
    cells.forEach((value, i) => value !== null && (row.getCell(i + 1).value = value));
  });
  headers.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 1 ? 34 : 14));
}
