import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ADVICE } from '../../functions/src/domain/errors/advice.js';
import { useTempDir } from '../support/builders.js';

const COMMANDS = [
  'demo',
  'sweep',
  'summary',
  'notify',
  'provision',
  'deploy',
  'webhook-secret',
  'templates',
  'plans',
  'inspect',
];
/** Words of commander's own English help, which must not reach a person. */
const ENGLISH_HELP = /Usage:|Options:|Commands:|Arguments:|display help|\(default:|error:/;

/** What a person sees before any command runs: help, usage errors and their exit codes, in Vietnamese (ASCII on a non-UTF-8 terminal). */
describe('tonghop help and usage errors', () => {
  const home = useTempDir('tonghop-cli-help');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = { PATH: process.env.PATH, TONGHOP_HOME: home(), LANG: 'vi_VN.UTF-8' };
  });

  it('explains the program and every command in Vietnamese, exit 0', async () => {
    const run = await runCli(['--help'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Cách dùng: tonghop [tùy chọn] [lệnh]');
    expect(run.stdout).toContain('Lệnh:');
    expect(run.stdout).toContain('hiện hướng dẫn sử dụng');
    expect(run.stdout).not.toMatch(ENGLISH_HELP);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(COMMANDS.map((c) => [c]))('tonghop %s --help is Vietnamese', async (command) => {
    const run = await runCli([command, '--help'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Cách dùng: tonghop ${command}`);
    expect(run.stdout).toMatch(/Tùy chọn chung:\n {2}--json +in kết quả dạng JSON/);
    expect(run.stdout).not.toMatch(ENGLISH_HELP);
    expect(run.stdout.normalize('NFC')).toBe(run.stdout);
  });

  it.each<[string, string[], string]>([
    ['an unknown command, with a suggestion', ['swep'], "lỗi: không có lệnh 'swep' (có phải ý là sweep?)"],
    [
      'an unknown option',
      ['sweep', '--contrl', 'x.xlsx'],
      "lỗi: không có tùy chọn '--contrl' (có phải ý là --control?)",
    ],
    [
      'an instant that is not ISO 8601',
      ['notify', '--now', 'hôm qua'],
      "lỗi: giá trị 'hôm qua' của tùy chọn '--now <thời-điểm>' không hợp lệ: cần một thời điểm dạng ISO 8601",
    ],
    ['a missing argument', ['plans', 'add'], "lỗi: thiếu tham số bắt buộc 'mã'"],
    ['a missing required option', ['webhook-secret'], "lỗi: thiếu tùy chọn bắt buộc '--unit <mã>'"],
  ])('%s: exit 2, what is wrong and what to do', async (_, args, said) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(said);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(ADVICE.usage);
    expect(run.stderr).not.toMatch(ENGLISH_HELP);
  });

  it('writes plain ASCII when the locale is not UTF-8', async () => {
    const help = await runCli(['--help'], { ...env, LANG: 'C' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    expect(help.stdout).toContain('Cach dung: tonghop [tuy chon] [lenh]');
    const usage = await runCli(['swep'], { ...env, LC_ALL: 'POSIX' });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("loi: khong co lenh 'swep'");
  });

  it('a configuration error exits 2 and ends with what to do', async () => {
    const run = await runCli(['demo'], { ...env, TONGHOP_FIRESTORE: 'nowhere' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TONGHOP_FIRESTORE');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(ADVICE.config);
  });

  it('an error no class foresaw reaches the handler: exit 1, no stack trace, what to do', async () => {
    // A file where the templates folder should be: mkdir fails with ENOTDIR/EEXIST inside the command.
    const blocked = path.join(home(), 'blocked');
    await writeFile(blocked, 'not a folder');
    const run = await runCli(['templates', '--catalog', '--out', path.join(blocked, 'xlsx')], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tonghop: lỗi ngoài dự kiến \(Error\): .*(ENOTDIR|EEXIST)/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(ADVICE.unexpected);
  });
});
