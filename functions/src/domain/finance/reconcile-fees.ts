import type { CellValue } from '../forms/cell-parser.js';
import type { Deadline, FormSpec, MetricSpec } from '../forms/form-spec.js';
import type { Unit } from '../units/unit.js';

export type BalanceMetric = Extract<MetricSpec, { type: 'balance' }>;
export type FeeMetric = Extract<MetricSpec, { type: 'fee-per-row' }>;

/** One unit's fee account: phải nộp, đã nộp, còn nợ (negative: nộp thừa). */
export interface UnitBalance {
  readonly unitId: string;
  readonly unitName: string;
  /** Participants registered (valid rows of the registration, every period). */
  readonly participants: number;
  readonly owed: number;
  readonly paid: number;
  /** owed − paid; below 0 the unit paid too much. */
  readonly balance: number;
  readonly receipts: number;
  /** The latest payment date of its receipts ('YYYY-MM-DD'), when any has one. */
  readonly lastPaidOn?: string;
}

/** A receipts plan reconciled against a registration plan's fee. */
export interface FeeReconciliation {
  readonly receiptsForm: FormSpec;
  readonly metric: BalanceMetric;
  readonly feeForm: FormSpec;
  readonly fee: FeeMetric;
  /** Payment deadline: the balance metric's, else the fee metric's, else the receipts plan's due date. */
  readonly payBy?: Deadline;
  /** Units with something owed or paid, còn nợ first (largest first), then by name. */
  readonly units: readonly UnitBalance[];
  readonly totals: {
    readonly owed: number;
    readonly paid: number;
    /** Còn nợ: what the units that owe still owe; one unit's overpayment never pays another's debt. */
    readonly balance: number;
    /** Nộp thừa: what units paid beyond what they owe, to be refunded (0 when none did). */
    readonly overpaid: number;
    readonly receipts: number;
  };
}

/** A stored submission as reconciliation reads it. */
export interface ReconciledSubmission {
  readonly formId: string;
  readonly unitId: string;
  readonly rows: readonly { readonly values: Readonly<Record<string, CellValue>> }[];
}

/** What went wrong defining a reconciliation (English, for the operator's list of control problems). */
export interface ReconciliationProblem {
  readonly formId: string;
  readonly metricId: string;
  readonly message: string;
}

/** Every balance metric of the plans, each reconciled: owed = registered rows × fee, paid = sum of receipts, còn nợ = owed − paid; in total, còn nợ and nộp thừa apart. */
export function reconcileFees(
  forms: readonly FormSpec[],
  units: readonly Unit[],
  submissions: readonly ReconciledSubmission[],
): { reconciliations: FeeReconciliation[]; problems: ReconciliationProblem[] } {
  const reconciliations: FeeReconciliation[] = [];
  const problems: ReconciliationProblem[] = [];
  for (const receiptsForm of forms) {
    for (const metric of receiptsForm.metrics) {
      if (metric.type !== 'balance') continue;
      const feeForm = forms.find((f) => f.id === metric.against.formId);
      const fee = feeForm?.metrics.find(
        (m): m is FeeMetric => m.id === metric.against.metricId && m.type === 'fee-per-row',
      );
      if (!feeForm || !fee) {
        problems.push({
          formId: receiptsForm.id,
          metricId: metric.id,
          message: `Metric '${metric.id}' of plan '${receiptsForm.id}' reconciles against '${metric.against.formId}/${metric.against.metricId}', which is no 'Tiền mỗi dòng' metric of a plan in use: fix 'Đối chiếu với' in the control's 'Chỉ số' tab.`,
        });
        continue;
      }
      reconciliations.push(reconcileOne(receiptsForm, metric, feeForm, fee, units, submissions));
    }
  }
  return { reconciliations, problems };
}

function reconcileOne(
  receiptsForm: FormSpec,
  metric: BalanceMetric,
  feeForm: FormSpec,
  fee: FeeMetric,
  units: readonly Unit[],
  submissions: readonly ReconciledSubmission[],
): FeeReconciliation {
  const dateColumn = receiptsForm.columns.find((c) => c.type === 'date')?.key;
  const accounts = new Map<string, { participants: number; paid: number; receipts: number; lastPaidOn?: string }>();
  const account = (unitId: string) => {
    let found = accounts.get(unitId);
    if (!found) accounts.set(unitId, (found = { participants: 0, paid: 0, receipts: 0 }));
    return found;
  };
  for (const s of submissions) {
    if (s.formId === feeForm.id && s.rows.length > 0) account(s.unitId).participants += s.rows.length;
    if (s.formId !== receiptsForm.id || s.rows.length === 0) continue;
    const a = account(s.unitId);
    for (const row of s.rows) {
      a.paid += wholeDong(row.values[metric.column]);
      a.receipts += 1;
      const on = dateColumn ? row.values[dateColumn] : undefined;
      if (typeof on === 'string' && (a.lastPaidOn === undefined || on > a.lastPaidOn)) a.lastPaidOn = on;
    }
  }
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows: UnitBalance[] = [...accounts.entries()].map(([unitId, a]) => {
    const owed = a.participants * fee.amount;
    return {
      unitId,
      unitName: names.get(unitId) ?? unitId,
      participants: a.participants,
      owed,
      paid: a.paid,
      balance: owed - a.paid,
      receipts: a.receipts,
      ...(a.lastPaidOn ? { lastPaidOn: a.lastPaidOn } : {}),
    };
  });
  rows.sort(
    (a, b) =>
      Number(b.balance > 0) - Number(a.balance > 0) ||
      b.balance - a.balance ||
      a.unitName.localeCompare(b.unitName, 'vi'),
  );
  const totals = rows.reduce(
    (t, r) => ({
      owed: t.owed + r.owed,
      paid: t.paid + r.paid,
      balance: t.balance + Math.max(r.balance, 0),
      overpaid: t.overpaid + Math.max(-r.balance, 0),
      receipts: t.receipts + r.receipts,
    }),
    { owed: 0, paid: 0, balance: 0, overpaid: 0, receipts: 0 },
  );
  const payBy =
    metric.payBy ?? fee.payBy ?? (receiptsForm.period.type === 'once' ? receiptsForm.period.due : undefined);
  return { receiptsForm, metric, feeForm, fee, ...(payBy ? { payBy } : {}), units: rows, totals };
}

/** Amounts are whole đồng: a stray fraction from a formula is rounded, never carried into còn nợ. */
function wholeDong(value: CellValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : 0;
}
