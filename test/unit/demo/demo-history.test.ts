import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { isBlankCell } from '../../../functions/src/domain/cells/blank.js';
import { foldForMatch } from '../../../functions/src/domain/cells/fold.js';
import { compileForm } from '../../../functions/src/domain/forms/compile-form.js';
import { readFormTab } from '../../../functions/src/domain/forms/read-form-tab.js';
import { ictDateOf } from '../../../functions/src/domain/time/ict.js';
import {
  buildDemoDistrict,
  DEMO_NOW,
  specsAsWritten,
  type DemoDelivery,
  type DemoWorkbook,
} from '../../../functions/src/demo/demo-district.js';
import { planReplayRounds } from '../../../functions/src/demo/replay-demo-history.js';

const specs = await loadBuiltinForms();
const district = buildDemoDistrict(specs);
const DAY = 86_400_000;

const typeOf = (w: DemoWorkbook) => district.units.find((u) => u.id === w.unitId)?.type;
const ofType = (type: string) => district.workbooks.filter((w) => typeOf(w) === type);
const deliveries = (formId: string, among = district.workbooks): (DemoDelivery & { unitId: string })[] =>
  among.flatMap((w) => w.deliveries.filter((d) => d.formId === formId).map((d) => ({ ...d, unitId: w.unitId })));
/** An instant in ICT written 'YYYY-MM-DD HH:mm', to compare with what plans print. */
const ict = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
/** The review story's fix (demo-review.ts) fills in cells without adding rows or changing the timing: the generator's history is the sends before it. */
const generated = (w: DemoWorkbook) => {
  const review = district.review;
  return review && w.unitId === review.unitId ? w.sends.filter((s) => s.at < review.fixedAt) : w.sends;
};
/** When the unit last sent its file before the plan issued near "now" (its main forms' timing; the new tab's and the review fix's sends are extra). */
const sentBeforeNewPlan = (w: DemoWorkbook) =>
  generated(w)
    .filter((s) => !s.rowsByFormId.has(district.issued.spec.id))
    .at(-1)?.at ?? null;
const sameRows = (a: unknown[][], b: unknown[][]) => a.length === b.length && a.every((row, i) => row === b[i]);
/** Distinct sends that brought new rows of a form. */
const batchesOf = (w: DemoWorkbook, formId: string) =>
  w.sends.filter(
    (s, i) => (s.rowsByFormId.get(formId)?.length ?? 0) > (w.sends[i - 1]?.rowsByFormId.get(formId)?.length ?? 0),
  );

