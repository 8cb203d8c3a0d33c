import { describe, expect, it } from 'vitest';
import { isAutomatedMessage } from '../../../functions/src/domain/mailbox/automated-message.js';

describe('isAutomatedMessage', () => {
  it.each([
    ['an out-of-office answer', { from: 'aimo@truong.example', autoSubmitted: 'auto-replied' }, true],
    ['Auto-Submitted: no (a person)', { from: 'aimo@truong.example', autoSubmitted: 'no' }, false],
    ['a bulk mailing', { from: 'tin@bao.example', precedence: 'bulk' }, true],
    ['a mailing list', { from: 'nhom@lists.example', listId: '<nhom.lists.example>' }, true],
    ['a bounce', { from: 'MAILER-DAEMON@mx.example' }, true],
    ['a no-reply sender', { from: 'no-reply@accounts.example' }, true],
    ['an Exchange auto-response', { from: 'aimo@truong.example', autoReplyMarker: true }, true],
    ['a unit writing by hand', { from: 'tpt.noreen@truong.example' }, false],
  ])('%s', (_, headers, automated) => {
    expect(isAutomatedMessage(headers)).toBe(automated);
  });
});
