import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ADVICE } from '../../domain/errors/advice.js';
import { EXIT } from '../../domain/errors/exit-code.js';
import { OperatorError } from '../../domain/errors/operator-error.js';
import { formSpecSchema, type FormSpec } from '../../domain/forms/form-spec.js';

/** sheets-templates/forms/, the same number of levels up from src/ and from the compiled lib/. */
export const BUILTIN_FORMS_DIR = fileURLToPath(new URL('../../../../sheets-templates/forms/', import.meta.url));

/** Thrown when a form spec file does not satisfy the meta-schema: names the file and the field. */
export class FormSpecError extends OperatorError {
  override readonly name = 'FormSpecError';
  readonly exitCode = EXIT.usage;
  readonly fix =
    "correct the form spec JSON named above (sheets-templates/forms/, or the control workbook's plan), then run again";
  readonly advice = ADVICE.formSpec;
}

/** Load and validate every built-in form spec (one JSON file per form). */
export async function loadBuiltinForms(dir: string = BUILTIN_FORMS_DIR): Promise<FormSpec[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const specs = await Promise.all(files.map(async (file) => parseFormSpecFile(path.join(dir, file))));
  return specs.sort((a, b) => a.id.localeCompare(b.id));
}

async function parseFormSpecFile(file: string): Promise<FormSpec> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const result = formSpecSchema.safeParse(json);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new FormSpecError(`Invalid form spec ${file}: ${details}`);
  }
  return result.data;
}