describe('demo history: sends', () => {
  it('is deterministic for a seed', () => {
    const again = buildDemoDistrict(specs);
    expect(again.workbooks.map((w) => w.sends)).toEqual(district.workbooks.map((w) => w.sends));
    expect(again.workbooks.map((w) => w.deliveries)).toEqual(district.workbooks.map((w) => w.deliveries));
    expect(buildDemoDistrict(specs, 8).workbooks.map((w) => w.sends.map((s) => s.at))).not.toEqual(
      district.workbooks.map((w) => w.sends.map((s) => s.at)),
    );
  });

  it('runs the demo at 08:00 23/09/2024 ICT and sends nothing after it', () => {
    expect(DEMO_NOW.toISOString()).toBe('2024-09-23T01:00:00.000Z');
    const all = district.workbooks.flatMap((w) => w.sends);
    expect(all.length).toBeGreaterThan(300);
    expect(all.every((s) => s.at.getTime() <= DEMO_NOW.getTime())).toBe(true);
  });

  it('sends chronologically, at most once a day (ICT) per unit; missing units never, the corrupt unit once and empty', () => {
    for (const w of district.workbooks) {
      const times = w.sends.map((s) => s.at.getTime());
      expect(times, w.unitId).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(w.sends.map((s) => ictDateOf(s.at))).size, w.unitId).toBe(w.sends.length);
      if (w.scenario === 'missing') expect(w.sends).toEqual([]);
      else if (w.scenario === 'corrupt') expect(w.sends).toEqual([{ at: w.sentAt, rowsByFormId: new Map() }]);
      else expect(w.sends.length, w.unitId).toBeGreaterThan(1);
    }
  });

  it('sends the whole workbook each time: earlier rows and tabs kept, new ones added, the last send being the final file', () => {
    for (const w of district.workbooks.filter((x) => x.sends.length > 0)) {
      expect(w.sends.at(-1)?.rowsByFormId, w.unitId).toBe(w.rowsByFormId);
      expect(w.sentAt, w.unitId).toEqual(w.sends.at(-1)?.at);
      const sends = generated(w);
      sends.forEach((send, i) => {
        const next = sends[i + 1];
        for (const [formId, rows] of send.rowsByFormId) {
          const final = sends.at(-1)?.rowsByFormId.get(formId) ?? [];
          expect(rows.length, `${w.unitId} ${formId}`).toBeGreaterThan(0);
          expect(
            sameRows(rows, final.slice(0, rows.length)),
            `${w.unitId} ${formId} send ${i} is a prefix of the final rows`,
          ).toBe(true);
          if (next)
            expect(
              next.rowsByFormId.get(formId)?.length ?? 0,
              `${w.unitId} ${formId} send ${i + 1}`,
            ).toBeGreaterThanOrEqual(rows.length);
        }
        if (next)
          expect([...next.rowsByFormId.values()].flat().length).toBeGreaterThan(
            [...send.rowsByFormId.values()].flat().length,
          );
      });
    }
  });

  it('keeps late, sentAt, dueAt and mainFormId meaningful: late exactly when the last send came after the main deadline', () => {
    for (const w of district.workbooks.filter((x) => x.sentAt !== null)) {
      expect(w.late, w.unitId).toBe((sentBeforeNewPlan(w)?.getTime() ?? 0) > w.dueAt.getTime());
      const main = w.deliveries.filter((d) => d.formId === w.mainFormId);
      if (w.scenario !== 'corrupt')
        expect(w.dueAt, w.unitId).toEqual(
          main
            .map((d) => d.dueAt)
            .sort((a, b) => a.getTime() - b.getTime())
            .at(-1),
        );
      if (w.scenario !== 'corrupt')
        expect(
          main.some((d) => d.sentAt.getTime() === sentBeforeNewPlan(w)?.getTime() && d.late === w.late),
          w.unitId,
        ).toBe(true);
    }
  });

  it('puts planted mistakes, a renamed header and a missing tab in every send that has those rows or tabs', () => {
    for (const w of district.workbooks.filter((x) => x.scenario === 'typos')) {
      for (const m of w.mistakes) {
        const first = w.sends.find((s) => (s.rowsByFormId.get(m.formId)?.length ?? 0) > m.rowIndex);
        const index = specs.find((s) => s.id === m.formId)?.columns.findIndex((c) => c.key === m.columnKey) ?? -1;
        expect(
          first?.rowsByFormId.get(m.formId)?.[m.rowIndex]?.[index],
          `${w.unitId} ${m.formId}#${m.rowIndex}`,
        ).toEqual(m.value);
      }
    }
    const missingTab = district.workbooks.find((w) => w.scenario === 'missing-tab');
    expect(missingTab?.sends.every((s) => !s.rowsByFormId.has('30-phut-dang-ky'))).toBe(true);
  });
});

