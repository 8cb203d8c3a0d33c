import { describe, expect, it } from 'vitest';
import { messageKey } from '../../../functions/src/domain/mailbox/message-key.js';

const base = {
  messageId: '<abc/123@Mail.Example>',
  from: 'a@b.example',
  subject: 'Báo cáo',
  receivedAt: new Date('2024-09-14T02:00:00Z'),
  size: 1000,
};

describe('messageKey', () => {
  it('is a document-id-safe hash of the Message-ID, whatever else differs', () => {
    const key = messageKey(base);
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(messageKey({ ...base, messageId: 'abc/123@mail.example', receivedAt: new Date(), size: 5 })).toBe(key);
    expect(messageKey({ ...base, messageId: '<abc/124@mail.example>' })).not.toBe(key);
  });

  it('without a Message-ID, tells messages apart by time, sender, subject and size', () => {
    const key = messageKey({ ...base, messageId: undefined });
    expect(messageKey({ ...base, messageId: undefined })).toBe(key);
    expect(messageKey({ ...base, messageId: undefined, size: 1001 })).not.toBe(key);
    expect(messageKey({ ...base, messageId: undefined, receivedAt: new Date('2024-09-14T02:00:01Z') })).not.toBe(key);
  });
});
