import type { Period } from '../periods/schedule.js';
import type { CoverageGap } from '../rules/coverage.js';
import { calendarDaysBetween } from '../time/ict.js';
import type { SubmissionStatus } from './status-kinds.js';

/** What a status needs to know of a stored submission. */
export interface SubmissionFacts {
  readonly unitId: string;
  readonly periodId: string;
  readonly counts: { readonly read: number; readonly valid: number; readonly rejected: number; readonly nil: number };
  readonly complete: boolean;
  /** Coverage plans: how many of the covered form's values (registered members) the period does not hold yet. */
  readonly uncovered?: number;
  /** Coverage plans: the covered form gives nothing to compare with (never sent, or no valid row). */
  readonly coverageGap?: CoverageGap;
  readonly nil: boolean;
  /** When it first became complete (or declared nil), frozen; null if never. */
  readonly firstCompleteAt: Date | null;
  readonly lastChangedAt: Date;
}

/** A unit's standing for one form and period. */
export interface StatusResult {
  readonly status: SubmissionStatus;
  /** For complete and nil: whether the first completion came by the deadline. */
  readonly onTime?: boolean;
  /** For complete-late: ICT calendar days after the deadline. */
  readonly daysLate?: number;
  /** For missing and partial once the deadline has passed: ICT calendar days since it. */
  readonly daysOverdue?: number;
  /** For partial of a coverage plan: how many of the covered form's values are still missing ("còn 12 đoàn viên chưa đánh giá"). */
  readonly uncovered?: number;
  /** For partial of a coverage plan with nothing to compare with: "chưa có «Đăng ký …» để đối chiếu". */
  readonly coverageGap?: CoverageGap;
}

/**
 * The status of one (form, period, unit): missing, partial, nil, complete-on-time,
 * complete-late or revised-after-deadline. Timeliness keeps the first completion.
 */
export function submissionStatus(facts: SubmissionFacts | undefined, period: Period, now: Date): StatusResult {
  const overdue = now > period.due ? { daysOverdue: Math.max(1, calendarDaysBetween(period.due, now)) } : {};
  if (!facts || facts.counts.read === 0) return { status: 'missing', ...overdue };
  if (!facts.complete)
    return {
      status: 'partial',
      ...overdue,
      ...(facts.uncovered ? { uncovered: facts.uncovered } : {}),
      ...(facts.coverageGap ? { coverageGap: facts.coverageGap } : {}),
    };
  const completedAt = facts.firstCompleteAt ?? facts.lastChangedAt;
  const onTime = completedAt <= period.due;
  if (facts.nil) return { status: 'nil', onTime };
  if (!onTime)
    return { status: 'complete-late', onTime, daysLate: Math.max(1, calendarDaysBetween(period.due, completedAt)) };
  return { status: facts.lastChangedAt > period.due ? 'revised-after-deadline' : 'complete-on-time', onTime };
}
