import { reconcileFees } from '../finance/reconcile-fees.js';
import { singlePeriodId, ONCE_PERIOD } from '../periods/period-id.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import { calendarDaysBetween, deadlineInstant } from '../time/ict.js';
import {
  ledgerReason,
  recipientsOf,
  SUPPRESS_REASONS,
  type PlannedNotice,
  type SuppressedNotice,
} from './decide-notices.js';
import { type LedgerEntry, type NoticePolicy } from './notice-kinds.js';
import { noticeScheduleOf, noticeTiming } from './notice-timing.js';
import { noticeId } from '../ids/document-ids.js';

/**
 * Payment reminders ("nhắc đóng kinh phí"): for each 'Còn nợ' metric with a payment deadline, the
 * current stage of that deadline, to each unit whose còn nợ is above 0 — never to one that paid in full
 * or too much. One ledger entry per (receipts plan, unit, stage), so at most one message per stage.
 */
export function decidePaymentNotices(
  picture: DistrictPicture,
  ledger: ReadonlyMap<string, LedgerEntry>,
  policy: NoticePolicy,
): { send: PlannedNotice[]; suppressed: SuppressedNotice[] } {
  const send: PlannedNotice[] = [];
  const suppressed: SuppressedNotice[] = [];
  const unitsById = new Map(picture.units.map((u) => [u.id, u]));
  const closed = new Set(picture.closedFormIds ?? []);
  for (const r of reconcileFees(picture.forms, picture.units, picture.submissions).reconciliations) {
    if (!r.payBy || closed.has(r.receiptsForm.id)) continue;
    const due = deadlineInstant(r.payBy);
    const timing = noticeTiming(due, picture.now, noticeScheduleOf(r.receiptsForm, policy));
    if (timing.kind === 'before') continue;
    const periodId = singlePeriodId(r.receiptsForm.period) ?? ONCE_PERIOD;
    for (const account of r.units) {
      const key = { formId: r.receiptsForm.id, periodId, unitId: account.unitId };
      if (account.balance <= 0) {
        if (timing.kind === 'stage') suppressed.push({ ...key, stage: timing.stage, reason: SUPPRESS_REASONS.paid });
        continue;
      }
      if (timing.kind === 'stopped') {
        suppressed.push({ ...key, reason: SUPPRESS_REASONS.stopped(policy.stopAfterDays) });
        continue;
      }
      const stage = timing.stage;
      const id = noticeId(key.formId, periodId, account.unitId, stage);
      const entry = ledger.get(id);
      const held = entry && ledgerReason(entry, policy);
      if (held) {
        suppressed.push({ ...key, stage, reason: held });
        continue;
      }
      const to = recipientsOf(unitsById.get(account.unitId));
      if (to.length === 0) {
        suppressed.push({ ...key, stage, reason: SUPPRESS_REASONS.noEmail });
        continue;
      }
      const officeEmail = picture.settings.officeEmail.trim().toLowerCase();
      const cc = stage === 'escalation' && officeEmail !== '' && !to.includes(officeEmail) ? [officeEmail] : [];
      const daysOverdue =
        stage === 'overdue' || stage === 'escalation' ? Math.max(1, calendarDaysBetween(due, picture.now)) : undefined;
      send.push({
        id,
        ...key,
        stage,
        to,
        cc,
        due,
        status: account.paid > 0 ? 'partial' : 'missing',
        ...(daysOverdue === undefined ? {} : { daysOverdue }),
        retry: entry?.state === 'failed',
        payment: { metricId: r.metric.id, owed: account.owed, paid: account.paid, balance: account.balance },
      });
    }
  }
  return { send, suppressed };
}
