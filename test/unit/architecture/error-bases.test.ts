import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every error class of ours extends one of the two bases (domain/errors/): OperatorError (exit
 * code, English fix, Vietnamese advice) or PersonError (a Vietnamese message), directly or
 * through another of ours. The CLI catches the bases, so a class that extends Error itself would
 * reach a user as "lỗi ngoài dự kiến"; this reads every class declaration of the source.
 */
const SRC = fileURLToPath(new URL('../../../functions/src/', import.meta.url));
const BASES = ['OperatorError', 'PersonError'];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(path.join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

const texts = await Promise.all((await sourceFiles(SRC)).map(async (file) => readFile(file, 'utf8')));
/** Class name → the class it extends, for every class whose name ends in Error. */
const parents = new Map(
  texts.flatMap((text) =>
    [...text.matchAll(/class\s+(\w+Error)\s+extends\s+(\w+)/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const),
  ),
);

function baseOf(name: string, seen: readonly string[] = []): string {
  const parent = parents.get(name);
  if (BASES.includes(name) || parent === undefined || seen.includes(name)) return name;
  return baseOf(parent, [...seen, name]);
}

describe('error bases', () => {
  it('finds the error classes (the rule below can fail)', () => {
    expect(parents.size).toBeGreaterThan(12);
    expect(parents.get('OperatorError')).toBe('Error');
    expect(baseOf('GoogleApiError')).toBe('OperatorError');
  });

  it('every error class extends OperatorError or PersonError', () => {
    const strays = [...parents.keys()].filter((name) => !BASES.includes(name) && !BASES.includes(baseOf(name)));
    expect(strays).toEqual([]);
  });
});
