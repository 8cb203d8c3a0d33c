import { createHash } from 'node:crypto';
import type { FormSpec } from '../forms/form-spec.js';
import { hashContent, stableJson } from '../submissions/build-submissions.js';

/** A plan's version: the SHA-256 of its canonical JSON, so any change to the definition changes it and key order never does. */
export function planVersion(spec: FormSpec): string {
  return hashContent(spec);
}

/** One version of a plan as stored once in `planVersions/{version}`: submissions refer to it by hash. */
export interface PlanVersionRecord {
  readonly version: string;
  readonly formId: string;
  /** The definition as compact canonical JSON (what `version` hashes). */
  readonly definition: string;
}

/** The stored record of a plan's current definition. */
export function planVersionRecord(spec: FormSpec): PlanVersionRecord {
  const definition = stableJson(spec);
  // The same hash as planVersion, without writing the JSON twice.
  return { version: createHash('sha256').update(definition).digest('hex'), formId: spec.id, definition };
}
