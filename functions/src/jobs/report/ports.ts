import type { ReportDocument } from '../../domain/report/report-document.js';
import type { ReportFigures } from '../../domain/report/report-figures.js';
import type { WeeklyCoverage } from '../../domain/report/weekly-coverage.js';

/** How the report's two files are rendered (adapters/report): the .docx for people, the .xlsx export for a city-level tonghop. */
export interface ReportRenderers {
  docx(report: ReportDocument): Promise<Uint8Array>;
  xlsx(figures: ReportFigures): Promise<Uint8Array>;
}

/** How the weekly digest's two files are rendered: the .docx for the Ban Thường vụ, the .xlsx with the same figures. */
export interface WeeklyRenderers {
  docx(report: ReportDocument): Promise<Uint8Array>;
  xlsx(coverage: WeeklyCoverage): Promise<Uint8Array>;
}

/** Where the files go; returns where each was written, for people. */
export interface ReportFolder {
  write(name: string, bytes: Uint8Array): Promise<string>;
}
