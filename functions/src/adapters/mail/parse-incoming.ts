import { simpleParser } from 'mailparser';
import type { IncomingAttachment, IncomingMessage } from '../../jobs/mailbox/ports.js';

/**
 * An incoming message from its raw bytes. `receivedAt` comes from the mailbox (IMAP INTERNALDATE);
 * without it, the Date header, then `fallbackDate`. Inline images (logos in a signature) are not attachments.
 */
export async function parseIncoming(ref: string, raw: Buffer, received: { readonly receivedAt?: Date; readonly fallbackDate: Date }): Promise<IncomingMessage> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const from = parsed.from?.value.find((a) => a.address)?.address ?? undefined;
  const attachments: IncomingAttachment[] = parsed.attachments
    .filter((a) => !(a.contentDisposition === 'inline' && a.contentType.startsWith('image/')) && !a.related)
    .map((a, i) => ({ fileName: (a.filename ?? `tep-dinh-kem-${i + 1}`).normalize('NFC'), contentType: a.contentType, bytes: a.content }));
  const headerDate = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined;
  return {
    ref,
    messageId: parsed.messageId,
    from: from?.toLowerCase(),
    subject: (parsed.subject ?? '').normalize('NFC'),
    receivedAt: received.receivedAt ?? headerDate ?? received.fallbackDate,
    size: raw.length,
    attachments,
  };
}