describe('demo history: timing per plan', () => {
  it('Liên đội report the 2022–2023 school year in 2–3 batches, on time by 31/05/2023, or late', () => {
    const due = new Date('2023-05-31T16:59:59.999Z');
    const schools = ofType('lien-doi').filter((w) => w.rowsByFormId.has('lien-tich-2022-2023'));
    const paces = schools.map((w) => {
      const batches = batchesOf(w, 'lien-tich-2022-2023');
      const first = batches[0]?.at ?? new Date(0);
      const last = batches.at(-1)?.at ?? new Date(0);
      if (last <= due) {
        expect(batches.length, w.unitId).toBeGreaterThanOrEqual(2);
        expect(batches.length, w.unitId).toBeLessThanOrEqual(3);
        expect(first.getTime(), w.unitId).toBeGreaterThanOrEqual(Date.parse('2022-10-01T00:00:00+07:00'));
        return 'on-time';
      }
      expect(last.getTime() - due.getTime(), w.unitId).toBeLessThan(10 * DAY);
      if (batches.length === 1) return 'all-late';
      expect(first <= due && batches.length <= 3, w.unitId).toBe(true);
      return 'last-batch-late';
    });
    expect(paces.filter((p) => p === 'last-batch-late')).toHaveLength(3);
    expect(paces.filter((p) => p === 'all-late')).toHaveLength(2);
    expect(paces.filter((p) => p === 'on-time').length).toBeGreaterThan(8);
    expect(deliveries('lien-tich-2022-2023', schools).filter((d) => d.late)).toHaveLength(5);
  });

  it('Kế hoạch nhỏ reports come in the days before 14/12/2023 00:00 ICT, four of them 1–5 days late', () => {
    const due = new Date('2023-12-13T17:00:00Z');
    const sent = deliveries('ke-hoach-nho-65-nam');
    expect(sent.every((d) => d.dueAt.getTime() === due.getTime())).toBe(true);
    const late = sent.filter((d) => d.late);
    expect(late).toHaveLength(4);
    for (const d of late)
      expect(ict(d.sentAt) >= '2023-12-14 08:00' && ict(d.sentAt) < '2023-12-19', d.unitId).toBe(true);
    for (const d of sent.filter((x) => !x.late))
      expect(ict(d.sentAt) >= '2023-12-10' && d.sentAt < due, d.unitId).toBe(true);
  });

  it('training registrations come before 10g00 15/09/2024; late ones at 14g on 15/09 or on 16–18/09', () => {
    const due = new Date('2024-09-15T03:00:00Z');
    const sent = district.workbooks.filter((w) => typeOf(w) === 'lien-doi' && w.sentAt !== null);
    const late = sent.filter((w) => w.late).map((w) => ict(sentBeforeNewPlan(w) ?? new Date(0)));
    expect(late).toHaveLength(4);
    expect(late.filter((t) => t.startsWith('2024-09-15 14:')).length).toBeGreaterThan(0);
    expect(late.filter((t) => t >= '2024-09-16' && t < '2024-09-19').length).toBeGreaterThan(0);
    expect(late.every((t) => t.startsWith('2024-09-15 14:') || (t >= '2024-09-16' && t < '2024-09-19'))).toBe(true);
    for (const w of sent.filter((x) => !x.late))
      expect((sentBeforeNewPlan(w) ?? due) < due && ict(sentBeforeNewPlan(w) ?? due) >= '2024-09-12', w.unitId).toBe(
        true,
      );
  });

  it('cơ sở Đoàn register by 15/04/2020 (one late), then report every month by the 5th of the next, about one month in ten late', () => {
    const registrations = deliveries('30-phut-dang-ky');
    expect(registrations.filter((d) => d.late)).toHaveLength(1);
    for (const d of registrations)
      expect(ict(d.sentAt) >= '2020-04-12' && ict(d.sentAt) < '2020-04-21', d.unitId).toBe(true);

    const months = deliveries('30-phut-bao-cao');
    for (const d of months) {
      const [year = 0, month = 1] = d.periodId.split('-').map(Number);
      const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);
      expect(d.dueAt.toISOString(), d.periodId).toBe(
        new Date(Date.parse(`${next}-05T23:59:59.999+07:00`)).toISOString(),
      );
      expect(ict(d.sentAt) >= `${next}-01`, `${d.unitId} ${d.periodId} sent after its month`).toBe(true);
      if (d.late)
        expect(ict(d.sentAt) >= `${next}-06` && ict(d.sentAt) < `${next}-13`, `${d.unitId} ${d.periodId}`).toBe(true);
      else expect(ict(d.sentAt) < `${next}-06`, `${d.unitId} ${d.periodId}`).toBe(true);
      // All rows of a month go out together.
      expect(d.firstSentAt).toEqual(d.sentAt);
    }
    const lateShare = months.filter((d) => d.late).length / months.length;
    expect(lateShare).toBeGreaterThan(0.05);
    expect(lateShare).toBeLessThan(0.15);
  });

  it('cơ sở Đoàn report the whole plan (04/2020–12/2022) but one, which stops after 06/2022; 3–5 rows a month', () => {
    const units = ofType('co-so-doan').filter((w) => w.rowsByFormId.has('30-phut-bao-cao'));
    const lastMonths = units.map((w) =>
      w.deliveries
        .filter((d) => d.formId === '30-phut-bao-cao')
        .map((d) => d.periodId)
        .sort()
        .at(-1),
    );
    expect(lastMonths.filter((m) => m === '2022-06')).toHaveLength(1);
    expect(lastMonths.filter((m) => m === '2022-12')).toHaveLength(units.length - 1);
    for (const w of units) {
      const periods = w.deliveries.filter((d) => d.formId === '30-phut-bao-cao').map((d) => d.periodId);
      expect(periods[0], w.unitId).toBe('2020-04');
      expect(periods.length, w.unitId).toBe(periods.at(-1) === '2022-06' ? 27 : 33);
      const rows = w.rowsByFormId.get('30-phut-bao-cao')?.length ?? 0;
      const nil = w.deliveries.filter((d) => d.formId === '30-phut-bao-cao' && d.nil).length;
      expect(rows - nil, w.unitId).toBeGreaterThanOrEqual(3 * (periods.length - nil));
      expect(rows - nil, w.unitId).toBeLessThanOrEqual(5 * (periods.length - nil));
    }
  });

  it('chi đoàn register in 03/2014 (one late) and send each phase evaluation after its month, some late', () => {
    const registrations = deliveries('ren-luyen-2014-dang-ky');
    expect(registrations.filter((d) => d.late)).toHaveLength(1);
    for (const d of registrations)
      expect(ict(d.sentAt) >= (d.late ? '2014-04-01' : '2014-03-28') && ict(d.sentAt) < '2014-04-07', d.unitId).toBe(
        true,
      );
    const phases = specs.find((s) => s.id === 'ren-luyen-2014-danh-gia')?.period;
    if (phases?.type !== 'phases') throw new Error('ren-luyen-2014-danh-gia is a phases form');
    const evaluations = deliveries('ren-luyen-2014-danh-gia');
    for (const d of evaluations) {
      const phase = phases.phases.find((p) => p.id === d.periodId);
      const after = phase?.months.at(-1) ?? '';
      expect(ict(d.sentAt).slice(0, 7) > after, `${d.unitId} ${d.periodId}`).toBe(true);
      expect(d.late, `${d.unitId} ${d.periodId}`).toBe(ict(d.sentAt).slice(0, 10) > (phase?.due.date ?? ''));
    }
    expect(evaluations.filter((d) => d.late).length).toBeGreaterThanOrEqual(2);
    expect(evaluations.filter((d) => !d.late).length).toBeGreaterThan(evaluations.length / 2);
  });
});

