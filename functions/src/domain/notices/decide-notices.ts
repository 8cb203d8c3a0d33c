import type { SubmissionStatus } from '../status/status-kinds.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import { formatIctDateTime } from '../time/ict.js';
import type { Unit } from '../units/unit.js';
import { STAGE_PRIORITY, type LedgerEntry, type NoticePolicy, type NoticeStage } from './notice-kinds.js';
import { isQuietHour, noticeScheduleOf, noticeTiming } from './notice-timing.js';
import { pad2 } from '../time/calendar.js';
import { decidePaymentNotices } from './decide-payment-notices.js';
import { noticeId } from '../ids/document-ids.js';

/** A notice this run should send (the job still re-checks the status and claims the ledger entry first). */
export interface PlannedNotice {
  readonly id: string;
  readonly formId: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly stage: NoticeStage;
  readonly to: string[];
  readonly cc: string[];
  /** The period's last on-time instant. */
  readonly due: Date;
  readonly status: Extract<SubmissionStatus, 'missing' | 'partial'>;
  readonly daysOverdue?: number;
  /** True when an earlier attempt failed and this one retries it. */
  readonly retry: boolean;
  /** A payment reminder ("nhắc đóng kinh phí"): status 'missing' = nothing paid, 'partial' = paid in part. */
  readonly payment?: PaymentDue;
}

/** What a payment reminder is about: the còn nợ of a unit by one 'Còn nợ' metric. */
export interface PaymentDue {
  readonly metricId: string;
  readonly owed: number;
  readonly paid: number;
  readonly balance: number;
}

/** A notice not sent this run, and why (Vietnamese, for the table the CLI prints). */
export interface SuppressedNotice {
  readonly formId: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly stage?: NoticeStage;
  readonly reason: string;
}

/** What a notify run sends now, and what it leaves out. */
export interface NoticeDecision {
  /** Outside sending hours: nothing is sent. */
  readonly quiet: boolean;
  /** In sending order: escalation, overdue, due, reminder; oldest due first; then unit id. */
  readonly send: PlannedNotice[];
  readonly suppressed: SuppressedNotice[];
}

/** Input of decideNotices: the district now, the notices ledger, the policy and today's recipients so far. */
export interface DecideNoticesInput {
  readonly picture: DistrictPicture;
  readonly ledger: ReadonlyMap<string, LedgerEntry>;
  readonly policy: NoticePolicy;
  /** Recipients (to + cc) already sent today (ICT), counted against perDayBudget. */
  readonly sentToday: number;
}

/** Vietnamese reasons a notice is not sent. */
export const SUPPRESS_REASONS = {
  complete: 'đã nộp đủ',
  nil: 'đã báo không phát sinh',
  claimed: 'đang được một lượt khác gửi',
  noEmail: 'đơn vị chưa có email liên hệ',
  paid: 'đã đóng đủ kinh phí',
  sent: (sentAt: Date | undefined) => (sentAt ? `đã gửi lúc ${formatIctDateTime(sentAt)}` : 'đã gửi'),
  gaveUp: (attempts: number) => `đã thử ${attempts} lần không thành công`,
  stopped: (days: number) => `quá hạn quá ${days} ngày: chỉ nêu trong thư tổng hợp`,
  quiet: (policy: NoticePolicy) =>
    `ngoài giờ gửi (${pad2(policy.quietHours.sendFrom)}:00–${pad2(policy.quietHours.sendUntil)}:00)`,
  budget: (policy: NoticePolicy, sentToday: number) =>
    `chờ lượt sau: vượt hạn mức gửi (${policy.perRunBudget} người nhận mỗi lượt, ${policy.perDayBudget} mỗi ngày; hôm nay đã gửi ${sentToday})`,
} as const;

/**
 * Decide which notices go out now, one per (form, period, unit) at most: the current stage for
 * each expected unit still missing or partial, minus what the ledger has, units without email,
 * quiet hours and the sending budget. Pure: `picture.now` is the clock.
 */
