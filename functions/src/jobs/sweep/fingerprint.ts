import type { SourceFingerprint } from './ports.js';

/** Whether a sheet still is the one remembered: same modification time and revision. */
export function sameFingerprint(a: SourceFingerprint | null, b: SourceFingerprint): boolean {
  return a !== null && a.revision === b.revision && a.modifiedAt.getTime() === b.modifiedAt.getTime();
}
