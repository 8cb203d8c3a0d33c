/** The headers that tell a machine's message from a person's. */
export interface AutomationHeaders {
  readonly from: string | undefined;
  readonly autoSubmitted?: string;
  readonly precedence?: string;
  readonly listId?: string;
  /** X-Autoreply, X-Autorespond, X-Auto-Response-Suppress: present at all. */
  readonly autoReplyMarker?: boolean;
}

const MACHINE_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-].*)?@/i;

/**
 * Whether a message was sent by a machine (an out-of-office answer, a bounce, a mailing list, a no-reply
 * sender; RFC 3834): it is never answered, or two auto-responders would write to each other for ever.
 */
export function isAutomatedMessage(h: AutomationHeaders): boolean {
  if (h.autoSubmitted && h.autoSubmitted.trim().toLowerCase() !== 'no') return true;
  if (h.precedence && /^(bulk|junk|list|auto_reply)$/i.test(h.precedence.trim())) return true;
  if (h.listId || h.autoReplyMarker) return true;
  return h.from !== undefined && MACHINE_SENDERS.test(h.from.trim());
}
