import type { z } from 'zod';
import { COLUMN_TYPE_NAMES, PERIOD_TYPE_NAMES, type PeriodType } from './plan-vocabulary.js';
import type { ColumnType } from '../forms/form-spec.js';

/**
 * A FormSpec schema complaint (English, for engineers) said in Vietnamese for district staff.
 * The cross-field checks of form-spec-checks.ts are recognised by their wording; anything
 * else is told by the field it is about.
 */
export function specIssueReason(issue: z.core.$ZodIssue, headerOf: (key: string) => string): string {
  const m = (re: RegExp) => re.exec(issue.message);
  let found: RegExpExecArray | null;
  if ((found = m(/^duplicate column key (\S+)$/)))
    return `mã cột '${found[1]}' đã dùng cho một cột khác; mỗi cột cần một mã riêng.`;
  if ((found = m(/^header or alias "(.+)" cannot be told apart from one of column (\S+)$/)))
    return `tên '${found[1]}' trùng với tên của cột '${headerOf(found[2] ?? '')}' (không kể dấu và chữ hoa); hãy đặt tên khác.`;
  if (m(/^enum columns need options$/))
    return `cột kiểu '${COLUMN_TYPE_NAMES.enum}' hoặc '${COLUMN_TYPE_NAMES['multi-enum']}' cần tên một danh mục ở trang 'Danh mục lựa chọn'.`;
  if ((found = m(/^a (\S+) form has no period column$/)))
    return `biểu mẫu kỳ '${periodName(found[1])}' không có cột kỳ báo cáo; hãy bỏ 'Có' ở cột 'Cột kỳ báo cáo'.`;
  if ((found = m(/^a (\S+) form needs exactly one column with period: true$/)))
    return `biểu mẫu kỳ '${periodName(found[1])}' cần đúng một cột ghi 'Có' ở cột 'Cột kỳ báo cáo' của trang 'Cột biểu mẫu' (cột cho biết dòng thuộc kỳ nào).`;
  if ((found = m(/^the period column of a (\S+) form must be of type (\S+)$/)))
    return `cột kỳ báo cáo của biểu mẫu kỳ '${periodName(found[1])}' phải có kiểu '${COLUMN_TYPE_NAMES[found[2] as ColumnType] ?? found[2]}'.`;
  if (m(/^the period column must be required$/)) return "cột kỳ báo cáo phải ghi 'Có' ở cột 'Bắt buộc'.";
  if ((found = m(/^period starts \((\S+)\) after it ends \((\S+)\)$/)))
    return `kỳ bắt đầu (${isoText(found[1])}) sau khi kết thúc (${isoText(found[2])}).`;
  if ((found = m(/^duplicate phase id (\S+)$/)))
    return `mã đợt '${found[1]}' đã dùng cho một đợt khác của biểu mẫu này.`;
  if ((found = m(/^duplicate phase name (.+)$/)))
    return `tên đợt '${found[1]}' đã dùng cho một đợt khác của biểu mẫu này.`;
  if ((found = m(/^metric (\S+) names unknown column (\S+)$/)))
    return `chỉ số '${found[1]}' dùng cột '${found[2]}' mà biểu mẫu không có.`;
  if ((found = m(/^metric (\S+) counts "(.+)", which is not an option of column (\S+)$/)))
    return `'${found[2]}' không có trong danh mục của cột '${headerOf(found[3] ?? '')}'; hãy ghi đúng một giá trị của danh mục.`;
  if ((found = m(/^column (\S+) is unique together with unknown column (\S+)$/)))
    return `cột '${headerOf(found[1] ?? '')}' ghi 'Không trùng cùng' cột '${found[2]}', mà biểu mẫu không có cột khác tên như vậy; hãy ghi tiêu đề một cột khác của biểu mẫu.`;
  if ((found = m(/^column (\S+) is part of unknown column (\S+)$/)))
    return `cột '${headerOf(found[1] ?? '')}' ghi 'Là phần của' cột '${found[2]}', mà biểu mẫu không có cột khác tên như vậy; hãy ghi tiêu đề một cột số khác của biểu mẫu.`;
  if ((found = m(/^column (\S+) and the column it is part of must both be numbers$/)))
    return `cột '${headerOf(found[1] ?? '')}' và cột ghi ở 'Là phần của' phải cùng là cột số (${COLUMN_TYPE_NAMES.int}, ${COLUMN_TYPE_NAMES.decimal} hoặc ${COLUMN_TYPE_NAMES.money}).`;
  if (m(/^column (\S+) cannot reference its own form$/))
    return "'Phải có trong' phải là một biểu mẫu khác, không phải chính biểu mẫu này.";
  if ((found = m(/^coverage of form (\S+) needs a column whose mustExistIn names that form$/)))
    return `không cột nào của biểu mẫu này có 'Phải có trong' trỏ tới biểu mẫu '${found[1]}'; hãy ghi cột so khớp ở trang 'Cột biểu mẫu', ví dụ ${found[1]}/Họ và tên.`;
  return byField(issue);
}

/** '2025-05' → '5/2025', '2025-05-31' → '31/05/2025'. */
function isoText(iso: string | undefined): string {
  const [year, month, day] = String(iso).split('-');
  return day === undefined ? `${Number(month)}/${year}` : `${day}/${month}/${year}`;
}

function periodName(type: string | undefined): string {
  return PERIOD_TYPE_NAMES[type as PeriodType] ?? String(type);
}

function byField(issue: z.core.$ZodIssue): string {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return 'chưa nhập (cột bắt buộc).';
      return issue.expected === 'int' ? 'phải là số nguyên.' : 'giá trị chưa hợp lệ; hãy kiểm tra lại ô này.';
    case 'invalid_format':
      if (field === 'key') return 'mã cột chỉ gồm chữ và số không dấu, bắt đầu bằng chữ, viết liền (ví dụ soLuong).';
      if (field === 'id') return 'mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ tap-huan-2024.';
      return 'giá trị chưa đúng dạng; hãy kiểm tra lại ô này.';
    case 'too_big':
      if (issue.origin === 'string') return `dài quá ${String(issue.maximum)} ký tự.`;
      return `phải nhỏ hơn${issue.inclusive ? ' hoặc bằng' : ''} ${String(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return 'chưa nhập.';
      return `phải lớn hơn${issue.inclusive ? ' hoặc bằng' : ''} ${String(issue.minimum)}.`;
    default:
      return 'giá trị chưa hợp lệ; hãy kiểm tra lại ô này.';
  }
}
