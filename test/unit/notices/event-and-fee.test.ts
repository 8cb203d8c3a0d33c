import { describe, expect, it } from 'vitest';
import { eventAndFeeSentence } from '../../../functions/src/domain/notices/event-and-fee.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import { TAP_HUAN } from './notice-fixtures.js';

/** The training of TAP_HUAN is at 14g00 18/09/2024; its fee is due by the end of 16/09/2024. */
const at = (iso: string) => new Date(iso);
const noTime: FormSpec = { ...TAP_HUAN, event: { date: '2024-09-18' }, metrics: [] };

describe('eventAndFeeSentence: a notice sent after the event or the payment date', () => {
  it.each([
    [
      'before both: the event to come and the payment date',
      TAP_HUAN,
      '2024-09-12T03:00:00+07:00',
      'Theo kế hoạch: diễn ra 14g00 ngày 18/09/2024; kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024.',
    ],
    [
      'on the last payment day, late evening: not passed yet',
      TAP_HUAN,
      '2024-09-16T23:59:00+07:00',
      'Theo kế hoạch: diễn ra 14g00 ngày 18/09/2024; kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024.',
    ],
    [
      'the day after the payment date: (đã qua)',
      TAP_HUAN,
      '2024-09-17T08:00:00+07:00',
      'Theo kế hoạch: diễn ra 14g00 ngày 18/09/2024; kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024 (đã qua).',
    ],
    [
      'a minute before the training: still upcoming',
      TAP_HUAN,
      '2024-09-18T13:59:00+07:00',
      'Theo kế hoạch: diễn ra 14g00 ngày 18/09/2024; kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024 (đã qua).',
    ],
    [
      'the training has started: no "diễn ra"',
      TAP_HUAN,
      '2024-09-18T14:00:00+07:00',
      'Theo kế hoạch: kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024 (đã qua).',
    ],
    [
      'a week after: no "diễn ra"',
      TAP_HUAN,
      '2024-09-25T09:00:00+07:00',
      'Theo kế hoạch: kinh phí tập huấn: 1.900.000 đ/người, hạn đóng ngày 16/09/2024 (đã qua).',
    ],
    ['an event without a time has started at the start of its day', noTime, '2024-09-18T00:00:00+07:00', undefined],
    [
      'an event without a time, the evening before',
      noTime,
      '2024-09-17T23:00:00+07:00',
      'Theo kế hoạch: diễn ra ngày 18/09/2024.',
    ],
  ] as [string, FormSpec, string, string | undefined][])('%s', (_what, spec, now, sentence) => {
    expect(eventAndFeeSentence(spec, at(now))).toBe(sentence);
  });
});