describe('demo history: "Không phát sinh"', () => {
  const NIL = foldForMatch('Không phát sinh');
  const report = specs.find((s) => s.id === '30-phut-bao-cao');
  if (!report) throw new Error('30-phut-bao-cao not loaded');
  const col = (key: string) => report.columns.findIndex((c) => c.key === key);

  it('declares about one month in twenty as nothing to report, with only STT, Tháng and the phrase in Nội dung tổ chức', () => {
    const months = deliveries('30-phut-bao-cao');
    const nil = months.filter((d) => d.nil);
    expect(nil.length / months.length).toBeGreaterThan(0.02);
    expect(nil.length / months.length).toBeLessThan(0.1);
    expect(nil.every((d) => d.periodId !== '2020-04')).toBe(true);
    for (const w of ofType('co-so-doan')) {
      const rows = w.rowsByFormId.get('30-phut-bao-cao') ?? [];
      const nilRows = rows.filter((row) => row.some((cell) => typeof cell === 'string' && foldForMatch(cell) === NIL));
      expect(nilRows.length, w.unitId).toBe(w.deliveries.filter((d) => d.nil).length);
      for (const row of nilRows) {
        const filled = row.flatMap((cell, i) => (isBlankCell(cell) ? [] : [i])).sort();
        expect(filled, w.unitId).toEqual([col('stt'), col('thang'), col('noiDung')].sort());
        expect(foldForMatch(String(row[col('noiDung')]))).toBe(NIL);
      }
    }
  });

  it('reads as nil declarations, one per nil month and alone in it, and nowhere else', () => {
    let declared = 0;
    for (const w of district.workbooks.filter((x) => x.rowsByFormId.size > 0)) {
      for (const spec of specsAsWritten(district, w)) {
        const rows = w.rowsByFormId.get(spec.id) ?? [];
        const reading = readFormTab(compileForm(spec), {
          name: spec.tab,
          rows: [
            { rowNumber: 5, cells: spec.columns.map((c) => c.header) },
            ...rows.map((cells, i) => ({ rowNumber: 6 + i, cells })),
          ],
        });
        const nilMonths = w.deliveries.filter((d) => d.formId === spec.id && d.nil).map((d) => d.periodId);
        expect(reading.nil.map((n) => n.periodId).sort(), `${w.unitId} ${spec.id}`).toEqual(nilMonths.sort());
        const rowPeriods = [...reading.valid, ...reading.rejected].map((r) => r.periodId);
        for (const month of nilMonths)
          expect(
            rowPeriods.filter((p) => p === month),
            `${w.unitId} ${month}`,
          ).toEqual([]);
        declared += reading.nil.length;
      }
    }
    expect(declared).toBe(deliveries('30-phut-bao-cao').filter((d) => d.nil).length);
    expect(declared).toBeGreaterThan(0);
  });
});

