import path from 'node:path';
import { controlWorkbookPath } from '../../app/district-paths.js';
import { openConfiguredDistrict } from '../../app/open-district.js';
import { runMailbox } from '../../app/run-mailbox.js';
import { withFirestore } from '../firestore-session.js';
import { printMailboxReport } from '../mailbox-report.js';
import type { CommandContext } from './context.js';

export interface MailboxCommandOptions {
  readonly control?: string;
  readonly unitsDir?: string;
  readonly mailboxDir?: string;
  readonly outbox?: string;
  readonly now?: Date;
}

/** `tonghop mailbox`: read the new messages of the district's mailbox, ingest their .xlsx files, reply to each sender once. */
export async function mailboxCommand({ config, out }: CommandContext, opts: MailboxCommandOptions): Promise<void> {
  const controlPath = controlWorkbookPath(config, opts.control);
  const { run, names } = await withFirestore(config, out, async (session) => {
    const district = await openConfiguredDistrict(config, session.db, opts);
    const { control, sheets } = district;
    const ran = await runMailbox({
      config,
      db: session.db,
      control,
      forms: district.openForms,
      unitsDir: sheets.unitsLocation,
      mailboxDir: path.resolve(opts.mailboxDir ?? path.join(path.dirname(controlPath), 'mailbox')),
      outboxDir: sheets.outboxDir,
      now: opts.now ?? new Date(),
      // Embedded Firestore is saved after each reply, before the message is marked: a killed run repeats nothing.
      between: async (step) => {
        if (step === 'replied') await session.checkpoint();
      },
    });
    return { value: { run: ran.value, names: new Map(control.units.map((u) => [u.id, u.name])) }, writes: ran.writes };
  });
  if (out.json) out.printJson(run);
  else printMailboxReport(out, run, names);
}
