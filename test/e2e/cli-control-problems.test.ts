import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { useTempDir } from '../support/builders.js';
import { tabLines, TYPED_TYPE, writeDistrictWithControlTypo } from '../support/control-typo.js';
import { emulatorHost } from '../support/firestore.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';

/**
 * The CLI path (commands → app) with the same control typo as the Cloud Functions test: sweep,
 * notify and templates each count it on stderr (tab and row only); the person sees it in the
 * report, the summary's "Lỗi dữ liệu" tab and the digest.
 */
describe('control problems on the CLI path', () => {
  const tempDir = useTempDir('tonghop-cli-control');
  let home: string;
  let env: NodeJS.ProcessEnv;
  let control: string;
  let typoRow = 0;
  const operatorLine = () =>
    new RegExp(`^control sheet has 1 problem\\(s\\); .*\\(controlProblems=1, places=Đơn vị row ${typoRow}\\)$`, 'm');

  beforeAll(async () => {
    home = tempDir();
    env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home,
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: `demo-clictl-${randomBytes(4).toString('hex')}`,
      TONGHOP_SEND_HOURS: '0-24',
    };
    ({ control, typoRow } = await writeDistrictWithControlTypo(home));
  });

  it('sweep: one operator line on stderr, the problem in the report and in the summary', async () => {
    const run = await runCli(['sweep', '--control', control], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(operatorLine());
    expect(run.stderr).not.toContain(TYPED_TYPE);
    expect(run.stdout).toContain(`Bảng điều khiển: Trang 'Đơn vị', dòng ${typoRow}`);
    const summary = await openWorkbook(path.join(home, 'tong-hop-bao-cao.xlsx'));
    expect(
      tabLines(sheetOf(summary, 'Lỗi dữ liệu')).filter((line) => line.includes(`Trang 'Đơn vị', dòng ${typoRow}`)),
    ).toHaveLength(1);
  });

  it('notify: the operator line, and the digest lists the problem', async () => {
    const run = await runCli(['notify', '--control', control], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(operatorLine());
    const outbox = path.join(home, 'outbox');
    const digest = (await readdir(outbox)).find((name) => name.includes('digest'));
    const mail = await simpleParser(await readFile(path.join(outbox, digest ?? 'no digest')));
    expect(mail.text).toContain(`Trang 'Đơn vị', dòng ${typoRow}`);
  });

  it('templates: the operator line (a plan skipped for a mistake would get no template)', async () => {
    const run = await runCli(['templates', '--control', control, '--out', path.join(home, 'templates')], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(operatorLine());
  });
});
