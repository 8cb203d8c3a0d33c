import type { Firestore } from '@google-cloud/firestore';
import type { PacerStats } from '../adapters/google/request-pacer.js';
import type { Config } from '../config.js';
import type { ControlReading } from '../domain/units/read-control.js';
import type { Unit } from '../domain/units/unit.js';
import type { BranchSummaryOutputs, FeedbackTarget, SummaryOutput } from '../jobs/summarize/ports.js';
import type { ReviewInbox } from '../jobs/summarize/review-ports.js';
import type { UnitSheetSource } from '../jobs/sweep/ports.js';
import { controlWorkbookPath } from './district-paths.js';
import { googleDistrict } from './google-district.js';
import { workbookDistrict } from './workbook-district.js';

/*
 * The composition of adapters a run needs (CLI commands and Cloud Functions alike), chosen by
 * TONGHOP_SOURCE: the one place that knows both the workbook and the Google adapters.
 */

/** Where a district's sheets live and where its summary goes: local .xlsx workbooks or Google Sheets. */
export interface DistrictSheets {
  readonly units: UnitSheetSource & FeedbackTarget;
  /** A fresh reader/writer of the same kind for shared responses sheets ("Nguồn dữ liệu"): prepared with their tabs, not the units'. */
  sharedSheets?(): UnitSheetSource & FeedbackTarget;
  readonly output: SummaryOutput;
  /** Where each cơ sở Đoàn with chi đoàn gets its own summary: a workbook beside the district's, or a spreadsheet shared with it. */
  readonly branchOutputs?: BranchSummaryOutputs;
  /** Where the district types review decisions: the "Duyệt báo cáo" tab of the summary workbook or spreadsheet. */
  readonly reviewInbox?: ReviewInbox;
  readControl(): Promise<ControlReading>;
  /**
   * What moves whenever the control sheet changes (a workbook's mtime and size, the spreadsheet's
   * Drive version): an instance may keep its reading while this stays the same. Undefined when unknown.
   */
  controlFingerprint(): Promise<string | undefined>;
  /** Why the unit sheets cannot be swept at all (a folder that does not exist or holds no workbook), in Vietnamese; undefined when they can. */
  unitsUnusable?(): Promise<string | undefined>;
  /** Where the control sheet is, for people: a file, or the spreadsheet's id. */
  readonly controlLocation: string;
  /** Where the unit sheets are, for people: a folder, or the Drive folder's address. */
  readonly unitsLocation: string;
  /** Where notices are written when no SMTP server is set. */
  readonly outboxDir: string;
  /** Where a unit enters its report, as mails name it. */
  sheetLinkOf(unit: Unit): string;
  /** Google requests made so far (absent for workbooks). */
  requestStats?(): PacerStats;
}

/** Workbook paths from the command line (ignored with TONGHOP_SOURCE=google). */
export interface WorkbookPaths {
  readonly control?: string;
  readonly unitsDir?: string;
  readonly summary?: string;
  readonly outbox?: string;
}

/** The district's sheets as configured (TONGHOP_SOURCE). */
export async function openDistrictSheets(
  config: Config,
  db: Firestore,
  paths: WorkbookPaths = {},
): Promise<DistrictSheets> {
  if (config.source === 'workbook')
    return workbookDistrict(controlWorkbookPath(config, paths.control), { ...paths, sheetLimits: config.sheetLimits });
  return googleDistrict(config, db, paths);
}
