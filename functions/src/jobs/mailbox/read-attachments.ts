import { classifyAttachment, attachmentRefusal } from '../../domain/mailbox/classify-attachment.js';
import type { AttachmentResult } from '../../domain/mailbox/mailbox-reply.js';
import type { IncomingAttachment } from './ports.js';

/** The stream name, in the compound file's UTF-16 directory, that only a password-protected Office file has. */
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

/** The attachments split into workbooks to read and refusals to report. */
export function sortAttachments(
  attachments: readonly IncomingAttachment[],
  maxBytes: number,
): { readonly workbooks: readonly IncomingAttachment[]; readonly refused: readonly AttachmentResult[] } {
  const workbooks: IncomingAttachment[] = [];
  const refused: AttachmentResult[] = [];
  for (const file of attachments) {
    const encryptedPackage = file.bytes.includes(ENCRYPTED_STREAM);
    const verdict = classifyAttachment(
      {
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.bytes.length,
        head: file.bytes.subarray(0, 8),
        encryptedPackage,
      },
      maxBytes,
    );
    if (verdict === 'xlsx') workbooks.push(file);
    else refused.push({ fileName: file.fileName, refused: attachmentRefusal(file.fileName, verdict, maxBytes) });
  }
  return { workbooks, refused };
}
