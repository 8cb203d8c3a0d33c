import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../../functions/src/domain/forms/form-spec.js';
import {
  addDays,
  calendarDaysBetween,
  deadlineInstant,
  formatDeadline,
  formatIctDate,
  formatIctDateTime,
  ictDateOf,
  ictInstant,
  isoWeekday,
} from '../../../functions/src/domain/time/ict.js';

const at = (iso: string) => new Date(iso);

describe('ictInstant', () => {
  it.each<[string, string, string | undefined, string]>([
    ['a time of day', '2024-09-15', '10:00', '2024-09-15T03:00:00.000Z'],
    ['no time → 00:00 ICT, 17:00Z the day before', '2024-09-15', undefined, '2024-09-14T17:00:00.000Z'],
    ['06:59 ICT is still the previous UTC day', '2024-01-01', '06:59', '2023-12-31T23:59:00.000Z'],
    ['07:00 ICT is UTC midnight', '2024-01-01', '07:00', '2024-01-01T00:00:00.000Z'],
    ['23:59 ICT', '2024-02-29', '23:59', '2024-02-29T16:59:00.000Z'],
  ])('%s', (_label, date, time, expected) => {
    expect(ictInstant(date, time).toISOString()).toBe(expected);
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['15/09/2024'], ['']])('rejects %j', (date) => {
    expect(() => ictInstant(date)).toThrow(RangeError);
  });

  it.each([['24:00'], ['9:00'], ['10:60']])('rejects time %j', (time) => {
    expect(() => ictInstant('2024-09-15', time)).toThrow(RangeError);
  });
});

describe('deadlineInstant', () => {
  it.each<[string, Deadline, number, string]>([
    ['with a time: exactly that minute', { date: '2024-09-15', time: '10:00' }, 0, '2024-09-15T03:00:00.000Z'],
    ['without a time: end of the day ICT', { date: '2020-05-05' }, 0, '2020-05-05T16:59:59.999Z'],
    [
      "'00:00' is the start of day D (trước ngày D)",
      { date: '2023-12-14', time: '00:00' },
      0,
      '2023-12-13T17:00:00.000Z',
    ],
    [
      'grace days move a timed deadline by whole days',
      { date: '2024-09-15', time: '10:00' },
      2,
      '2024-09-17T03:00:00.000Z',
    ],
    ['grace days on an end-of-day deadline, across a month end', { date: '2024-01-31' }, 1, '2024-02-01T16:59:59.999Z'],
    ['grace day across the year end', { date: '2023-12-31' }, 1, '2024-01-01T16:59:59.999Z'],
  ])('%s', (_label, deadline, grace, expected) => {
    expect(deadlineInstant(deadline, grace).toISOString()).toBe(expected);
  });

  it.each<[string, Deadline, string, boolean]>([
    ['10:00:00.000 is on time', { date: '2024-09-15', time: '10:00' }, '2024-09-15T03:00:00.000Z', true],
    ['10:00:00.001 is late', { date: '2024-09-15', time: '10:00' }, '2024-09-15T03:00:00.001Z', false],
    ['23:59:59.999 ICT is on time', { date: '2020-05-05' }, '2020-05-05T16:59:59.999Z', true],
    ['00:00 ICT the next day is late', { date: '2020-05-05' }, '2020-05-05T17:00:00.000Z', false],
    [
      'trước ngày D: 23:59 the day before is on time',
      { date: '2023-12-14', time: '00:00' },
      '2023-12-13T16:59:00.000Z',
      true,
    ],
    [
      'trước ngày D: a moment into day D is late',
      { date: '2023-12-14', time: '00:00' },
      '2023-12-13T17:00:00.001Z',
      false,
    ],
  ])('%s', (_label, deadline, doneAt, onTime) => {
    expect(at(doneAt).getTime() <= deadlineInstant(deadline).getTime()).toBe(onTime);
  });
});

describe('ictDateOf', () => {
  it.each<[string, string, string]>([
    ['16:59:59.999Z is still the same ICT day', '2024-09-14T16:59:59.999Z', '2024-09-14'],
    ['17:00Z is the next ICT day', '2024-09-14T17:00:00.000Z', '2024-09-15'],
    ['UTC midnight is 07:00 ICT the same day', '2024-09-15T00:00:00.000Z', '2024-09-15'],
    ['new year in ICT before UTC', '2023-12-31T17:00:00.000Z', '2024-01-01'],
    ['29 February', '2024-02-28T17:00:00.000Z', '2024-02-29'],
  ])('%s', (_label, instant, expected) => {
    expect(ictDateOf(at(instant))).toBe(expected);
  });
});

describe('formatting', () => {
  it.each<[string, string, string]>([
    ['a morning deadline', '2024-09-15T03:00:00.000Z', '10g00 15/09/2024'],
    ['the hour is printed without padding', '2024-10-01T00:05:00.000Z', '7g05 01/10/2024'],
    ['midnight ICT', '2024-09-14T17:00:00.000Z', '0g00 15/09/2024'],
    ['end of day', '2020-05-05T16:59:59.999Z', '23g59 05/05/2020'],
  ])('formatIctDateTime: %s', (_label, instant, expected) => {
    expect(formatIctDateTime(at(instant))).toBe(expected);
  });

  it.each<[string, string]>([
    ['2024-09-14T16:59:59.999Z', '14/09/2024'],
    ['2024-09-14T17:00:00.000Z', '15/09/2024'],
  ])('formatIctDate(%s) = %s', (instant, expected) => {
    expect(formatIctDate(at(instant))).toBe(expected);
  });

  it.each<[string, Deadline, string]>([
    ['with a time', { date: '2024-09-15', time: '10:00' }, '10g00 ngày 15/09/2024'],
    ['without a time', { date: '2020-04-15' }, 'ngày 15/04/2020'],
    ["time '00:00' reads as before that day", { date: '2023-12-14', time: '00:00' }, 'trước ngày 14/12/2023'],
    ['an afternoon time', { date: '2024-01-05', time: '16:30' }, '16g30 ngày 05/01/2024'],
  ])('formatDeadline: %s', (_label, deadline, expected) => {
    expect(formatDeadline(deadline)).toBe(expected);
  });
});

describe('calendarDaysBetween', () => {
  it.each<[string, string, string, number]>([
    ['same instant', '2024-09-15T03:00:00Z', '2024-09-15T03:00:00Z', 0],
    ['same ICT day, hours apart', '2024-09-14T17:00:00Z', '2024-09-15T16:59:59.999Z', 0],
    ['one ms across ICT midnight is one day', '2024-09-15T16:59:59.999Z', '2024-09-15T17:00:00.000Z', 1],
    ['same UTC day but two ICT days', '2024-09-15T16:00:00Z', '2024-09-15T18:00:00Z', 1],
    ['earlier → negative', '2024-09-20T03:00:00Z', '2024-09-15T03:00:00Z', -5],
    ['across a leap day', '2024-02-28T03:00:00Z', '2024-03-01T03:00:00Z', 2],
    ['across the year end', '2023-12-31T10:00:00Z', '2024-01-01T01:00:00Z', 1],
  ])('%s', (_label, from, to, expected) => {
    expect(calendarDaysBetween(at(from), at(to))).toBe(expected);
  });
});

describe('calendar helpers', () => {
  it.each<[string, number, string]>([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2020-01-05', -7, '2019-12-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2019-12-30', 1],
    ['2024-09-15', 7],
    ['2024-09-19', 4],
  ])('isoWeekday(%s) = %i', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });
});
