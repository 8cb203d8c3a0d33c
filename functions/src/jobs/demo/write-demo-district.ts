import { access, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeControlWorkbook, writeUnitWorkbook } from '../../adapters/workbook/write-templates.js';
import { specsAsWritten, type DemoDistrict, type DemoWorkbook } from './demo-district.js';

/** Where the demo's files went. */
export interface WrittenDemoDistrict {
  /** False when the demo folder already held a district and nothing was written. */
  readonly created: boolean;
  readonly controlPath: string;
  readonly unitsDir: string;
  /** Every file written (unit files, then control.xlsx); when created is false, the unit files already there. */
  readonly files: string[];
}

/** Options of writeDemoDistrict: start over, and hear about progress (units done out of all units). */
export interface WriteDemoOptions {
  readonly reset?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** File names inside the demo folder: <dir>/control.xlsx and <dir>/units/<unit id>.xlsx. */
export const CONTROL_FILE = 'control.xlsx';
export const UNITS_DIR = 'units';

/** What a unit typed into a file that is not a workbook: a webmail error page saved with the .xlsx name. */
const CORRUPT_CONTENT =
  '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Lỗi tải tệp</title></head>\n' +
  '<body><h1>Không thể tải tệp đính kèm</h1><p>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</p></body></html>\n';

/**
 * Write the demo district under dir: control.xlsx and units/<id>.xlsx, each unit file's mtime set to when it was sent.
 * An existing demo (control.xlsx present) is left untouched unless reset is set, so a second run changes nothing.
 */
export async function writeDemoDistrict(dir: string, district: DemoDistrict, options: WriteDemoOptions = {}): Promise<WrittenDemoDistrict> {
  const controlPath = path.join(dir, CONTROL_FILE);
  const unitsDir = path.join(dir, UNITS_DIR);
  if (await exists(controlPath)) {
    if (!options.reset) return { created: false, controlPath, unitsDir, files: await listWorkbooks(unitsDir) };
  } else if (options.reset && (await listDir(dir)).length > 0) {
    // Never wipe a folder the demo did not make.
    throw new Error(`Refusing to reset ${dir}: it is not empty and holds no ${CONTROL_FILE}. Pick an empty or demo folder.`);
  }
  if (options.reset) await rm(dir, { recursive: true, force: true });
  await mkdir(unitsDir, { recursive: true });

  const files: string[] = [];
  const total = district.workbooks.length;
  for (const [i, workbook] of district.workbooks.entries()) {
    const file = await writeUnitFile(unitsDir, district, workbook);
    if (file !== undefined) files.push(file);
    options.onProgress?.(i + 1, total);
  }
  // The control file goes last: if a run dies half-way, the next run sees no control.xlsx and starts again.
  await writeControlWorkbook(controlPath, { settings: district.settings, units: district.units, forms: district.forms }, { modifiedAt: district.controlModifiedAt });
  await utimes(controlPath, district.controlModifiedAt, district.controlModifiedAt);
  files.push(controlPath);
  return { created: true, controlPath, unitsDir, files };
}

async function writeUnitFile(unitsDir: string, district: DemoDistrict, workbook: DemoWorkbook): Promise<string | undefined> {
  const unit = district.units.find((u) => u.id === workbook.unitId);
  if (!unit || workbook.scenario === 'missing' || workbook.sentAt === null) return undefined;
  const file = path.join(unitsDir, unit.source);
  if (workbook.scenario === 'corrupt') {
    await writeFile(file, CORRUPT_CONTENT, 'utf8');
  } else {
    await writeUnitWorkbook(file, unit.name, specsAsWritten(district, workbook), workbook.rowsByFormId, { modifiedAt: workbook.sentAt });
  }
  await utimes(file, workbook.sentAt, workbook.sentAt);
  return file;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function listDir(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

async function listWorkbooks(unitsDir: string): Promise<string[]> {
  return (await listDir(unitsDir))
    .filter((name) => name.endsWith('.xlsx'))
    .sort()
    .map((name) => path.join(unitsDir, name));
}
