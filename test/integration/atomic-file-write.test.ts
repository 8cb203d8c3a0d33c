import { mkdir, open, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../functions/src/adapters/private-files.js';
import { useTempDirEach } from '../support/builders.js';

/** The one atomic writer every file we write goes through: temp file in the same folder, fsync, rename, fsync folder. */
describe('writePrivateFile', () => {
  const dir = useTempDirEach('tonghop-atomic');

  it('replaces the file as a whole: a reader holding the old file still reads all of the old bytes', async () => {
    const file = path.join(dir(), 'tong-hop.xlsx');
    await writeFile(file, 'old contents');
    const before = await stat(file);
    const reader = await open(file, 'r');
    try {
      await writePrivateFile(file, Buffer.from('new contents, longer than the old'));
      expect((await reader.readFile()).toString()).toBe('old contents');
    } finally {
      await reader.close();
    }
    expect(await readFile(file, 'utf8')).toBe('new contents, longer than the old');
    expect((await stat(file)).ino).not.toBe(before.ino);
    expect(await readdir(dir())).toEqual(['tong-hop.xlsx']);
  });

  it('leaves no temporary file and keeps the old file when the check before replacing throws', async () => {
    const file = path.join(dir(), 'don-vi.xlsx');
    await writeFile(file, 'the unit saved this meanwhile');
    const changed = new Error('changed meanwhile');
    await expect(
      writePrivateFile(file, Buffer.from('ours'), { beforeReplace: () => Promise.reject(changed) }),
    ).rejects.toBe(changed);
    expect(await readFile(file, 'utf8')).toBe('the unit saved this meanwhile');
    expect(await readdir(dir())).toEqual(['don-vi.xlsx']);
  });

  it('leaves no temporary file when the rename fails (a folder stands where the file should go)', async () => {
    const file = path.join(dir(), 'outbox-mail.eml');
    await mkdir(file);
    await writeFile(path.join(file, 'inside'), 'x');
    await expect(writePrivateFile(file, Buffer.from('mail'))).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(await readdir(dir())).toEqual(['outbox-mail.eml']);
  });

  it('replaces a symlink itself, never writing through it to its target', async () => {
    const target = path.join(dir(), 'elsewhere.txt');
    await writeFile(target, 'not ours to change');
    const file = path.join(dir(), 'link.txt');
    await symlink(target, file);
    await writePrivateFile(file, Buffer.from('ours'));
    expect(await readFile(target, 'utf8')).toBe('not ours to change');
    expect(await readFile(file, 'utf8')).toBe('ours');
    expect((await stat(file)).isFile()).toBe(true);
    expect((await readdir(dir())).sort()).toEqual(['elsewhere.txt', 'link.txt']);
  });
});
