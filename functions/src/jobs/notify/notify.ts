import { decideNotices, type PlannedNotice, type SuppressedNotice } from '../../domain/notices/decide-notices.js';
import { type LedgerEntry, type NoticePolicy } from '../../domain/notices/notice-kinds.js';
import { renderDigest } from '../../domain/notices/render-digest.js';
import { renderNotice, type RenderedMail } from '../../domain/notices/render-notice.js';
import { freshPayment } from './fresh-payment.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { periodById } from '../../domain/periods/schedule.js';
import { submissionStatus } from '../../domain/status/submission-status.js';

import { ictDateOf } from '../../domain/time/ict.js';
import type { DistrictSettings } from '../../domain/units/read-control.js';
import type { Unit } from '../../domain/units/unit.js';
import { loadDistrictPicture } from '../summarize/load-district-picture.js';
import type { SummaryStore } from '../summarize/ports.js';
import type { ReviewStore } from '../summarize/review-ports.js';
import { deliverOnce } from './deliver-once.js';
import { MailDeliveryError } from './mail-delivery-error.js';
import { heldBack, outcomeOf, type SendOutcome } from './send-outcome.js';
import type { Mailer, NoticeLedger } from './ports.js';
import { sendReviewNotices, type ReviewNoticeOutcome } from './send-review-notices.js';
import { digestId, submissionId } from '../../domain/ids/document-ids.js';

export interface NotifyInput {
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  readonly forms: readonly FormSpec[];
  /** Problems of the control sheet, for the district's digest. */
  readonly controlProblems?: readonly string[];
  readonly store: Pick<SummaryStore, 'loadSubmissions' | 'loadSubmission' | 'loadSourceStates'>;
  readonly ledger: NoticeLedger;
  readonly mailer: Mailer;
  readonly policy: NoticePolicy;
  readonly now: Date;
  /** Decide and report, send nothing, write nothing. */
  readonly dryRun?: boolean;
  /** Where a unit fixes its report: its spreadsheet's link, or its file name in workbook mode. */
  readonly sheetLinkOf: (unit: Unit) => string;
  /** The district reviews submissions ("Duyệt báo cáo: Có"): each decision is mailed to its unit once. */
  readonly reviews?: Pick<ReviewStore, 'loadReviewDecisions'>;
}

export type NoticeOutcome = SendOutcome<PlannedNotice>;

export interface NotifyResult {
  readonly quiet: boolean;
  readonly outcomes: readonly NoticeOutcome[];
  /** The mails of review decisions ("[Duyệt báo cáo] …"); empty when the district does not review. */
  readonly reviews: readonly ReviewNoticeOutcome[];
  readonly suppressed: readonly SuppressedNotice[];
  readonly digest: {
    readonly result: 'sent' | 'would-send' | 'already-sent' | 'failed' | 'skipped';
    readonly reason?: string;
  };
}

/**
 * Send the reminder, due, overdue and escalation notices that are due now, each at most once:
 * the ledger entry is created before the message goes out, the status is checked again right
 * before sending, and a mail server failure stops the run with nothing marked sent that was not
 * accepted (the rest waits for the next run). Then the district digest, once a day.
 */
