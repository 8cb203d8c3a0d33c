import { notifyDistrict } from '../../app/notify-district.js';
import { openConfiguredDistrict } from '../../app/open-district.js';
import { lineOperatorLog } from '../../app/operator-log.js';
import { withFirestore } from '../firestore-session.js';
import { printNotifyReport } from '../notify-report.js';
import type { CommandContext } from './context.js';
import { formatIctDateTime } from '../../domain/time/ict.js';
import { NOTIFY } from '../messages.js';

export interface NotifyCommandOptions {
  readonly control?: string;
  readonly outbox?: string;
  readonly now?: Date;
  readonly dryRun?: boolean;
}

/** `tonghop notify --control file.xlsx [--now] [--dry-run]`: the reminder, overdue and escalation mails due now, and the digest. */
export async function notifyCommand({ config, out }: CommandContext, opts: NotifyCommandOptions): Promise<void> {
  const now = opts.now ?? new Date();
  const { run, control, forms } = await withFirestore(config, out, async (session) => {
    const district = await openConfiguredDistrict(config, session.db, opts);
    // A closed plan is no longer reminded of; its data stays.
    const notified = await notifyDistrict(district, {
      config,
      now,
      dryRun: Boolean(opts.dryRun),
      log: lineOperatorLog((line) => out.log(line)),
      ...(session.noticeJournal ? { noticeJournal: session.noticeJournal } : {}),
    });
    return {
      value: { run: notified.value, control: district.control, forms: district.openForms },
      writes: notified.writes,
    };
  });
  if (out.json) {
    out.printJson({ now: now.toISOString(), ...run });
    return;
  }
  out.print(NOTIFY.judgedAt(formatIctDateTime(now)));
  printNotifyReport(out, run, new Map(control.units.map((u) => [u.id, u.name])), forms);
}
