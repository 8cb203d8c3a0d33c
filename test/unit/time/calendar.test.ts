import { describe, expect, it } from 'vitest';
import {
  clockTime,
  dateLabel,
  isoDate,
  pad2,
  serialDayToYmd,
  vietnameseDate,
  wallClockSerial,
} from '../../../functions/src/domain/time/calendar.js';
import { formatClockAndDate } from '../../../functions/src/domain/time/ict.js';

describe('the calendar and its display formats', () => {
  it.each<[string, string, string]>([
    ['a morning', '2024-09-23T08:05:00Z', '08:05'],
    ['midnight', '2024-09-23T00:00:00Z', '00:00'],
    ['the last minute of a day, seconds dropped', '2024-09-23T23:59:59Z', '23:59'],
  ])('clockTime of %s', (_, wallClock, expected) => {
    expect(clockTime(new Date(wallClock))).toBe(expected);
  });

  it.each<[number, string]>([
    [0, '00'],
    [9, '09'],
    [10, '10'],
    [59, '59'],
  ])('pad2(%i) = %s', (n, expected) => {
    expect(pad2(n)).toBe(expected);
  });

  it.each<[{ year: number; month: number; day: number }, string, string]>([
    [{ year: 2024, month: 9, day: 5 }, '2024-09-05', '05/09/2024'],
    [{ year: 999, month: 12, day: 31 }, '0999-12-31', '31/12/0999'],
  ])('%o as ISO %s and the Vietnamese way %s', (ymd, iso, vietnamese) => {
    expect(isoDate(ymd)).toBe(iso);
    expect(vietnameseDate(ymd)).toBe(vietnamese);
    expect(dateLabel(iso)).toBe(vietnamese);
  });

  it('spreadsheet serials: 45550 is 15/09/2024, and a wall clock at 06:00 is a quarter day past it', () => {
    expect(serialDayToYmd(45550)).toEqual({ year: 2024, month: 9, day: 15 });
    expect(wallClockSerial(new Date('2024-09-15T06:00:00Z'))).toBe(45550.25);
  });

  it('a footer instant in ICT: the clock first, then the date, both of the ICT day', () => {
    // 17:30 UTC on the 22nd is 00:30 on the 23rd in ICT.
    expect(formatClockAndDate(new Date('2024-09-22T17:30:00Z'))).toBe('00:30 23/09/2024');
  });
});
