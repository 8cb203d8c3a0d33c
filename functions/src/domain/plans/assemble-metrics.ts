import { foldForMatch } from '../cells/fold.js';
import { deadline } from './assemble-period.js';
import type { PlanRecord, ReportAt } from './plan-records.js';
import { COUNT_SPAN_NAMES, METRIC_TYPE_NAMES, vocabularyKey } from './plan-vocabulary.js';

/** What a metric needs of a column to name it. */
export type ColumnLike = {
  key: string;
  header: string;
  aliases: string[];
  options?: { value: string; aliases: string[] }[];
};

/** A plan's metrics from its "Chỉ số" rows; the 'Cột' cell may hold a column's header, alias or key. */
export function assembleMetrics(records: readonly PlanRecord[], columns: readonly ColumnLike[], at: ReportAt) {
  const ids = new Set<string>();
  return records.map((record) => {
    const v = record.values;
    const metricId = String(v.metricId);
    if (ids.has(metricId))
      at(record, 'Mã chỉ số', `mã chỉ số '${metricId}' đã dùng cho một chỉ số khác của biểu mẫu này.`);
    ids.add(metricId);
    const type = vocabularyKey(METRIC_TYPE_NAMES, String(v.how));
    const base = { type, id: metricId, label: v.label };
    const need = (key: string, header: string): boolean => {
      if (v[key] !== undefined) return true;
      at(record, header, `chưa nhập; cách tính '${String(v.how)}' cần cột này.`);
      return false;
    };
    const column = (key = 'column', header = 'Cột'): ColumnLike | undefined => {
      if (!need(key, header)) return undefined;
      const named = String(v[key]);
      const wanted = foldForMatch(named);
      const found = columns.find(
        (c) => c.key === named || [c.header, ...c.aliases].some((h) => foldForMatch(h) === wanted),
      );
      if (!found)
        at(
          record,
          header,
          `biểu mẫu không có cột '${named}' (các cột: ${columns.map((c) => `'${c.header}'`).join(', ')}).`,
        );
      return found;
    };
    const share = () => (v.target !== undefined ? { target: Math.round(Number(v.target) * 1e4) / 1e6 } : {});
    switch (type) {
      case 'row-count':
        return base;
      case 'sum':
        return { ...base, column: column()?.key };
      case 'fee-per-row':
        return need('amount', 'Số tiền mỗi dòng')
          ? {
              ...base,
              amount: v.amount,
              ...(v.payByDate !== undefined ? { payBy: deadline(v.payByDate, v.payByTime) } : {}),
            }
          : base;
      case 'weeks-with-activity':
        return { ...base, weekColumn: column()?.key, ...(v.atLeast !== undefined ? { minPerWeek: v.atLeast } : {}) };
      case 'participation-rate':
        return { ...base, column: column()?.key, ...share() };
      case 'weeks-meeting-target':
        return {
          ...base,
          weekColumn: column('weekColumn', 'Cột tuần')?.key,
          column: column()?.key,
          ...(v.atLeast !== undefined ? { minPerWeek: v.atLeast } : {}),
          ...share(),
        };
      case 'count-where': {
        const found = column();
        if (!need('equals', 'Giá trị')) return base;
        const equals =
          found?.options?.find((o) =>
            [o.value, ...o.aliases].some((n) => foldForMatch(n) === foldForMatch(String(v.equals))),
          )?.value ?? String(v.equals);
        const per = vocabularyKey(COUNT_SPAN_NAMES, String(v.per ?? ''));
        return {
          ...base,
          column: found?.key,
          equals,
          ...(v.atLeast !== undefined ? { atLeast: v.atLeast } : {}),
          ...(per ? { per } : {}),
        };
      }
      case 'balance': {
        const found = column();
        if (!need('against', 'Đối chiếu với')) return base;
        const [formId, metricId] = String(v.against)
          .split('/')
          .map((part) => part.trim());
        if (!formId || !metricId)
          at(
            record,
            'Đối chiếu với',
            `'${String(v.against)}' chưa đúng dạng mã-biểu-mẫu/mã-chỉ-số, ví dụ tap-huan-2024/kinh-phi.`,
          );
        return {
          ...base,
          column: found?.key,
          against: { formId, metricId },
          ...(v.payByDate !== undefined ? { payBy: deadline(v.payByDate, v.payByTime) } : {}),
          ...(v.payAt !== undefined ? { payAt: String(v.payAt) } : {}),
        };
      }
      default:
        return base;
    }
  });
}
