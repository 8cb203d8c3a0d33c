import type { LedgerEntry, NoticePolicy } from '../../domain/notices/notice-kinds.js';
import { MailDeliveryError, type MailFailure } from './mail-delivery-error.js';
import type { Mailer, NoticeLedger, OutgoingMail } from './ports.js';

export type Delivery =
  | { readonly result: 'sent'; readonly messageId: string }
  | { readonly result: 'not-claimed' }
  /** `serverDown` when the failure means every next message would fail the same way. */
  | { readonly result: 'failed'; readonly error: string; readonly serverDown?: MailFailure };

/**
 * Send one message at most once: claim its ledger entry first (create-before-send), then send, then
 * mark it sent or failed. A run killed between send and mark leaves the entry claimed, never re-sent.
 */
export async function deliverOnce(
  deps: { readonly ledger: NoticeLedger; readonly mailer: Mailer; readonly policy: NoticePolicy; readonly now: Date },
  entry: Omit<LedgerEntry, 'state' | 'attempts'>,
  mail: OutgoingMail,
): Promise<Delivery> {
  const { ledger, now } = deps;
  if (!(await ledger.claim(entry, now, deps.policy.maxAttempts))) return { result: 'not-claimed' };
  try {
    const { messageId } = await deps.mailer.send(mail);
    await ledger.markSent(entry.id, messageId, now);
    return { result: 'sent', messageId };
  } catch (error) {
    if (!(error instanceof MailDeliveryError)) throw error;
    await ledger.markFailed(entry.id, { code: error.failure, message: error.message }, now);
    const down = error.failure === 'connection' || error.failure === 'timeout' || error.failure === 'auth';
    return { result: 'failed', error: error.message, ...(down ? { serverDown: error.failure } : {}) };
  }
}
