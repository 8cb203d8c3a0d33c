import type { Config } from '../config.js';
import { logControlProblems } from './log-control-problems.js';
import type { District } from './open-district.js';
import type { OperatorFields, OperatorLog } from './operator-log.js';
import { runNotify, type NotifyRun } from './run-notify.js';

/**
 * The notices due at `now` for an opened district, for the CLI and the Cloud Functions alike:
 * reminders of its open plans only (a closed plan is no longer reminded of; its data stays), and
 * the digest, which lists the control sheet's problems; their count goes to the operator log.
 */
export async function notifyDistrict(
  district: District,
  options: {
    readonly config: Config;
    readonly now: Date;
    readonly dryRun: boolean;
    readonly log: OperatorLog;
    readonly logFields?: OperatorFields;
    /** Embedded mode: each claim is journaled (fsynced) here before its mail is sent. */
    readonly noticeJournal?: string;
  },
): Promise<{ readonly value: NotifyRun; readonly writes: number }> {
  logControlProblems(options.log, district.problems, options.logFields);
  return runNotify({
    config: options.config,
    db: district.stores.db,
    control: district.control,
    forms: district.openForms,
    outboxDir: district.sheets.outboxDir,
    sheetLinkOf: (unit) => district.sheets.sheetLinkOf(unit),
    now: options.now,
    dryRun: options.dryRun,
    ...(options.noticeJournal === undefined ? {} : { noticeJournal: options.noticeJournal }),
  });
}
