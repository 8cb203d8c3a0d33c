import { simpleParser } from 'mailparser';
import { isAutomatedMessage } from '../../domain/mailbox/automated-message.js';
import type { IncomingAttachment, IncomingMessage } from '../../jobs/mailbox/ports.js';

/**
 * An incoming message from its raw bytes. `receivedAt` comes from the mailbox (IMAP INTERNALDATE);
 * without it, the Date header, then `fallbackDate`. Inline images (logos in a signature) are not attachments.
 */
export async function parseIncoming(
  ref: string,
  raw: Buffer,
  received: { readonly receivedAt?: Date; readonly fallbackDate: Date },
): Promise<IncomingMessage> {
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const from = parsed.from?.value.find((a) => a.address)?.address ?? undefined;
  const attachments: IncomingAttachment[] = parsed.attachments
    .filter((a) => !(a.contentDisposition === 'inline' && a.contentType.startsWith('image/')) && !a.related)
    .map((a, i) => ({
      fileName: (a.filename ?? `tep-dinh-kem-${i + 1}`).normalize('NFC'),
      contentType: a.contentType,
      bytes: a.content,
    }));
  const header = (name: string): string | undefined => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const automated = isAutomatedMessage({
    from,
    ...optional('autoSubmitted', header('auto-submitted')),
    ...optional('precedence', header('precedence')),
    ...(parsed.headers.has('list-id') ? { listId: 'yes' } : {}),
    autoReplyMarker: ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress'].some((name) =>
      parsed.headers.has(name),
    ),
  });
  const headerDate = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined;
  return {
    ref,
    messageId: parsed.messageId,
    from: from?.toLowerCase(),
    subject: (parsed.subject ?? '').normalize('NFC'),
    receivedAt: received.receivedAt ?? headerDate ?? received.fallbackDate,
    size: raw.length,
    attachments,
    automated,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
