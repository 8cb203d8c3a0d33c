import { formSpecSchema, type FormSpec, type FormSpecInput } from '../domain/forms/form-spec.js';
import type { Unit } from '../domain/units/unit.js';
import { ictInstant } from '../domain/time/ict.js';
import {
  DEFAULT_TIME_COLUMN,
  DEFAULT_UNIT_COLUMN,
  sharedSourceId,
  type SharedSource,
} from '../domain/shared/shared-source.js';
import type { DemoWorkbook } from './demo-district.js';

/** The registration whose fee the finance desk collects (1.900.000 đ a person, by 16/09/2024). */
export const FEE_FORM_ID = 'tap-huan-2024';
const FEE_METRIC_ID = 'kinh-phi';

/**
 * The finance desk's receipts plan, filled by the district office (not by units): one row per receipt,
 * naming the school; its Còn nợ metric reconciles it with the training registration's fee.
 */
const RECEIPTS_PLAN: FormSpecInput = {
  id: 'thu-kinh-phi-tap-huan-2024',
  title: 'Thu kinh phí tập huấn',
  issuer: 'Quận Đoàn 1',
  kind: 'report',
  tab: 'Thu kinh phí',
  columns: [
    { key: 'soTien', header: 'Số tiền', type: 'money', required: true, min: 1 },
    { key: 'ngayNop', header: 'Ngày nộp', type: 'date', required: true },
    { key: 'nguoiNop', header: 'Người nộp', type: 'text' },
    { key: 'soBienLai', header: 'Số biên lai', type: 'text', required: true, unique: true },
  ],
  period: { type: 'once', due: { date: '2024-09-16' } },
  targets: { unitTypes: ['lien-doi'] },
  filledBy: 'district',
  minRows: 0,
  metrics: [
    {
      type: 'balance',
      id: 'con-no',
      label: 'Kinh phí còn nợ',
      column: 'soTien',
      against: { formId: FEE_FORM_ID, metricId: FEE_METRIC_ID },
      payBy: { date: '2024-09-16' },
      payAt: 'bộ phận tài chính Quận Đoàn 1, thứ 3 và thứ 5 theo giờ hành chính',
    },
  ],
};

/** 16g30 12/09/2024: the district adds the receipts plan and the finance desk saves its book, before the 7g30 13/09 notice run. */
export const DEMO_FINANCE_AT = ictInstant('2024-09-12', '16:30');
/** The owing school must have its registration stored by the sweep of 12/09, so the 13/09 run sees what it owes. */
const REGISTERED_BY = ictInstant('2024-09-13');

/** The finance desk's book in the units folder, its one tab, and its columns. */
export const FINANCE_BOOK_FILE = 'thu-kinh-phi.xlsx';
export const FINANCE_BOOK_TAB = 'Thu kinh phí';
export const FINANCE_BOOK_HEADER = ['Đơn vị', 'Số tiền', 'Ngày nộp', 'Người nộp', 'Số biên lai'] as const;

/** What the finance desk recorded, and the one school that still owes. */
export interface DemoFinance {
  readonly spec: FormSpec;
  readonly at: Date;
  /** Receipts, one per paying school, in unit order: Đơn vị, Số tiền (đồng), Ngày nộp, Người nộp, Số biên lai. */
  readonly receipts: readonly (readonly [string, number, string, string, string])[];
  /** Each registered school's valid registrations and what it owes, in unit order. */
  readonly accounts: readonly {
    readonly unitId: string;
    readonly registered: number;
    readonly owed: number;
    readonly paid: number;
  }[];
  /** The school that paid for one person fewer than it registered. */
  readonly owingUnitId: string | undefined;
}

/**
 * The demo's finance desk: every school with valid registrations pays for all of them, except one
 * (registered before the 13/09 notice run, two people or more) that paid for one fewer. Deterministic.
 */
export function demoFinance(
  trainingSpec: FormSpec | undefined,
  units: readonly Unit[],
  workbooks: readonly DemoWorkbook[],
): DemoFinance {
  const spec = formSpecSchema.parse(RECEIPTS_PLAN);
  const fee = trainingSpec?.metrics.find((m) => m.id === FEE_METRIC_ID);
  const amount = fee?.type === 'fee-per-row' ? fee.amount : 0;
  const registered = workbooks.map((w) => ({ workbook: w, count: validRegistrations(w) })).filter((r) => r.count > 0);
  const owing = registered.find(
    (r) => r.count >= 2 && r.workbook.scenario === 'clean' && allSentBefore(r.workbook, REGISTERED_BY),
  );
  const accounts = registered.map(({ workbook, count }) => {
    const paidPeople = workbook === owing?.workbook ? count - 1 : count;
    return { unitId: workbook.unitId, registered: count, owed: count * amount, paid: paidPeople * amount };
  });
  const receipts = accounts.map((a, i) => {
    const name = units.find((u) => u.id === a.unitId)?.name ?? a.unitId;
    // Office hours are Tuesday and Thursday: 10/09 and 12/09/2024.
    return [
      name,
      a.paid,
      i % 2 === 0 ? '10/09/2024' : '12/09/2024',
      'Tổng phụ trách Đội',
      `BL-${String(i + 1).padStart(3, '0')}`,
    ] as const;
  });
  return { spec, at: DEMO_FINANCE_AT, receipts, accounts, owingUnitId: owing?.workbook.unitId };
}

/** Registration rows the sweep accepts: all rows of the final file, less those with a typing mistake; none under a renamed header. */
function validRegistrations(workbook: DemoWorkbook): number {
  if (workbook.renamedHeader?.formId === FEE_FORM_ID) return 0;
  const rows = workbook.rowsByFormId.get(FEE_FORM_ID)?.length ?? 0;
  const mistaken = new Set(workbook.mistakes.filter((m) => m.formId === FEE_FORM_ID).map((m) => m.rowIndex));
  return rows - mistaken.size;
}

/** Whether the unit had sent all its final registration rows before `instant`. */
function allSentBefore(workbook: DemoWorkbook, instant: Date): boolean {
  const final = workbook.rowsByFormId.get(FEE_FORM_ID)?.length ?? 0;
  return workbook.sends.some((s) => s.at < instant && (s.rowsByFormId.get(FEE_FORM_ID)?.length ?? 0) === final);
}

/**
 * The book as the control's "Nguồn dữ liệu" row declares it, for the replay's sweeps (which do not read the control):
 * its row follows those of the books saved before it (Hội đồng Đội's, 2023).
 */
export function demoFinanceSource(finance: DemoFinance, rowNumber = 2): SharedSource {
  return {
    id: sharedSourceId(finance.spec.id),
    formId: finance.spec.id,
    file: FINANCE_BOOK_FILE,
    tab: FINANCE_BOOK_TAB,
    unitColumn: DEFAULT_UNIT_COLUMN,
    timeColumn: DEFAULT_TIME_COLUMN,
    rowNumber,
  };
}
