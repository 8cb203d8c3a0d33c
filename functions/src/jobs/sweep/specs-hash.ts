import { createHash } from 'node:crypto';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { stableJson } from '../../domain/submissions/build-submissions.js';

/** Each form's canonical JSON, made once per spec object: a sweep hashes the same forms for every one of its units. */
const formJson = new WeakMap<FormSpec, string>();

function canonicalForm(form: FormSpec): string {
  let json = formJson.get(form);
  if (json === undefined) formJson.set(form, (json = stableJson(form)));
  return json;
}

/**
 * What a unit's reading depends on besides its file: the reader's version, its forms and its
 * source. The same value as `hashContent({ READER_VERSION, forms, source })` (keys in stableJson's
 * order), so stored states stay valid, without canonicalizing every form again for each unit.
 */
export function unitSpecsHash(readerVersion: number, forms: readonly FormSpec[], source: string): string {
  const json = `{"READER_VERSION":${stableJson(readerVersion)},"forms":[${forms.map(canonicalForm).join(',')}],"source":${stableJson(source)}}`;
  return createHash('sha256').update(json).digest('hex');
}