describe('planReplayRounds', () => {
  const rounds = planReplayRounds(district);

  it('groups every send by its ICT calendar day, in order, each unit at most once a round', () => {
    expect(rounds.reduce((n, r) => n + r.sends.length, 0)).toBe(
      district.workbooks.reduce((n, w) => n + w.sends.length, 0),
    );
    expect(rounds.map((r) => r.day)).toEqual([...new Set(rounds.map((r) => r.day))].sort());
    for (const round of rounds) {
      expect(round.sends.every((s) => ictDateOf(s.send.at) === round.day)).toBe(true);
      expect(new Set(round.sends.map((s) => s.workbook.unitId)).size).toBe(round.sends.length);
    }
  });

  it('sweeps each round at the end of its day (or DEMO_NOW), after all its sends and before the next round', () => {
    rounds.forEach((round, i) => {
      expect(
        round.sends.every((s) => s.send.at <= round.sweepAt),
        round.day,
      ).toBe(true);
      expect(round.sweepAt <= DEMO_NOW).toBe(true);
      expect(ictDateOf(round.sweepAt)).toBe(round.day);
      const next = rounds[i + 1];
      if (next) expect(next.sends.every((s) => s.send.at > round.sweepAt)).toBe(true);
      if (round.sweepAt < DEMO_NOW)
        expect(ict(new Date(round.sweepAt.getTime() + 1))).toBe(
          `${ict(new Date(round.sweepAt.getTime() + 1)).slice(0, 10)} 00:00`,
        );
    });
    expect(rounds[0]?.day.startsWith('2014-03')).toBe(true);
    expect(rounds.at(-1)?.day.startsWith('2024-09')).toBe(true);
  });
});

describe('demo history: the review story', () => {
  it('sends one early training registration back, has the school fill in the missing emails before the deadline, then approves it', () => {
    const review = district.review;
    expect(review?.steps.map((s) => [s.decision, ict(s.at)])).toEqual([
      ['needs-more', '2024-09-13 09:00'],
      ['approved', '2024-09-16 09:00'],
    ]);
    const w = district.workbooks.find((x) => x.unitId === review?.unitId);
    const [before, fix] = (w?.sends ?? [])
      .filter((s) => s.at.getTime() >= new Date('2024-09-01').getTime() && !s.rowsByFormId.has(district.issued.spec.id))
      .slice(-2);
    expect(fix?.at).toEqual(review?.fixedAt);
    expect(ict(fix?.at ?? new Date(0))).toBe('2024-09-15 09:00');
    const emails = (send: typeof fix) => (send?.rowsByFormId.get('tap-huan-2024') ?? []).map((row) => row[6] ?? null);
    expect(emails(before)).toContain(null);
    expect(emails(fix)).not.toContain(null);
    expect(emails(fix).length).toBe(emails(before).length);
  });
});
