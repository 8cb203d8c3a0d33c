import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addPlansToControlWorkbook } from '../adapters/workbook/add-control-plans.js';
import { addSharedSourceToControlWorkbook } from '../adapters/workbook/add-control-shared-source.js';
import { writeTableWorkbook } from '../adapters/workbook/write-table-workbook.js';
import { writeControlWorkbook, writeUnitWorkbook } from '../adapters/workbook/write-templates.js';
import { specsAsWritten, type DemoDistrict, type DemoSend, type DemoWorkbook } from './demo-district.js';
import { FINANCE_BOOK_FILE, FINANCE_BOOK_HEADER, FINANCE_BOOK_TAB } from './demo-finance.js';

/** File names inside the demo folder: <dir>/control.xlsx and <dir>/units/<unit id>.xlsx. */
export { CONTROL_FILE, UNITS_DIR } from '../adapters/workbook/district-folder.js';

/** What a unit typed into a file that is not a workbook: a webmail error page saved with the .xlsx name. */
export const CORRUPT_CONTENT =
  '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Lỗi tải tệp</title></head>\n' +
  '<body><h1>Không thể tải tệp đính kèm</h1><p>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</p></body></html>\n';

/** Write the district's control workbook, its mtime set to the district's fixed instant. */
export async function writeDemoControl(controlPath: string, district: DemoDistrict): Promise<void> {
  await writeControlWorkbook(
    controlPath,
    { settings: district.settings, units: district.units, plans: district.specs },
    { modifiedAt: district.controlModifiedAt },
  );
  await utimes(controlPath, district.controlModifiedAt, district.controlModifiedAt);
}

/** The district issues its new plan: its rows appended to the control workbook's plan tabs, the file's mtime set to when. */
export async function issueDemoPlan(controlPath: string, district: DemoDistrict): Promise<void> {
  await addPlansToControlWorkbook(controlPath, [district.issued.spec]);
  await utimes(controlPath, district.issued.at, district.issued.at);
}

/**
 * Hội đồng Đội saves its books of seed 004's district-run plans in the units folder and the district declares each in
 * "Nguồn dữ liệu" (the plans are in the control from the start); the files' mtimes set to that instant.
 */
export async function issueDemoCouncil(controlPath: string, unitsDir: string, district: DemoDistrict): Promise<void> {
  const { council } = district;
  for (const book of council.books) {
    await addSharedSourceToControlWorkbook(controlPath, { formId: book.spec.id, file: book.file, tab: book.tab });
    const file = path.join(unitsDir, book.file);
    await writeTableWorkbook(file, book.tab, book.header, book.rows);
    await utimes(file, council.at, council.at);
  }
  if (council.books.length > 0) await utimes(controlPath, council.at, council.at);
}

/**
 * The district adds the finance desk's receipts plan (its rows in the plan tabs, its book declared in "Nguồn dữ liệu"),
 * and the finance desk saves its book in the units folder; both files' mtimes set to that instant.
 */
export async function issueDemoFinance(controlPath: string, unitsDir: string, district: DemoDistrict): Promise<void> {
  const { finance } = district;
  await addPlansToControlWorkbook(controlPath, [finance.spec]);
  await addSharedSourceToControlWorkbook(controlPath, {
    formId: finance.spec.id,
    file: FINANCE_BOOK_FILE,
    tab: FINANCE_BOOK_TAB,
  });
  await utimes(controlPath, finance.at, finance.at);
  const book = path.join(unitsDir, FINANCE_BOOK_FILE);
  await writeTableWorkbook(book, FINANCE_BOOK_TAB, FINANCE_BOOK_HEADER, finance.receipts);
  await utimes(book, finance.at, finance.at);
}

/**
 * Write a unit's file as it stood at one of its sends, mtime = the send's instant: the corrupt bytes, or a workbook with
 * the tabs the file had then (renamed header applied, a missing tab left out). Returns the file's path.
 */
export async function writeUnitSend(
  unitsDir: string,
  district: DemoDistrict,
  workbook: DemoWorkbook,
  send: DemoSend,
): Promise<string> {
  const unit = district.units.find((u) => u.id === workbook.unitId);
  if (!unit) throw new Error(`Demo: no unit ${workbook.unitId}`);
  const file = path.join(unitsDir, unit.source);
  if (workbook.scenario === 'corrupt') {
    await writeFile(file, CORRUPT_CONTENT, 'utf8');
  } else {
    // The final file has every tab it will ever have; an earlier one only those it had rows in by then.
    const final = send === workbook.sends.at(-1);
    const specs = specsAsWritten(district, workbook).filter((spec) => final || send.rowsByFormId.has(spec.id));
    await writeUnitWorkbook(file, unit.name, specs, send.rowsByFormId, { modifiedAt: send.at });
  }
  await utimes(file, send.at, send.at);
  return file;
}
