import path from 'node:path';
import type { ReportFolder, ReportRenderers, WeeklyRenderers } from '../../jobs/report/ports.js';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { docxReport } from './docx-report.js';
import { exportWorkbook } from './export-workbook.js';
import { weeklyWorkbook } from './weekly-workbook.js';

/** The report rendered with `docx` and exceljs. */
export const REPORT_RENDERERS: ReportRenderers = { docx: docxReport, xlsx: exportWorkbook };

/** The weekly digest rendered with `docx` and exceljs. */
export const WEEKLY_RENDERERS: WeeklyRenderers = { docx: docxReport, xlsx: weeklyWorkbook };

/** A local folder for the report's files (created if missing; files written atomically, owner-only). */
export function reportFolder(dir: string): ReportFolder {
  const root = path.resolve(dir);
  return {
    async write(name, bytes) {
      await makePrivateDir(root);
      const file = path.join(root, name);
      await writePrivateFile(file, bytes);
      return file;
    },
  };
}
