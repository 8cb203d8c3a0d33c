import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLOUD_FUNCTIONS } from '../../functions/src/handlers/function-list.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the built bundle', () => {
  it('is what package.json points Cloud Functions at, and registers exactly the declared functions', async () => {
    await run('npm', ['run', '--silent', 'build'], { cwd: ROOT });
    const main = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).main as string;
    expect(main).toBe('functions/lib/index.js');
    const declared = CLOUD_FUNCTIONS.map((fn) => fn.name);
    // What functions-framework finds once the entry is loaded in a fresh Node process.
    const probe = `
      await import(${JSON.stringify(path.join(ROOT, main))});
      const { getFunction } = await import('@google-cloud/functions-framework/testing');
      const names = ${JSON.stringify([...declared, 'notDeclared'])};
      process.stdout.write(JSON.stringify(names.map((name) => [name, typeof getFunction(name)])));`;
    const { stdout } = await run('node', ['--input-type=module', '-e', probe], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual([...declared.map((name) => [name, 'function']), ['notDeclared', 'undefined']]);
  }, 120_000);
});
