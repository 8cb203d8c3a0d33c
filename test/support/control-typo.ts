import { openWorkbook, sheetOf } from './workbooks.js';

/**
 * Mistype a unit's type in a control workbook's "Đơn vị" tab, as district staff do (the reader
 * then leaves that unit out of the registry with a problem). Returns the row it is on.
 */
export async function mistypeUnitType(controlPath: string, unitId: string, typed: string): Promise<number> {
  const workbook = await openWorkbook(controlPath);
  const units = sheetOf(workbook, 'Đơn vị');
  let unitRow = 0;
  let typeColumn = 0;
  units.eachRow((row, rowNumber) => {
    (row.values as unknown[]).forEach((value, column) => {
      if (value === unitId) unitRow = rowNumber;
      if (value === 'Loại đơn vị') typeColumn = column;
    });
  });
  if (unitRow === 0 || typeColumn === 0)
    throw new Error(`no row for unit ${unitId} or no 'Loại đơn vị' column in ${controlPath}`);
  units.getRow(unitRow).getCell(typeColumn).value = typed;
  await workbook.xlsx.writeFile(controlPath);
  return unitRow;
}

/** Every row of a tab as one ' | '-joined line of text. */
export function tabLines(sheet: { eachRow(callback: (row: { values: unknown }) => void): void }): string[] {
  const lines: string[] = [];
  sheet.eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join(' | ')));
  return lines;
}
