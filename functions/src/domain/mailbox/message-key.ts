import { createHash } from 'node:crypto';

/**
 * The ledger key of an incoming message: a hash of its Message-ID (angle brackets and case of the
 * domain ignored), or of its date, sender, subject and size when it has none. A hash, because a
 * Message-ID may hold `/` and is up to 998 characters: neither fits a Firestore document id.
 */
export function messageKey(message: {
  readonly messageId: string | undefined;
  readonly from: string | undefined;
  readonly subject: string;
  readonly receivedAt: Date;
  readonly size: number;
}): string {
  const id = message.messageId?.trim().replace(/^<|>$/g, '');
  const basis = id
    ? `id:${normaliseMessageId(id)}`
    : `no-id:${message.receivedAt.toISOString()}|${(message.from ?? '').toLowerCase()}|${message.subject}|${message.size}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 40);
}

function normaliseMessageId(id: string): string {
  const at = id.lastIndexOf('@');
  return at < 0 ? id : `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}`;
}
