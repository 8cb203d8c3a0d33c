import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { addPlansToControlWorkbook } from '../../adapters/workbook/add-control-plans.js';
import { readControlWorkbook } from '../../adapters/workbook/read-control-workbook.js';
import { ConfigError } from '../../config.js';
import { periodLabel } from '../../domain/periods/period-id.js';
import { periodsOf } from '../../domain/periods/schedule.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { controlWorkbookPath, type CommandContext } from './context.js';

/**
 * `tonghop plans …`: the district's plans in its control workbook. `check` lists every mistake
 * (exit 1 when there is one), `list` shows the plans in use, `add` copies plans from the catalog
 * (the seven seed plans) — the only place the catalog is read.
 */

/** `tonghop plans check`: every mistake of the control workbook, with its tab, row and column; exit code 1 when any. */
export async function plansCheckCommand({ config, out }: CommandContext, opts: { control?: string }): Promise<number> {
  refuseGoogleWithoutFile(config.source, opts.control);
  const file = controlWorkbookPath(config, opts.control);
  const control = await readControlWorkbook(file);
  if (out.json) {
    out.printJson({
      control: file,
      plans: control.plans.plans.map((p) => p.id),
      closed: [...control.plans.closed],
      problems: control.problems,
    });
    return control.problems.length > 0 ? 1 : 0;
  }
  out.print(`Bảng điều khiển: ${file}`);
  out.print(
    `Kế hoạch đang dùng: ${control.plans.plans.length} (${control.plans.plans.map((p) => p.id).join(', ') || 'chưa có'}).`,
  );
  if (control.problems.length === 0) {
    out.print('Không có lỗi.');
    return 0;
  }
  out.print(`Có ${control.problems.length} lỗi cần sửa:`);
  for (const problem of control.problems) out.print(`  - ${problem}`);
  return 1;
}

/** `tonghop plans list [--catalog]`: the plans the control defines (or the catalog's), with their periods and deadlines. */
export async function plansListCommand(
  { config, out }: CommandContext,
  opts: { control?: string; catalog?: boolean },
): Promise<void> {
  if (!opts.catalog) refuseGoogleWithoutFile(config.source, opts.control);
  const control = opts.catalog ? undefined : await readControlWorkbook(controlWorkbookPath(config, opts.control));
  const plans = control ? control.plans.plans : await loadBuiltinForms();
  if (out.json) {
    out.printJson(
      plans.map((p) => ({ id: p.id, title: p.title, tab: p.tab, closed: control?.plans.closed.has(p.id) ?? false })),
    );
    return;
  }
  out.print(
    opts.catalog
      ? 'Biểu mẫu mẫu (chép vào bảng điều khiển: npx tonghop plans add <mã>):'
      : 'Kế hoạch của bảng điều khiển:',
  );
  for (const plan of plans)
    out.print(
      `  - ${plan.id}: ${plan.title} — ${whenDue(plan)}${control?.plans.closed.has(plan.id) ? ' (đã đóng)' : ''}`,
    );
}

/** `tonghop plans add <id…>`: copy catalog plans into the control workbook, leaving what the district has. */
export async function plansAddCommand(
  { config, out }: CommandContext,
  ids: readonly string[],
  opts: { control?: string },
): Promise<void> {
  const catalog = await loadBuiltinForms();
  const unknown = ids.filter((id) => !catalog.some((spec) => spec.id === id));
  if (unknown.length > 0)
    throw new ConfigError(
      `Không có biểu mẫu mẫu mã ${unknown.map((id) => `'${id}'`).join(', ')}. Các mã có: ${catalog.map((s) => s.id).join(', ')}.`,
    );
  refuseGoogleWithoutFile(config.source, opts.control);
  const file = controlWorkbookPath(config, opts.control);
  const result = await addPlansToControlWorkbook(
    file,
    catalog.filter((spec) => ids.includes(spec.id)),
  );
  if (out.json) {
    out.printJson({ control: file, ...result });
    return;
  }
  for (const id of result.added)
    out.print(
      `Đã chép biểu mẫu '${id}' vào ${file}: sửa hạn nộp, đối tượng, cột… ngay trong bảng điều khiển; lượt quét sau áp dụng.`,
    );
  for (const id of result.alreadyThere)
    out.print(`Bảng điều khiển đã có biểu mẫu '${id}': giữ nguyên như Quận Đoàn đã khai báo.`);
}

/** The plans commands work on a control workbook; a Google control spreadsheet is read by every run instead (problems in its summary). */
function refuseGoogleWithoutFile(source: string, control: string | undefined): void {
  if (source === 'google' && control === undefined) {
    throw new ConfigError(
      'Lệnh tonghop plans làm việc trên bảng điều khiển dạng .xlsx. Với TONGHOP_SOURCE=google: tải bảng điều khiển về dạng .xlsx, chạy lệnh với --control <tệp.xlsx>, rồi dán các trang kế hoạch trở lại; lỗi của bảng tính Google được liệt kê ở trang "Lỗi dữ liệu" của bảng tổng hợp sau mỗi lượt quét.',
    );
  }
}

function whenDue(plan: FormSpec): string {
  const periods = periodsOf(plan);
  if (periods.length === 1 && periods[0]) return periodLabel(plan, periods[0].id);
  const first = periods[0];
  const last = periods.at(-1);
  return first && last
    ? `${periods.length} kỳ, ${periodLabel(plan, first.id)} – ${periodLabel(plan, last.id)}`
    : 'chưa có kỳ nào';
}
