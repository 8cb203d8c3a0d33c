import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { NOTICE_HEADER } from '../../functions/src/adapters/mail/compose.js';
import { buildDemoDistrict, DEMO_NOW } from '../../functions/src/jobs/demo/demo-district.js';
import { writeDemoDistrict } from '../../functions/src/jobs/demo/write-demo-district.js';
import { spawnCli, type CliProcess } from '../support/cli-process.js';
import { startCapturingSmtp, type CapturingSmtp } from '../support/smtp.js';

// The sample district has 5 notices due at its demo date.
const KILL_AFTER = 2;

/** Local `notify` killed outright half-way through its mails: nothing is ever sent twice. */
describe('a local notify killed after some mails', () => {
  let root: string;
  let smtp: CapturingSmtp;
  let env: NodeJS.ProcessEnv;
  let running: CliProcess | undefined;
  let control: string;
  const notifyArgs = (...extra: string[]) => ['--json', 'notify', '--control', control, '--now', DEMO_NOW.toISOString(), ...extra];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'tonghop-notify-crash-'));
    // SIGKILL the CLI while the KILL_AFTER-th message is being accepted: it never learns it went out.
    smtp = await startCapturingSmtp({ onMessage: (received) => void (received === KILL_AFTER && running?.child.kill('SIGKILL')) });
    const district = path.join(root, 'district');
    await writeDemoDistrict(district, buildDemoDistrict(await loadBuiltinForms()));
    control = path.join(district, 'control.xlsx');
    env = { PATH: process.env.PATH, HOME: process.env.HOME, TONGHOP_HOME: path.join(root, 'home'), TONGHOP_PROJECT_ID: `demo-notify-crash-${randomBytes(4).toString('hex')}`, METADATA_SERVER_DETECTION: 'none', SMTP_URL: smtp.url };
    const swept = await spawnCli(['--json', 'sweep', '--control', control, '--now', DEMO_NOW.toISOString()], env).done;
    expect(swept.code, swept.stderr).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await smtp.close();
    await rm(root, { recursive: true, force: true });
  });

  it('the re-run sends only what was not sent: every notice arrives exactly once', async () => {
    const planned = JSON.parse((await spawnCli(notifyArgs('--dry-run'), env).done).stdout);
    const plannedIds: string[] = planned.result.outcomes.filter((o: { result: string }) => o.result === 'would-send').map((o: { notice: { id: string } }) => o.notice.id);
    expect(plannedIds.length).toBeGreaterThan(KILL_AFTER);

    running = spawnCli(notifyArgs(), env);
    expect((await running.done).signal).toBe('SIGKILL');
    running = undefined;
    expect(smtp.received).toHaveLength(KILL_AFTER);

    const again = await spawnCli(notifyArgs(), env).done;
    expect(again.code, again.stderr).toBe(0);
    const ids = smtp.received.map((mail) => String(mail.headers.get(NOTICE_HEADER.toLowerCase())));
    // No notice twice; each planned one arrived (the one accepted at the kill was journaled as claimed first).
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of plannedIds) expect(ids).toContain(id);

    const third = JSON.parse((await spawnCli(notifyArgs(), env).done).stdout);
    expect(third.result.outcomes.filter((o: { result: string }) => o.result === 'sent')).toEqual([]);
  }, 400_000);
});
