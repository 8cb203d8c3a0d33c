import { describe, expect, it } from 'vitest';
import { deadlineInstant, formatClockAndDate, formatDueInstant } from '../../../functions/src/domain/time/ict.js';

describe('formatDueInstant: a deadline as people read it, never "00:00"', () => {
  it.each([
    [
      'a plan time of 00:00 ("trước ngày")',
      deadlineInstant({ date: '2023-12-14', time: '00:00' }),
      'trước ngày 14/12/2023',
    ],
    ['no time: the end of that day', deadlineInstant({ date: '2023-05-31' }), 'hết ngày 31/05/2023'],
    ['the plan’s own time', deadlineInstant({ date: '2024-09-15', time: '10:00' }), '10g00 15/09/2024'],
    [
      'grace days move the day, not the reading',
      deadlineInstant({ date: '2024-09-15', time: '10:00' }, 2),
      '10g00 17/09/2024',
    ],
  ])('%s', (_case, due, text) => {
    expect(formatDueInstant(due)).toBe(text);
    expect(formatDueInstant(due)).not.toContain('00:00');
  });
});

describe('formatClockAndDate: the footer’s "hh:mm dd/mm/yyyy"', () => {
  it.each([
    [new Date('2024-09-23T01:00:00.000Z'), '08:00 23/09/2024'],
    [new Date('2024-09-22T17:05:00.000Z'), '00:05 23/09/2024'],
  ])('%s → %s', (instant, text) => {
    expect(formatClockAndDate(instant)).toBe(text);
  });
});
