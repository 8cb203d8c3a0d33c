import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../functions/src/jobs/notify/deliver-once.js';
import { heldBack, outcomeOf } from '../../../functions/src/jobs/notify/send-outcome.js';

const notice = { id: 'n1' };

describe('heldBack: the head of every send loop', () => {
  it.each([
    ['a dry run', { dryRun: true, serverDown: undefined }, { notice, result: 'would-send' }],
    [
      'a dry run after a failure still only says it would send',
      { dryRun: true, serverDown: 'auth' },
      { notice, result: 'would-send' },
    ],
    [
      'the server failed earlier in the run',
      { dryRun: false, serverDown: 'connection' },
      { notice, result: 'skipped', reason: 'máy chủ thư lỗi (connection): gửi ở lượt sau' },
    ],
    ['a mail to send now', { serverDown: undefined }, undefined],
  ])('%s', (_, run, expected) => {
    expect(heldBack(notice, run)).toEqual(expected);
  });
});

describe('outcomeOf: one delivery as the run reports it', () => {
  it.each<[string, Delivery, unknown]>([
    ['sent', { result: 'sent', messageId: '<m@x>' }, { notice, result: 'sent', messageId: '<m@x>' }],
    [
      'claimed by another run',
      { result: 'not-claimed' },
      { notice, result: 'skipped', reason: 'một lượt gửi khác đã nhận thư này' },
    ],
    [
      'refused',
      { result: 'failed', error: '550 no such user', serverDown: undefined },
      { notice, result: 'failed', error: '550 no such user' },
    ],
    [
      'server down',
      { result: 'failed', error: 'ECONNREFUSED', serverDown: 'connection' },
      { notice, result: 'failed', error: 'ECONNREFUSED' },
    ],
  ])('%s', (_, delivery, expected) => {
    expect(outcomeOf(notice, delivery)).toEqual(expected);
  });
});