export function decideNotices(input: DecideNoticesInput): NoticeDecision {
  const { picture, ledger, policy } = input;
  const now = picture.now;
  const unitsById = new Map(picture.units.map((u) => [u.id, u]));
  const officeEmail = normalizeEmail(picture.settings.officeEmail);
  const candidates: PlannedNotice[] = [];
  const suppressed: SuppressedNotice[] = [];

  for (const { spec, period, stats } of picture.periods) {
    const timing = noticeTiming(period.due, now, noticeScheduleOf(spec, policy));
    if (timing.kind === 'before') continue;
    for (const standing of stats.units) {
      const key = { formId: spec.id, periodId: period.id, unitId: standing.unitId };
      const { status } = standing;
      if (status !== 'missing' && status !== 'partial') {
        if (timing.kind === 'stage')
          suppressed.push({
            ...key,
            stage: timing.stage,
            reason: status === 'nil' ? SUPPRESS_REASONS.nil : SUPPRESS_REASONS.complete,
          });
        continue;
      }
      if (timing.kind === 'stopped') {
        suppressed.push({ ...key, reason: SUPPRESS_REASONS.stopped(policy.stopAfterDays) });
        continue;
      }
      const stage = timing.stage;
      const id = noticeId(spec.id, period.id, standing.unitId, stage);
      const entry = ledger.get(id);
      const held = entry && ledgerReason(entry, policy);
      if (held) {
        suppressed.push({ ...key, stage, reason: held });
        continue;
      }
      const to = recipientsOf(unitsById.get(standing.unitId));
      if (to.length === 0) {
        suppressed.push({ ...key, stage, reason: SUPPRESS_REASONS.noEmail });
        continue;
      }
      const cc = stage === 'escalation' && officeEmail !== '' && !to.includes(officeEmail) ? [officeEmail] : [];
      candidates.push({
        id,
        ...key,
        stage,
        to,
        cc,
        due: period.due,
        status,
        ...(standing.daysOverdue === undefined ? {} : { daysOverdue: standing.daysOverdue }),
        retry: entry?.state === 'failed',
      });
    }
  }

  const payments = decidePaymentNotices(picture, ledger, policy);
  candidates.push(...payments.send);
  suppressed.push(...payments.suppressed);

  const ordered = [...candidates].sort(sendingOrder);
  if (isQuietHour(now, policy)) {
    const reason = SUPPRESS_REASONS.quiet(policy);
    return { quiet: true, send: [], suppressed: [...suppressed, ...ordered.map((n) => suppressedOf(n, reason))] };
  }
  const capacity = Math.max(0, Math.min(policy.perRunBudget, policy.perDayBudget - input.sentToday));
  const send: PlannedNotice[] = [];
  let used = 0;
  let index = 0;
  for (; index < ordered.length; index++) {
    const notice = ordered[index];
    if (!notice) break;
    const cost = notice.to.length + notice.cc.length;
    // Strict priority: once one notice does not fit, nothing after it jumps the queue.
    if (used + cost > capacity) break;
    used += cost;
    send.push(notice);
  }
  const reason = SUPPRESS_REASONS.budget(policy, input.sentToday);
  return {
    quiet: false,
    send,
    suppressed: [...suppressed, ...ordered.slice(index).map((n) => suppressedOf(n, reason))],
  };
}

/** The unit's contact emails, trimmed, lowercase, each once, in the registry's order. */
export function recipientsOf(unit: Unit | undefined): string[] {
  const emails = (unit?.contacts ?? []).map((c) => normalizeEmail(c.email ?? '')).filter((e) => e !== '');
  return [...new Set(emails)];
}

/** Escalation first, then overdue, due, reminder; within a stage the oldest due first, then unit, form, period. */
function sendingOrder(a: PlannedNotice, b: PlannedNotice): number {
  return (
    STAGE_PRIORITY[a.stage] - STAGE_PRIORITY[b.stage] ||
    a.due.getTime() - b.due.getTime() ||
    compare(a.unitId, b.unitId) ||
    compare(a.formId, b.formId) ||
    compare(a.periodId, b.periodId)
  );
}

/** Why the ledger holds this notice back, or undefined when it may be (re)sent. */
export function ledgerReason(entry: LedgerEntry, policy: NoticePolicy): string | undefined {
  switch (entry.state) {
    case 'sent':
      return SUPPRESS_REASONS.sent(entry.sentAt);
    case 'claimed':
      return SUPPRESS_REASONS.claimed;
    case 'failed':
      return entry.attempts >= policy.maxAttempts ? SUPPRESS_REASONS.gaveUp(entry.attempts) : undefined;
  }
}

function suppressedOf(notice: PlannedNotice, reason: string): SuppressedNotice {
  return { formId: notice.formId, periodId: notice.periodId, unitId: notice.unitId, stage: notice.stage, reason };
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
