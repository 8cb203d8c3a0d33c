import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readControlWorkbook } from '../adapters/workbook/read-control-workbook.js';
import { BranchSummaryWorkbooks } from '../adapters/workbook/branch-summary-workbooks.js';
import { SummaryWorkbookFile } from '../adapters/workbook/summary-workbook-file.js';
import { UnitWorkbookFolder } from '../adapters/workbook/unit-workbook-folder.js';
import { UNITS_DIR } from '../adapters/workbook/district-folder.js';
import type { SheetLimits } from '../domain/sheets/sheet-limits.js';
import type { Unit } from '../domain/units/unit.js';
import type { DistrictSheets, WorkbookPaths } from './district-sheets.js';

/** Unit workbooks in a folder, a control workbook, a summary workbook next to it. */
export function workbookDistrict(
  controlPath: string,
  paths: WorkbookPaths & { readonly sheetLimits?: SheetLimits } = {},
): DistrictSheets {
  const unitsDir = paths.unitsDir ? path.resolve(paths.unitsDir) : path.join(path.dirname(controlPath), UNITS_DIR);
  const summaryPath = paths.summary ? path.resolve(paths.summary) : defaultSummaryPath(controlPath);
  const summary = new SummaryWorkbookFile(summaryPath);
  return {
    units: new UnitWorkbookFolder(unitsDir, paths.sheetLimits),
    sharedSheets: () => new UnitWorkbookFolder(unitsDir, paths.sheetLimits),
    output: summary,
    branchOutputs: new BranchSummaryWorkbooks(path.dirname(summaryPath)),
    reviewInbox: summary,
    readControl: () => readControlWorkbook(controlPath),
    controlFingerprint: () =>
      stat(controlPath).then(
        (file) => `${file.mtimeMs}:${file.size}`,
        () => undefined,
      ),
    controlLocation: controlPath,
    unitsUnusable: () => unitsFolderUnusable(unitsDir),
    unitsLocation: unitsDir,
    outboxDir: path.resolve(paths.outbox ?? path.join(path.dirname(controlPath), 'outbox')),
    sheetLinkOf: workbookLink,
  };
}

/** A units folder that is missing or holds no .xlsx at all: a mistyped --units-dir, not 36 units that sent nothing. */
async function unitsFolderUnusable(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined)
    return `Không có thư mục tệp của các đơn vị '${dir}': không quét và không ghi gì. Hãy kiểm tra đường dẫn (--units-dir).`;
  if (!names.some((name) => name.toLowerCase().endsWith('.xlsx')))
    return `Thư mục '${dir}' không có tệp .xlsx nào của đơn vị: không quét và không ghi gì. Hãy kiểm tra đường dẫn (--units-dir).`;
  return undefined;
}

/** Default location of the district summary workbook. */
export function defaultSummaryPath(controlPath: string): string {
  return path.join(path.dirname(controlPath), 'tong-hop-bao-cao.xlsx');
}

/** A unit's workbook as a mail names it. */
export function workbookLink(unit: Unit): string {
  return `tệp ${path.basename(unit.source)}`;
}
