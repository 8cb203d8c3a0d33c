import { foldForMatch } from '../cells/fold.js';
import { splitList, type PlanRecord, type ReportAt } from './plan-records.js';

/**
 * The cross-form rules of the plan tabs, read from their cells: 'Phải có trong' (a reference to
 * another form's column), 'Không trùng cùng' (a key over several columns), 'Là phần của' (parts of a
 * row's total) and 'Đủ khi có mọi dòng của' (a period complete only when it covers the other form's rows).
 */

const FORM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type NamedColumn = { key: string; header: string; aliases: readonly string[] };

/** The column a rule cell names by its key, or by its header or an alias (without case or accents). */
function columnNamed<C extends NamedColumn>(name: string, columns: readonly C[]): C | undefined {
  const folded = foldForMatch(name);
  return columns.find((c) => c.key === name || [c.header, ...c.aliases].some((h) => foldForMatch(h) === folded));
}

/** 'dang-ky/Họ và tên' → { formId, column }; a problem on the cell when it is not that shape. */
export function referenceOf(record: PlanRecord, at: ReportAt): { mustExistIn?: { formId: string; column: string } } {
  const typed = record.values.mustExistIn;
  if (typed === undefined) return {};
  const text = String(typed);
  const slash = text.indexOf('/');
  const formId = text.slice(0, Math.max(0, slash)).trim();
  const column = text.slice(slash + 1).trim();
  if (slash < 0 || !FORM_ID.test(formId) || column === '') {
    at(record, 'Phải có trong', `'${text}' chưa đúng dạng mã-biểu-mẫu/Tiêu đề cột, ví dụ dang-ky-ren-luyen/Họ và tên.`);
    return {};
  }
  return { mustExistIn: { formId, column } };
}

/** The keys of the columns a 'Không trùng cùng' cell names by header, alias or key; unknown names become problems. */
export function uniqueWithOf(
  record: PlanRecord,
  ownKey: string,
  columns: readonly NamedColumn[],
  at: ReportAt,
): { uniqueWith?: string[] } {
  const names = splitList(record.values.uniqueWith, ';');
  if (names.length === 0) return {};
  const keys = names.flatMap((name) => {
    const column = columnNamed(name, columns);
    if (!column || column.key === ownKey) {
      at(
        record,
        'Không trùng cùng',
        `'${name}' không phải tiêu đề một cột khác của biểu mẫu này; hãy ghi đúng tiêu đề cột, cách nhau bằng dấu chấm phẩy (;).`,
      );
      return [];
    }
    return [column.key];
  });
  return keys.length === names.length ? { uniqueWith: keys } : {};
}

/** The key of the column a 'Là phần của' cell names by header, alias or key; an unknown name becomes a problem. */
export function partOfOf(
  record: PlanRecord,
  ownKey: string,
  columns: readonly NamedColumn[],
  at: ReportAt,
): { partOf?: string } {
  const typed = record.values.partOf;
  if (typed === undefined) return {};
  const name = String(typed).trim();
  const column = columnNamed(name, columns);
  if (!column || column.key === ownKey) {
    at(
      record,
      'Là phần của',
      `'${name}' không phải tiêu đề một cột khác của biểu mẫu này; hãy ghi đúng tiêu đề cột số mà cột này là một phần.`,
    );
    return {};
  }
  return { partOf: column.key };
}

/** The plan's 'Đủ khi có mọi dòng của' and 'Cách gọi phần còn thiếu', as the spec's coverage. */
export function coverageOf(form: PlanRecord, at: ReportAt): { coverage?: { formId: string; missingLabel?: string } } {
  const typed = form.values.coverageOf;
  const label = form.values.missingLabel;
  if (typed === undefined) {
    if (label !== undefined)
      at(
        form,
        'Cách gọi phần còn thiếu',
        "chỉ dùng khi có 'Đủ khi có mọi dòng của'; hãy xóa ô này hoặc ghi mã biểu mẫu vào cột đó.",
      );
    return {};
  }
  const formId = String(typed).trim();
  if (!FORM_ID.test(formId)) {
    at(
      form,
      'Đủ khi có mọi dòng của',
      `'${formId}' không phải mã biểu mẫu; hãy ghi mã như ở cột 'Mã biểu mẫu', ví dụ dang-ky-ren-luyen.`,
    );
    return {};
  }
  return { coverage: { formId, ...(label !== undefined ? { missingLabel: String(label) } : {}) } };
}
