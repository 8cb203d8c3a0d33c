import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { writeFormTemplates } from '../../adapters/workbook/write-templates.js';
import { readControlWorkbook } from '../../adapters/workbook/read-control-workbook.js';
import { logControlProblems } from '../../app/log-control-problems.js';
import { lineOperatorLog } from '../../app/operator-log.js';
import { localizePlan } from '../../domain/plans/district-placeholders.js';
import { openForms } from '../../domain/plans/plans-in-use.js';
import { controlWorkbookPath, type CommandContext } from './context.js';

/** sheets-templates/xlsx/, from src/ or the compiled lib/. */
const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../../sheets-templates/xlsx/', import.meta.url));

const NO_DISTRICT = { districtName: '', officeEmail: '', contactName: '', contactPhone: '' };

/** `tonghop templates`: one .xlsx template per plan the control workbook defines (or per catalog plan, with --catalog). */
export async function templatesCommand(
  { config, out }: CommandContext,
  opts: { out?: string; control?: string; catalog?: boolean },
): Promise<void> {
  const outDir = path.resolve(opts.out ?? DEFAULT_TEMPLATES_DIR);
  const control = opts.catalog ? undefined : await readControlWorkbook(controlWorkbookPath(config, opts.control));
  // A plan skipped for a mistake gets no template: never silently.
  if (control)
    logControlProblems(
      lineOperatorLog((line) => out.log(line)),
      control.problems,
    );
  // Catalog templates belong to no district yet: its name is left as a dotted line to write on.
  const forms = control
    ? openForms(control.plans)
    : (await loadBuiltinForms()).map((form) => localizePlan(form, NO_DISTRICT));
  const files = await writeFormTemplates(forms, outDir);
  if (out.json) {
    out.printJson({ files });
    return;
  }
  out.print(`Đã tạo ${files.length} biểu mẫu .xlsx trong ${outDir}:`);
  for (const [i, file] of files.entries()) out.print(`  - ${path.basename(file)}: ${forms[i]?.title ?? ''}`);
}