export async function notify(input: NotifyInput): Promise<NotifyResult> {
  const { now, policy } = input;
  const day = ictDateOf(now);
  const { picture, sources } = await loadDistrictPicture(input);
  const ledger = await input.ledger.load();
  const sentTodayEntries = [...ledger.values()].filter(
    (e) => e.state === 'sent' && e.sentAt && ictDateOf(e.sentAt) === day && !e.id.startsWith('digest~'),
  );
  const decision = decideNotices({
    picture,
    ledger,
    policy,
    sentToday: sentTodayEntries.reduce((n, e) => n + e.recipients, 0),
  });

  const outcomes: NoticeOutcome[] = [];
  let serverDown: string | undefined;
  for (const notice of decision.send) {
    const held = heldBack(notice, { dryRun: input.dryRun, serverDown });
    if (held) {
      outcomes.push(held);
      continue;
    }
    const spec = input.forms.find((f) => f.id === notice.formId);
    const period = spec && periodById(spec, notice.periodId);
    const unit = input.units.find((u) => u.id === notice.unitId);
    if (!spec || !period || !unit) continue;
    let message: RenderedMail;
    if (notice.payment) {
      // Re-check right before sending: a receipt may have been recorded since the picture was read.
      const payment = await freshPayment(input, { ...notice, payment: notice.payment });
      if (!payment) {
        outcomes.push({ notice, result: 'skipped', reason: 'đơn vị vừa đóng đủ kinh phí' });
        continue;
      }
      message = payment;
    } else {
      // Re-check right before sending: the unit may have completed since the picture was read.
      const fresh = await input.store.loadSubmission(submissionId(notice.formId, notice.periodId, notice.unitId));
      const status = submissionStatus(fresh, period, now).status;
      if (status !== 'missing' && status !== 'partial') {
        outcomes.push({ notice, result: 'skipped', reason: 'đơn vị vừa nộp đủ' });
        continue;
      }
      const sheetProblems = (sources.get(unit.id)?.problems ?? [])
        .filter((p) => p.severity === 'error' && (p.formId === undefined || p.formId === spec.id))
        .map((p) => p.message);
      message = renderNotice(notice, {
        spec,
        period,
        unit,
        ...(fresh ? { submission: fresh } : {}),
        settings: input.settings,
        sheetLink: input.sheetLinkOf(unit),
        sheetProblems,
        now,
        forms: input.forms,
      });
    }
    const entry = {
      id: notice.id,
      recipients: notice.to.length + notice.cc.length,
      stage: notice.stage,
      unitId: notice.unitId,
      formId: notice.formId,
      periodId: notice.periodId,
    };
    const delivery = await deliverOnce(input, entry, { to: notice.to, cc: notice.cc, ...message, noticeId: notice.id });
    outcomes.push(outcomeOf(notice, delivery));
    // A dead server fails every message the same way: stop, and leave the rest unclaimed for the next run.
    if (delivery.result === 'failed') serverDown = delivery.serverDown;
  }

  const sentThisRun = sentNow(outcomes, now).reduce((n, e) => n + e.recipients, 0);
  const sentTodayCount = sentTodayEntries.reduce((n, e) => n + e.recipients, 0) + sentThisRun;
  const review = await sendReviewNotices(input, {
    ledger,
    quiet: decision.quiet,
    recipientsLeft: Math.max(0, Math.min(policy.perRunBudget - sentThisRun, policy.perDayBudget - sentTodayCount)),
    sentToday: sentTodayCount,
    serverDown,
  });
  serverDown = review.serverDown;

  const digest = await sendDigest(input, {
    quiet: decision.quiet,
    day,
    ledger,
    sentToday: [...sentTodayEntries, ...sentNow(outcomes, now)],
    picture,
    serverDown,
  });
  return {
    quiet: decision.quiet,
    outcomes,
    reviews: review.outcomes,
    suppressed: [...decision.suppressed, ...review.suppressed],
    digest,
  };
}

async function sendDigest(
  input: NotifyInput,
  context: {
    quiet: boolean;
    day: string;
    ledger: ReadonlyMap<string, LedgerEntry>;
    sentToday: readonly LedgerEntry[];
    picture: Parameters<typeof renderDigest>[0]['picture'];
    serverDown: string | undefined;
  },
): Promise<NotifyResult['digest']> {
  const id = digestId(context.day);
  const to = input.settings.officeEmail;
  if (!to) return { result: 'skipped', reason: 'chưa có email văn phòng trong "Thông tin chung"' };
  if (context.quiet) return { result: 'skipped', reason: 'ngoài giờ gửi' };
  if (context.ledger.get(id)?.state === 'sent') return { result: 'already-sent' };
  if (input.dryRun) return { result: 'would-send' };
  if (context.serverDown) return { result: 'skipped', reason: `máy chủ thư lỗi (${context.serverDown})` };
  if (!(await input.ledger.claim({ id, recipients: 1 }, input.now, input.policy.maxAttempts)))
    return { result: 'already-sent' };
  const message = renderDigest({
    picture: context.picture,
    sentToday: context.sentToday,
    day: context.day,
    policy: input.policy,
  });
  try {
    const { messageId } = await input.mailer.send({ to: [to], cc: [], ...message, noticeId: id });
    await input.ledger.markSent(id, messageId, input.now);
    return { result: 'sent' };
  } catch (error) {
    if (!(error instanceof MailDeliveryError)) throw error;
    await input.ledger.markFailed(id, { code: error.failure, message: error.message }, input.now);
    return { result: 'failed', reason: error.message };
  }
}

function sentNow(outcomes: readonly NoticeOutcome[], now: Date): LedgerEntry[] {
  return outcomes.flatMap((o) =>
    o.result === 'sent'
      ? [
          {
            id: o.notice.id,
            state: 'sent' as const,
            attempts: 0,
            recipients: o.notice.to.length + o.notice.cc.length,
            sentAt: now,
            stage: o.notice.stage,
            unitId: o.notice.unitId,
            formId: o.notice.formId,
            periodId: o.notice.periodId,
          },
        ]
      : [],
  );
}
