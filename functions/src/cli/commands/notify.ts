import path from 'node:path';
import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { readControlWorkbook } from '../../adapters/workbook/read-control-workbook.js';
import { applyFormOverrides } from '../../domain/units/read-control.js';
import { withFirestore } from '../firestore-session.js';
import { printNotifyReport } from '../notify-report.js';
import { runNotify } from '../run-notify.js';
import { controlWorkbookPath, type CommandContext } from './context.js';

export interface NotifyCommandOptions {
  readonly control?: string;
  readonly outbox?: string;
  readonly now?: Date;
  readonly dryRun?: boolean;
}

/** `tonghop notify --control file.xlsx [--now] [--dry-run]`: the reminder, overdue and escalation mails due now, and the digest. */
export async function notifyCommand({ config, out }: CommandContext, opts: NotifyCommandOptions): Promise<void> {
  const controlPath = controlWorkbookPath(config, opts.control);
  const control = await readControlWorkbook(controlPath);
  const forms = applyFormOverrides(await loadBuiltinForms(), control.overrides).specs;
  const run = await withFirestore(config, out, (session) =>
    runNotify({
      config,
      session,
      control,
      forms,
      outboxDir: path.resolve(opts.outbox ?? path.join(path.dirname(controlPath), 'outbox')),
      now: opts.now ?? new Date(),
      dryRun: Boolean(opts.dryRun),
    }),
  );
  if (out.json) out.printJson(run);
  else printNotifyReport(out, run, new Map(control.units.map((u) => [u.id, u.name])), forms);
}
