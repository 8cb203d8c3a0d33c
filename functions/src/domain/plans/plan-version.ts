import type { FormSpec } from '../forms/form-spec.js';
import { hashContent } from '../submissions/build-submissions.js';

/** A plan's version: the SHA-256 of its canonical JSON, so any change to the definition changes it and key order never does. */
export function planVersion(spec: FormSpec): string {
  return hashContent(spec);
}
