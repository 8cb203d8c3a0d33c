import type { Delivery } from './deliver-once.js';

/** What became of one due mail in a notify run (a notice or a review decision). */
export type SendOutcome<N> =
  | { readonly notice: N; readonly result: 'sent'; readonly messageId: string }
  | { readonly notice: N; readonly result: 'would-send' }
  | { readonly notice: N; readonly result: 'failed'; readonly error: string }
  | { readonly notice: N; readonly result: 'skipped'; readonly reason: string };

/**
 * The head of every send loop: a dry run only says it would send; once the mail server failed in
 * this run, the rest waits for the next run, unclaimed. Undefined when the mail should go out now.
 */
export function heldBack<N>(
  notice: N,
  run: { readonly dryRun?: boolean | undefined; readonly serverDown: string | undefined },
): SendOutcome<N> | undefined {
  if (run.dryRun) return { notice, result: 'would-send' };
  if (run.serverDown)
    return { notice, result: 'skipped', reason: `máy chủ thư lỗi (${run.serverDown}): gửi ở lượt sau` };
  return undefined;
}

/** One delivery as the run reports it; a failure's `serverDown` (Delivery) stops the rest of the loop. */
export function outcomeOf<N>(notice: N, delivery: Delivery): SendOutcome<N> {
  if (delivery.result === 'sent') return { notice, result: 'sent', messageId: delivery.messageId };
  if (delivery.result === 'not-claimed')
    return { notice, result: 'skipped', reason: 'một lượt gửi khác đã nhận thư này' };
  return { notice, result: 'failed', error: delivery.error };
}
