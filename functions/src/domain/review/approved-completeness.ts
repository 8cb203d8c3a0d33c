import { groupStats, type FormPeriodStats } from '../stats/form-period-stats.js';
import { standingsOnBasis } from './counted-stats.js';

/** What counts as a complete report: one the unit submitted in full (the default), or one the district approved. */
export type CompletenessBasis = 'submitted' | 'approved';

/** The label that says which basis a rate uses, so the two are never confused. */
export const COMPLETENESS_BASIS_LABELS: Readonly<Record<CompletenessBasis, string>> = {
  submitted: 'Tỉ lệ nộp đủ (tính theo đã nộp)',
  approved: 'Tỉ lệ nộp đủ (tính theo đã duyệt)',
};

export interface BasisCompleteness {
  readonly basis: CompletenessBasis;
  readonly label: string;
  readonly expected: number;
  readonly complete: number;
  /** complete ÷ expected, null when nothing is expected; never above 1. */
  readonly rate: number | null;
}

/** Completeness of one form and period (its statistics as computed, on submitted reports) on a basis: 'approved' follows standingsOnBasis. */
export function completenessOn(
  stats: FormPeriodStats,
  basis: CompletenessBasis,
  approvedUnitIds: ReadonlySet<string>,
): BasisCompleteness {
  const expected = stats.overall.expected;
  const complete =
    basis === 'submitted'
      ? stats.overall.complete
      : groupStats(standingsOnBasis(stats.units, basis, approvedUnitIds)).complete;
  return {
    basis,
    label: COMPLETENESS_BASIS_LABELS[basis],
    expected,
    complete,
    rate: expected === 0 ? null : Math.min(1, complete / expected),
  };
}
