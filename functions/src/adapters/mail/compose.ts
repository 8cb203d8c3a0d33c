import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from '../../jobs/notify/ports.js';

/** The header that ties a message back to its ledger entry (`notices/{id}`). */
export const NOTICE_HEADER = 'X-Tonghop-Notice';

/**
 * The nodemailer message of an outgoing mail, the same for SMTP and the outbox:
 * multipart/alternative (text + HTML) in UTF-8, Vietnamese subject and display names
 * encoded by nodemailer, traced by our notice id. Text is normalised to NFC: spreadsheets
 * typed on a Mac hand us NFD, which some mail clients show as loose accents.
 */
export function toSendMailOptions(mail: OutgoingMail, from: string, date?: Date): SendMailOptions {
  return {
    from,
    to: [...mail.to],
    ...(mail.cc.length > 0 ? { cc: [...mail.cc] } : {}),
    subject: mail.subject.normalize('NFC'),
    text: mail.text.normalize('NFC'),
    html: mail.html.normalize('NFC'),
    headers: { [NOTICE_HEADER]: mail.noticeId.replace(/[\r\n]+/g, ' ') },
    ...(date ? { date } : {}),
    // The HTML is built from spreadsheet text: never let it pull in local files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
