import type { SourceFingerprint } from './ports.js';

/** Whether a sheet still is the one remembered: same modification time and size. */
export function sameFingerprint(a: SourceFingerprint | null, b: SourceFingerprint): boolean {
  return a !== null && a.size === b.size && a.modifiedAt.getTime() === b.modifiedAt.getTime();
}
