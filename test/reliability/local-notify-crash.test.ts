import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_HEADER } from '../../functions/src/adapters/mail/compose.js';

import { compileCli, type CliProcess, type CompiledCli } from '../support/cli-process.js';
import { startCapturingSmtp, type CapturingSmtp } from '../support/smtp.js';
import { SMALL_DISTRICT, SMALL_DISTRICT_NOW, writeSmallControl } from './small-district.js';
import { digestId, noticeId } from '../../functions/src/domain/ids/document-ids.js';
import { useTempDir } from '../support/builders.js';

// No unit has sent its file: each of the 6 gets its notice (8 days late: escalation), the office its digest.
const PLANNED = [
  ...SMALL_DISTRICT.unitIds.map((unitId) =>
    noticeId(SMALL_DISTRICT.formId, SMALL_DISTRICT.periodId, unitId, 'escalation'),
  ),
  digestId('2024-09-23'),
];
const KILL_AFTER = 2;

/** Local `notify` killed outright half-way through its mails: nothing is ever sent twice. */
describe('a local notify killed after some mails', () => {
  const root = useTempDir('tonghop-notify-crash');
  let smtp: CapturingSmtp;
  let cli: CompiledCli;
  let env: NodeJS.ProcessEnv;
  let running: CliProcess | undefined;
  let control: string;
  const notify = () =>
    cli.spawn(['--json', 'notify', '--control', control, '--now', SMALL_DISTRICT_NOW.toISOString()], env);

  beforeAll(async () => {
    // SIGKILL the CLI while the KILL_AFTER-th message is being accepted: it never learns it went out.
    smtp = await startCapturingSmtp({
      onMessage: (received) => void (received === KILL_AFTER && running?.child.kill('SIGKILL')),
    });
    cli = await compileCli();
    control = await writeSmallControl(path.join(root(), 'district'));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TONGHOP_HOME: path.join(root(), 'home'),
      TONGHOP_PROJECT_ID: `demo-notify-crash-${randomBytes(4).toString('hex')}`,
      METADATA_SERVER_DETECTION: 'none',
      SMTP_URL: smtp.url,
    };
  });
  afterAll(async () => {
    await smtp?.close();
    await cli?.remove();
  });

  it('the re-run sends only what was not sent: every notice arrives exactly once', async () => {
    running = notify();
    expect((await running.done).signal).toBe('SIGKILL');
    running = undefined;
    expect(smtp.received).toHaveLength(KILL_AFTER);

    const again = await notify().done;
    expect(again.code, again.stderr).toBe(0);
    const ids = smtp.received.map((mail) => String(mail.headers.get(NOTICE_HEADER.toLowerCase())));
    // Each planned one arrived, none twice (the one accepted at the kill was journaled as claimed first).
    expect([...ids].sort()).toEqual([...PLANNED].sort());

    const third = JSON.parse((await notify().done).stdout);
    expect(third.result.outcomes.filter((o: { result: string }) => o.result === 'sent')).toEqual([]);
  }, 120_000);
});
