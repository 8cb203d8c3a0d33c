import { foldForMatch } from '../cells/fold.js';
import { COLUMN_TYPES, type ColumnType } from '../forms/form-spec.js';
import { partOfOf, referenceOf, uniqueWithOf } from './assemble-rules.js';
import { columnKeyOf } from './column-key.js';
import { splitList, type OptionLists, type PlanRecord, type ReportAt } from './plan-records.js';
import { COLUMN_TYPE_NAMES, vocabularyKey } from './plan-vocabulary.js';

/** A plan's columns from its "Cột biểu mẫu" rows, in 'Thứ tự' order, with their option lists. */
export function assembleColumns(id: string, records: readonly PlanRecord[], lists: OptionLists, at: ReportAt) {
  const sorted = [...records].sort((a, b) => Number(a.values.order) - Number(b.values.order));
  const orders = new Set<number>();
  const keys = new Set(sorted.flatMap((r) => (r.values.key !== undefined ? [String(r.values.key)] : [])));
  const columns = sorted.map((record) => {
    const v = record.values;
    const order = Number(v.order);
    if (orders.has(order)) at(record, 'Thứ tự', `thứ tự ${order} đã dùng cho một cột khác của biểu mẫu '${id}'.`);
    orders.add(order);
    const type = vocabularyKey(COLUMN_TYPE_NAMES, String(v.type)) as ColumnType;
    const header = String(v.header);
    return {
      key: v.key !== undefined ? String(v.key) : uniqueKey(columnKeyOf(header), keys),
      header,
      aliases: splitList(v.aliases, ';'),
      type: COLUMN_TYPES.includes(type) ? type : 'text',
      required: v.required === true,
      ...optionsOf(record, type, lists, at),
      ...(v.min !== undefined ? { min: Number(v.min) } : {}),
      ...(v.max !== undefined ? { max: Number(v.max) } : {}),
      ...(v.maxLength !== undefined ? { maxLength: Number(v.maxLength) } : {}),
      ...(v.help !== undefined ? { help: String(v.help) } : {}),
      period: v.period === true,
      counter: v.counter === true,
      ...(v.unique === true ? { unique: true } : {}),
      ...referenceOf(record, at),
    };
  });
  // 'Không trùng cùng' and 'Là phần của' name other columns by header: resolved once every column has its key.
  const withRules = columns.map((column, i) => {
    const record = sorted[i];
    return record
      ? { ...column, ...uniqueWithOf(record, column.key, columns, at), ...partOfOf(record, column.key, columns, at) }
      : column;
  });
  return { columns: withRules, columnRows: sorted };
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  taken.add(key);
  return key;
}

function optionsOf(record: PlanRecord, type: ColumnType, lists: OptionLists, at: ReportAt) {
  const name = record.values.list;
  if (name === undefined) return {};
  if (type !== 'enum' && type !== 'multi-enum') {
    at(
      record,
      'Danh mục',
      `chỉ cột kiểu '${COLUMN_TYPE_NAMES.enum}' hoặc '${COLUMN_TYPE_NAMES['multi-enum']}' dùng danh mục; hãy xóa ô này hoặc đổi 'Kiểu'.`,
    );
    return {};
  }
  const list = lists.get(foldForMatch(String(name)));
  if (!list) {
    const known = [...lists.values()].map((l) => `'${l.name}'`).join(', ');
    at(
      record,
      'Danh mục',
      `danh mục '${String(name)}' không có trong trang 'Danh mục lựa chọn'${known ? ` (hiện có: ${known})` : ''}.`,
    );
    return {};
  }
  if (list.broken)
    at(record, 'Danh mục', `danh mục '${list.name}' có dòng bị lỗi ở trang 'Danh mục lựa chọn'; sửa dòng đó trước.`);
  return { options: list.options.map((o) => ({ value: o.value, aliases: [...o.aliases] })) };
}
