import { inflateRawSync } from 'node:zlib';

/** One file of a zip, still compressed: where its bytes are and how to inflate them. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated (the only methods an .xlsx uses). */
  readonly method: 0 | 8;
  readonly compressed: Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ENCRYPTED_FLAG = 0x1;

/**
 * The entries of a zip from its central directory, in directory order (the order JSZip, and so
 * exceljs, walks them), without inflating anything. Null for anything this small reader does not
 * take on (not a zip, ZIP64, encryption, another compression method, duplicate names, a truncated
 * file): the caller then goes the long way through JSZip, which decides what such a file is.
 */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const end = findEndOfDirectory(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    if (
      flags & ENCRYPTED_FLAG ||
      (method !== 0 && method !== 8) ||
      compressedSize === 0xffffffff ||
      local === 0xffffffff
    )
      return null;
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (names.has(name) || local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) return null;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressedSize > bytes.length) return null;
    names.add(name);
    entries.push({ name, method, compressed: bytes.subarray(start, start + compressedSize) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes inflated by zlib, or null when they pass `cap` bytes (inflation stops there) or are not valid deflate data. */
export function inflateEntry(entry: ZipEntry, cap: number): Buffer | null {
  if (entry.method === 0) return entry.compressed.length > cap ? null : entry.compressed;
  try {
    const inflated = inflateRawSync(entry.compressed, { maxOutputLength: Math.max(1, cap) });
    return inflated.length > cap ? null : inflated;
  } catch {
    return null;
  }
}

/** The end-of-central-directory record sits in the last 22 bytes plus up to 64 KiB of comment. */
function findEndOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}
