import type { CellNote, RowError, ValidRow } from '../forms/compile-form.js';
import type { ColumnSpec, FormSpec } from '../forms/form-spec.js';
import type { RejectedRow } from '../forms/read-form-tab.js';
import type { ReferencedValues } from './referenced-values.js';
import { matchKey, rejectValidRow, valueText } from './rule-values.js';

/**
 * Rejects rows whose 'Phải có trong' value is not among the unit's rows of the other form, naming the row, the column
 * and that form (and the other form's refused row when the value is there). A form the unit has not sent at all
 * rejects nothing: the row is kept with a note that it is not checked yet.
 */
export function checkReferences(
  spec: FormSpec,
  rows: readonly ValidRow[],
  referenced: (formId: string) => ReferencedValues | undefined,
): { valid: ValidRow[]; rejected: RejectedRow[] } {
  const columns = spec.columns.filter((c) => c.mustExistIn);
  if (columns.length === 0) return { valid: [...rows], rejected: [] };
  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const errors: RowError[] = [];
    const notes: CellNote[] = [];
    for (const column of columns) {
      const value = row.values[column.key];
      const target = column.mustExistIn;
      if (value === undefined || !target) continue;
      const other = referenced(target.formId);
      if (other && !other.sent) notes.push(notCheckedNote(column, other));
      else if (!other?.values.has(matchKey(value)))
        errors.push({
          column: column.header,
          message: referenceMessage(row.rowNumber, column, valueText(value), target.formId, other),
        });
    }
    if (errors.length > 0) rejected.push(rejectValidRow(spec, row, errors));
    else valid.push(notes.length > 0 ? { ...row, notes: [...(row.notes ?? []), ...notes] } : row);
  }
  return { valid, rejected };
}

/** Why a value is not accepted: the other form's row holding it is refused, or the value is not there at all. */
function referenceMessage(
  rowNumber: number,
  column: ColumnSpec,
  text: string,
  formId: string,
  other: ReferencedValues | undefined,
): string {
  const said = `Dòng ${rowNumber}, cột ${column.header}: «${text}»`;
  if (!other) return `${said} chưa có trong biểu mẫu '${formId}' của đơn vị.`;
  const refused = other.refused.get(matchKey(text));
  if (refused && refused.length > 0) {
    const where = `dòng ${refused.join(', ')}`;
    const those = refused.length === 1 ? 'dòng đó' : 'các dòng đó';
    return `${said} có trong biểu mẫu «${other.title}» ở ${where} của trang '${other.tab}', nhưng ${those} đang bị từ chối nên chưa được tính. Hãy sửa ${where} của trang '${other.tab}' trước; dòng này sẽ được nhận khi ${those} hợp lệ.`;
  }
  return `${said} chưa có trong biểu mẫu «${other.title}» của đơn vị. Hãy ghi đúng như ở trang '${other.tab}', hoặc thêm vào trang đó trước.`;
}

function notCheckedNote(column: ColumnSpec, other: ReferencedValues): CellNote {
  return {
    column: column.header,
    note: `chưa đối chiếu được với biểu mẫu «${other.title}» vì đơn vị chưa gửi trang '${other.tab}'`,
  };
}
