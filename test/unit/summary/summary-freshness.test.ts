import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../functions/src/domain/summary/build-summary.js';
import { summaryWithoutClock } from '../../../functions/src/domain/summary/summary-freshness.js';
import { storedSubmission } from '../../support/forms.js';
import { PLANS, pictureOf, SUMMARY_NOW, summaryTab } from '../../support/summary-picture.js';

const FORMS = Object.values(PLANS);
const DAY_MS = 86_400_000;
/** The summary model at `now`, and what of it is compared to decide whether to write it. */
const at = (now: Date, submissions = [] as Parameters<typeof pictureOf>[2]) => {
  const model = buildSummary(pictureOf(FORMS, { now }, submissions));
  return { model, compared: summaryWithoutClock(model, now) };
};

describe('summaryWithoutClock: the summary is rewritten for the district, not for the clock', () => {
  it('a day later with nothing changed and no deadline passed compares equal, though its stamps and days overdue moved', () => {
    // 20/10/2022 → 21/10/2022: September was due 05/10, October is due 05/11.
    const [today, tomorrow] = [at(SUMMARY_NOW), at(new Date(SUMMARY_NOW.getTime() + DAY_MS))];
    expect(summaryTab(tomorrow.model, 'Quá hạn').rows).not.toEqual(summaryTab(today.model, 'Quá hạn').rows);
    expect(tomorrow.model.footer).not.toEqual(today.model.footer);
    expect(tomorrow.compared).toEqual(today.compared);
  });

  it("a summary built a day after the sweep (it then names the sweep's time) compares equal to the one built with the sweep", () => {
    const tomorrow = new Date(SUMMARY_NOW.getTime() + DAY_MS);
    const withSweep = summaryWithoutClock(
      buildSummary(pictureOf(FORMS, { now: SUMMARY_NOW, sweptAt: SUMMARY_NOW })),
      SUMMARY_NOW,
    );
    const later = buildSummary(pictureOf(FORMS, { now: tomorrow, sweptAt: SUMMARY_NOW }));
    expect(later.footer?.asOf).toContain('số liệu quét lúc');
    expect(summaryWithoutClock(later, tomorrow)).toEqual(withSweep);
  });

  it('a submission is a change', () => {
    const sent = storedSubmission(PLANS.MONTHLY.id, '2022-09', 'u-a', {
      rows: [3],
      firstCompleteAt: '2022-10-19T03:00:00.000Z',
      lastChangedAt: '2022-10-19T03:00:00.000Z',
    });
    expect(at(SUMMARY_NOW, [sent]).compared).not.toEqual(at(SUMMARY_NOW).compared);
  });

  it('a deadline passing is a change', () => {
    // 06/11/2022: October's report (due 05/11) is now overdue.
    expect(at(new Date('2022-11-06T03:00:00.000Z')).compared).not.toEqual(
      at(new Date('2022-11-04T03:00:00.000Z')).compared,
    );
  });
});
