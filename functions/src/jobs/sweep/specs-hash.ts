import { createHash } from 'node:crypto';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { stableJson } from '../../domain/submissions/build-submissions.js';
import type { Unit } from '../../domain/units/unit.js';

/** Each form's canonical JSON, made once per spec object: a sweep hashes the same forms for every one of its units. */
const formJson = new WeakMap<FormSpec, string>();

function canonicalForm(form: FormSpec): string {
  let json = formJson.get(form);
  if (json === undefined) formJson.set(form, (json = stableJson(form)));
  return json;
}

/**
 * What a unit's reading depends on besides its file: the reader's version, its forms, its source,
 * (`referenced`, when its forms refer to a form collected elsewhere) the stored hashes of its submissions
 * of that form, and (`children`, when it fills a plan about the units under it) those units. The same value
 * as `hashContent({ READER_VERSION, children, forms, referenced, source })` (keys in stableJson's order,
 * `children` and `referenced` left out when undefined), so stored states stay valid, without
 * canonicalizing every form again for each unit.
 */
export function unitSpecsHash(
  readerVersion: number,
  forms: readonly FormSpec[],
  source: string,
  referenced?: readonly string[],
  children?: readonly Unit[],
): string {
  const elsewhere = referenced === undefined ? '' : `"referenced":${stableJson(referenced)},`;
  const under = children === undefined ? '' : `"children":${stableJson(children)},`;
  const json = `{"READER_VERSION":${stableJson(readerVersion)},${under}"forms":[${forms.map(canonicalForm).join(',')}],${elsewhere}"source":${stableJson(source)}}`;
  return createHash('sha256').update(json).digest('hex');
}
