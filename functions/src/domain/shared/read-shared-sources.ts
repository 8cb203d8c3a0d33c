import { cleanText, foldForMatch } from '../cells/fold.js';
import { compileForm } from '../forms/compile-form.js';
import type { FormSpec } from '../forms/form-spec.js';
import { findTab, readFormTab, type SheetTab } from '../forms/read-form-tab.js';
import { DEFAULT_TIME_COLUMN, DEFAULT_UNIT_COLUMN, sharedSourceId, type SharedSource } from './shared-source.js';
import { SHARED_SOURCES_TAB_SPEC } from './shared-sources-layout.js';
import { lowerFirst } from '../cells/sentence-case.js';

const compiled = compileForm(SHARED_SOURCES_TAB_SPEC);

/**
 * Read the control's "Nguồn dữ liệu" tab against the plans in use. A missing tab means no shared
 * source; each wrong row is left out with a Vietnamese problem naming tab, row and column.
 */
export function readSharedSources(
  tabs: readonly SheetTab[],
  forms: readonly FormSpec[],
): { sources: SharedSource[]; problems: string[] } {
  const tab = findTab(tabs, SHARED_SOURCES_TAB_SPEC.tab);
  if (!tab) return { sources: [], problems: [] };
  const reading = readFormTab(compiled, tab);
  const problems = reading.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  for (const row of reading.rejected)
    problems.push(...row.errors.map((e) => `Trang '${tab.name}', ${lowerFirst(e.message)}`));
  const sources: SharedSource[] = [];
  for (const row of reading.valid) {
    const v = row.values;
    const where = `Trang '${tab.name}', dòng ${row.rowNumber}`;
    const typedForm = cleanText(String(v.formId));
    const form = forms.find((f) => foldForMatch(f.id) === foldForMatch(typedForm));
    if (!form) {
      problems.push(
        `${where}, cột 'Mã biểu mẫu': không có biểu mẫu đang dùng mang mã '${typedForm}'; hãy chép đúng mã từ trang 'Biểu mẫu'. Dòng này bị bỏ qua.`,
      );
      continue;
    }
    if (form.filledBy === 'parent') {
      // A shared sheet's rows go to the unit each names (a chi đoàn), yet such a plan is owed by the parents.
      problems.push(
        `${where}, cột 'Mã biểu mẫu': biểu mẫu '${form.id}' do đơn vị cấp trên nhập về các đơn vị trực thuộc (Đối tượng 'Cấp trên của …'), nên không thu qua bảng chung được: mỗi đơn vị cấp trên nhập ở trang '${form.tab}' trong bảng tính của chính mình. Dòng này bị bỏ qua.`,
      );
      continue;
    }
    const earlier = sources.find((s) => s.formId === form.id);
    if (earlier) {
      problems.push(
        `${where}: biểu mẫu '${form.id}' đã có nguồn chung ở dòng ${earlier.rowNumber}; mỗi biểu mẫu chỉ nhận một bảng chung, nên dòng này bị bỏ qua.`,
      );
      continue;
    }
    const unitColumn = textOr(v.unitColumn, DEFAULT_UNIT_COLUMN);
    const timeColumn = textOr(v.timeColumn, DEFAULT_TIME_COLUMN);
    if (foldForMatch(unitColumn) === foldForMatch(timeColumn)) {
      problems.push(
        `${where}: 'Cột đơn vị' và 'Cột thời gian' cùng là '${unitColumn}'; hãy ghi hai cột khác nhau. Dòng này bị bỏ qua.`,
      );
      continue;
    }
    sources.push({
      id: sharedSourceId(form.id),
      formId: form.id,
      file: cleanText(String(v.file)),
      tab: textOr(v.tab, form.tab),
      unitColumn,
      timeColumn,
      rowNumber: row.rowNumber,
    });
  }
  return { sources, problems };
}

function textOr(value: unknown, fallback: string): string {
  const text = value === undefined ? '' : cleanText(String(value));
  return text === '' ? fallback : text;
}
