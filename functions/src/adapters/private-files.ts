import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files we write hold personal data (unit workbooks with members' names and phones, the summary,
 * the control workbook, outbox mails): they are created readable by their owner only, and the
 * folders we create for them likewise. One atomic writer for all of them.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Create a folder (and its parents) that only its owner can enter; an existing folder keeps its mode. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Write `bytes` to `file` atomically with mode 0600: a new temporary file in the same folder
 * (created exclusively, so never through a symlink), flushed, then renamed over `file` — the
 * rename replaces a symlink itself, never its target — and the folder flushed, so the new name
 * survives a power cut. A reader sees the old file or the new one, never a part; on any failure the
 * temporary file is removed and the old file stays. `beforeReplace` may throw to keep the old file;
 * `times` gives the new file the old one's access and modification times.
 */
export async function writePrivateFile(
  file: string,
  bytes: Uint8Array,
  options: { beforeReplace?: () => Promise<void>; times?: { readonly atime: Date; readonly mtime: Date } } = {},
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(bytes);
      // Times set on the temporary file, so someone saving right after the rename keeps their own new time.
      if (options.times) await handle.utimes(options.times.atime, options.times.mtime);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncPath(path.dirname(file));
}

/** Flush a file's content, or a folder's entries (a rename in it), to disk. */
export async function syncPath(fileOrDir: string): Promise<void> {
  const handle = await open(fileOrDir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
