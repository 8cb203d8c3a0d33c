import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { SheetReadError } from '../../domain/sheets/sheet-read-error.js';
import { fileTooLargeMessage } from '../xlsx/too-large-message.js';

/**
 * A unit's file is read and written only when it is a regular file inside the units folder:
 * a symlink (to the control workbook, to /etc/…) or a folder in its place is refused with a
 * Vietnamese message, and so is a file above the size limit — by its size, before any byte is read.
 */

/** The file's lstat when it is a regular file; null when there is none; SheetReadError otherwise. */
export async function regularFileStat(
  file: string,
  fileName: string,
): Promise<{ mtimeMs: number; size: number } | null> {
  let info;
  try {
    info = await lstat(file);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!info.isFile()) throw notARealFile(fileName);
  return info;
}

/** Read the whole file, refusing a symlink (O_NOFOLLOW), anything but a regular file, a file outside `dir`, or one over `maxBytes`. */
export async function readRegularFile(dir: string, file: string, fileName: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (isNotFound(error)) throw new SheetReadError('not-found', `Không tìm thấy tệp '${fileName}'.`, { cause: error });
    if (hasCode(error, 'ELOOP')) throw notARealFile(fileName);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notARealFile(fileName);
    // A folder on the way ("a/b.xlsx" with "a" a symlink) must not lead outside the units folder.
    const [realDir, realParent] = await Promise.all([realpath(dir), realpath(path.dirname(file))]);
    if (realParent !== realDir && !realParent.startsWith(realDir + path.sep)) throw notARealFile(fileName);
    if (info.size > maxBytes) throw new SheetReadError('too-large', fileTooLargeMessage(fileName, info.size, maxBytes));
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function notARealFile(fileName: string): SheetReadError {
  return new SheetReadError(
    'not-found',
    `'${fileName}' không phải là một tệp thật nằm trong thư mục báo cáo của đơn vị (có thể là lối tắt/symlink hoặc thư mục). Hãy đặt chính tệp .xlsx của đơn vị vào thư mục, không dùng lối tắt.`,
  );
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function isNotFound(error: unknown): boolean {
  return hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR');
}
