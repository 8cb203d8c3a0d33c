import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../functions/src/adapters/store/data-dir-lock.js';
import { ADVICE } from '../../functions/src/domain/errors/advice.js';
import { runCli } from '../support/cli.js';
import { useTempDir } from '../support/builders.js';

/** Errors of both bases through the real CLI: the message, the fix where an operator needs one, one Vietnamese sentence last, the exit code; never a stack. */
describe('tonghop errors reach the person through their base', () => {
  const home = useTempDir('tonghop-cli-errors');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = { PATH: process.env.PATH, TONGHOP_HOME: home(), LANG: 'vi_VN.UTF-8' };
  });

  it('an operator error (the data folder held by another command) prints its English fix, then the sentence; exit 2', async () => {
    const release = await lockDataDir(path.join(home(), 'firestore'));
    try {
      const run = await runCli(['inspect'], env);
      expect(run.code).toBe(2);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines.at(-3)).toMatch(/^tonghop: Another tonghop command \(pid \d+\)/);
      expect(lines.at(-2)).toMatch(
        /^ {2}→ wait for the other tonghop command to finish \(the data folder is TONGHOP_HOME\)/,
      );
      expect(lines.at(-1)).toBe(ADVICE.dataDirBusy);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await release();
    }
  });

  it("a person's error (a control workbook that is not there) prints its Vietnamese message, then the sentence; exit 2", async () => {
    const missing = path.join(home(), 'khong-co.xlsx');
    const run = await runCli(['plans', 'check', '--control', missing], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `tonghop: Không tìm thấy bảng điều khiển '${missing}'. Hãy kiểm tra đường dẫn (--control).`,
      ADVICE.sheetRead,
    ]);
  });
});
