import { describe, expect, it } from 'vitest';
import { deadlinePassedSinceLastTick, previousTickAt } from '../../../functions/src/domain/summary/deadline-flips.js';
import { builtinForm } from '../../support/forms.js';

/** The training registration is due 10g00 15/09/2024 (03:00 UTC). */
const FORMS = [builtinForm('tap-huan-2024')];
const ict = (wallClock: string) => new Date(`${wallClock}+07:00`);

describe('previousTickAt', () => {
  it.each([
    ['a tick in the day: 10 minutes earlier', '2024-09-15T10:10:00', '2024-09-15T10:00:00'],
    ['the second tick of the morning', '2024-09-15T07:10:00', '2024-09-15T07:00:00'],
    ["the morning's first tick: the evening's last one", '2024-09-15T07:00:00', '2024-09-14T19:50:00'],
    ['a run before office hours', '2024-09-15T02:00:00', '2024-09-14T19:50:00'],
  ])('%s', (_, now, previous) => {
    expect(previousTickAt(ict(now))).toEqual(ict(previous));
  });
});

describe('deadlinePassedSinceLastTick', () => {
  it.each([
    ['09:50: the deadline is still ahead', '2024-09-15T09:50:00', false],
    ['10:00 exactly: not overdue yet (statuses flip after the due instant)', '2024-09-15T10:00:00', false],
    ['10:10: passed since the 10:00 tick', '2024-09-15T10:10:00', true],
    ['10:01, a late run: passed since 09:51', '2024-09-15T10:01:00', true],
    ['10:11, after a tick that ran exactly at 10:00: still caught (slack)', '2024-09-15T10:11:00', true],
    ['10:20: already rebuilt by the 10:10 tick', '2024-09-15T10:20:00', false],
    ['07:00 the next day: nothing due since 19:48', '2024-09-16T07:00:00', false],
  ])('%s', (_, now, passed) => {
    expect(deadlinePassedSinceLastTick(FORMS, ict(now))).toBe(passed);
  });

  it("catches a deadline that passed overnight at the morning's first tick", () => {
    // A plan due 23:59 15/09 (end of the day): the 07:00 tick of the 16th looks back to 19:48 of the 15th.
    const endOfDay = builtinForm('tap-huan-2024');
    const form = { ...endOfDay, period: { type: 'once' as const, due: { date: '2024-09-15' } } };
    expect(deadlinePassedSinceLastTick([form], ict('2024-09-16T07:00:00'))).toBe(true);
    expect(deadlinePassedSinceLastTick([form], ict('2024-09-16T07:10:00'))).toBe(false);
  });
});
