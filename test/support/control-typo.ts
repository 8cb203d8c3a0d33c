import path from 'node:path';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { ictDateOf } from '../../functions/src/domain/time/ict.js';
import { TRAINING_HEADER, trainingRow, testUnit } from './builders.js';
import { builtinFormDue } from './forms.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from './workbooks.js';

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

/** What district staff mistype as th-b's unit type in the district of writeDistrictWithControlTypo. */
export const TYPED_TYPE = 'Lien doi xyz';

/** The district office of writeDistrictWithControlTypo's control workbook. */
const TYPO_DISTRICT_SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};

/**
 * A workbook district in `folder` whose control workbook (control.xlsx) has one typo: th-b's unit
 * type is TYPED_TYPE, which drops th-b from the registry. Settings name Lê Ánh Hồng, vp@example.com;
 * th-a (contact Nguyễn Thị Mai) and th-b (Trần Văn Bình, tpt@th-b.example) are Liên đội of Cụm 1;
 * the training plan is due in two days, so a notice run has something to remind of; th-a's file
 * holds one valid row. Returns the control workbook's path and the row of the typo.
 */
export async function writeDistrictWithControlTypo(folder: string): Promise<{ control: string; typoRow: number }> {
  const control = path.join(folder, 'control.xlsx');
  const school = (id: string, contact: string) =>
    testUnit(id, { level: 'Tiểu học', contacts: [{ name: contact, email: `tpt@${id}.example` }], members: 300 });
  await writeControlWorkbook(control, {
    settings: TYPO_DISTRICT_SETTINGS,
    units: [school('th-a', 'Nguyễn Thị Mai'), school('th-b', 'Trần Văn Bình')],
    plans: [builtinFormDue('tap-huan-2024', ictDateOf(new Date(Date.now() + 2 * 86_400_000)))],
  });
  const typoRow = await mistypeUnitType(control, 'th-b', TYPED_TYPE);
  await writeTestWorkbook(path.join(folder, 'units', 'th-a.xlsx'), [
    {
      name: 'Đăng ký tập huấn',
      rows: titled('ĐĂNG KÝ', TRAINING_HEADER, [trainingRow(1, 'Nguyễn Thị Lan', { phone: '0983018027' })]),
    },
  ]);
  return { control, typoRow };
}
