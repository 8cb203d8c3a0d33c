import { describe, expect, it } from 'vitest';
import { decideNotices, type NoticeDecision } from '../../../functions/src/domain/notices/decide-notices.js';
import {
  DEFAULT_NOTICE_POLICY,
  type LedgerEntry,
  type NoticePolicy,
  type NoticeStage,
} from '../../../functions/src/domain/notices/notice-kinds.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import {
  ALWAYS_OPEN,
  BAO_CAO_30_PHUT,
  completeAt,
  KE_HOACH_NHO,
  nilAt,
  onceForm,
  partial,
  pictureAt,
  school,
  SETTINGS,
  TAP_HUAN,
  youthUnit,
} from './notice-fixtures.js';
import { noticeId } from '../../../functions/src/domain/ids/document-ids.js';

const TAP_HUAN_PERIOD = 'mot-lan';
const A = school('ld-a');

function decide(
  now: string,
  setup: {
    forms?: FormSpec[];
    units?: Unit[];
    submissions?: StoredSubmission[];
    ledger?: LedgerEntry[];
    policy?: NoticePolicy;
    sentToday?: number;
    officeEmail?: string;
  } = {},
): NoticeDecision {
  const picture = pictureAt(now, {
    forms: setup.forms ?? [TAP_HUAN],
    units: setup.units ?? [A],
    submissions: setup.submissions ?? [],
    settings: { ...SETTINGS, ...(setup.officeEmail === undefined ? {} : { officeEmail: setup.officeEmail }) },
  });
  return decideNotices({
    picture,
    ledger: new Map((setup.ledger ?? []).map((e) => [e.id, e])),
    policy: setup.policy ?? ALWAYS_OPEN,
    sentToday: setup.sentToday ?? 0,
  });
}

/** The one stage planned for ld-a, 'stopped' when held back as long overdue, 'none' when nothing at all. */
function stageOf(
  decision: NoticeDecision,
  formId = TAP_HUAN.id,
  periodId = TAP_HUAN_PERIOD,
): NoticeStage | 'stopped' | 'none' {
  const planned = decision.send.filter((n) => n.formId === formId && n.periodId === periodId);
  const held = decision.suppressed.filter((n) => n.formId === formId && n.periodId === periodId);
  if (planned.length + held.length > 1) throw new Error('more than one notice for one unit and period');
  if (planned[0]) return planned[0].stage;
  if (held[0]?.reason.startsWith('quá hạn quá')) return 'stopped';
  return 'none';
}

describe('decideNotices: the stage at each boundary of tap-huan-2024 (due 10g00 15/09/2024 = 2024-09-15T03:00:00.000Z)', () => {
  // Reminder: 3 ICT calendar days before the due day, i.e. from 00:00 ICT 12/09 = 2024-09-11T17:00:00.000Z.
  // Due: the due day 15/09 from 00:00 ICT = 2024-09-14T17:00:00.000Z until the due instant itself.
  // Overdue: from 03:00:00.001Z; escalation: due + 7 × 24 h; nothing after due + 60 × 24 h.
  it.each([
    ['2024-09-01T03:00:00.000Z', 'none'],
    ['2024-09-11T16:59:59.999Z', 'none'],
    ['2024-09-11T17:00:00.000Z', 'reminder'],
    ['2024-09-11T23:59:00.000Z', 'reminder'],
    ['2024-09-12T00:00:00.000Z', 'reminder'],
    ['2024-09-12T03:00:00.000Z', 'reminder'],
    ['2024-09-14T16:59:59.999Z', 'reminder'],
    ['2024-09-14T17:00:00.000Z', 'due'],
    ['2024-09-15T02:59:59.999Z', 'due'],
    ['2024-09-15T03:00:00.000Z', 'due'],
    ['2024-09-15T03:00:00.001Z', 'overdue'],
    ['2024-09-22T02:59:59.999Z', 'overdue'],
    ['2024-09-22T03:00:00.000Z', 'escalation'],
    ['2024-11-14T02:59:59.999Z', 'escalation'],
    ['2024-11-14T03:00:00.000Z', 'stopped'],
    ['2025-06-01T03:00:00.000Z', 'stopped'],
  ] as const)('at %s: %s', (now, stage) => {
    expect(stageOf(decide(now))).toBe(stage);
  });

  it('says why a long-overdue unit gets no more mail', () => {
    expect(decide('2024-11-14T03:00:00.000Z').suppressed).toEqual([
      {
        formId: TAP_HUAN.id,
        periodId: TAP_HUAN_PERIOD,
        unitId: 'ld-a',
        reason: 'quá hạn quá 60 ngày: chỉ nêu trong thư tổng hợp',
      },
    ]);
  });

  it('counts days overdue from the standing and keeps the due instant', () => {
    const [notice] = decide('2024-09-17T01:00:00.000Z').send;
    expect(notice).toMatchObject({
      id: 'tap-huan-2024~mot-lan~ld-a~overdue',
      stage: 'overdue',
      status: 'missing',
      daysOverdue: 2,
      retry: false,
      due: new Date('2024-09-15T03:00:00.000Z'),
    });
    expect(decide('2024-09-12T03:00:00.000Z').send[0]?.daysOverdue).toBeUndefined();
  });
});

describe('decideNotices: other deadlines', () => {
  // 30-phut-bao-cao, April 2020: due at the end of 05/05/2020 ICT = 2020-05-05T16:59:59.999Z.
  it.each([
    ['2020-05-01T16:59:59.999Z', 'none'],
    ['2020-05-01T17:00:00.000Z', 'reminder'],
    ['2020-05-04T16:59:59.999Z', 'reminder'],
    ['2020-05-04T17:00:00.000Z', 'due'],
    ['2020-05-05T16:59:59.999Z', 'due'],
    ['2020-05-05T17:00:00.000Z', 'overdue'],
    ['2020-05-12T16:59:59.998Z', 'overdue'],
    ['2020-05-12T16:59:59.999Z', 'escalation'],
    ['2020-07-04T16:59:59.999Z', 'stopped'],
  ] as const)('monthly report of April 2020 at %s: %s', (now, stage) => {
    expect(
      stageOf(decide(now, { forms: [BAO_CAO_30_PHUT], units: [youthUnit('dtn-y-te')] }), BAO_CAO_30_PHUT.id, '2020-04'),
    ).toBe(stage);
  });

  it('plans only the period whose window is open (May 2020 has started but is not near its due date)', () => {
    const decision = decide('2020-05-04T17:00:00.000Z', { forms: [BAO_CAO_30_PHUT], units: [youthUnit('dtn-y-te')] });
    expect(decision.send.map((n) => `${n.periodId} ${n.stage}`)).toEqual(['2020-04 due']);
  });

  // "trước ngày 14/12/2023": due 00:00 ICT 14/12 = 2023-12-13T17:00:00.000Z, so the last day is 13/12.
  it.each([
    ['2023-12-09T16:59:59.999Z', 'none'],
    ['2023-12-09T17:00:00.000Z', 'reminder'],
    ['2023-12-12T16:59:59.999Z', 'reminder'],
    ['2023-12-12T17:00:00.000Z', 'due'],
    ['2023-12-13T17:00:00.000Z', 'due'],
    ['2023-12-13T17:00:00.001Z', 'overdue'],
  ] as const)('a deadline "trước ngày 14/12/2023" at %s: %s', (now, stage) => {
    expect(stageOf(decide(now, { forms: [KE_HOACH_NHO] }), KE_HOACH_NHO.id, 'mot-lan')).toBe(stage);
  });

  it.each([
    ['2024-09-09T16:59:59.999Z', 'none'],
    ['2024-09-09T17:00:00.000Z', 'reminder'],
    ['2024-09-17T02:59:59.999Z', 'overdue'],
    ['2024-09-17T03:00:00.000Z', 'escalation'],
  ] as const)("uses the form's own reminderDays 5 and escalationDays 2 at %s: %s", (now, stage) => {
    const form = onceForm('rieng', '2024-09-15', '10:00', { reminderDays: 5, escalationDays: 2 });
    expect(stageOf(decide(now, { forms: [form] }), 'rieng', 'mot-lan')).toBe(stage);
  });
});

describe('decideNotices: who is owed a notice', () => {
  const units = ['on-time', 'late', 'revised', 'nil', 'partial', 'missing'].map((id) => school(id));
  // Liên cấp: tap-huan-2024 targets Tiểu học and THCS only.
  const notExpected = school('lien-cap', { level: 'Liên cấp' });
  const submissions = [
    completeAt(TAP_HUAN, TAP_HUAN_PERIOD, 'on-time', '2024-09-14T02:00:00.000Z'),
    completeAt(TAP_HUAN, TAP_HUAN_PERIOD, 'late', '2024-09-16T02:00:00.000Z'),
    completeAt(TAP_HUAN, TAP_HUAN_PERIOD, 'revised', '2024-09-14T02:00:00.000Z', '2024-09-16T02:00:00.000Z'),
    nilAt(TAP_HUAN, TAP_HUAN_PERIOD, 'nil', '2024-09-14T02:00:00.000Z'),
    partial(TAP_HUAN, TAP_HUAN_PERIOD, 'partial', [4]),
    completeAt(TAP_HUAN, TAP_HUAN_PERIOD, 'lien-cap', '2024-09-14T02:00:00.000Z'),
  ];
  const at = (now: string) => decide(now, { units: [...units, notExpected], submissions });

  it('plans the missing and partial units only, and says why the others get nothing', () => {
    const decision = at('2024-09-17T01:00:00.000Z');
    expect(decision.send.map((n) => [n.unitId, n.status])).toEqual([
      ['missing', 'missing'],
      ['partial', 'partial'],
    ]);
    expect(decision.suppressed).toEqual(
      [
        ['on-time', 'đã nộp đủ'],
        ['late', 'đã nộp đủ'],
        ['revised', 'đã nộp đủ'],
        ['nil', 'đã báo không phát sinh'],
      ].map(([unitId, reason]) => ({
        formId: TAP_HUAN.id,
        periodId: TAP_HUAN_PERIOD,
        unitId,
        stage: 'overdue',
        reason,
      })),
    );
  });

  it.each([
    ['before the reminder window', '2024-09-01T03:00:00.000Z'],
    ['after the last stage', '2024-12-01T03:00:00.000Z'],
  ])('says nothing about complete units %s', (_when, now) => {
    const decision = at(now);
    expect(decision.send).toEqual([]);
    expect(decision.suppressed.every((s) => s.unitId === 'missing' || s.unitId === 'partial')).toBe(true);
  });

  it('never mentions a unit the form does not expect', () => {
    for (const now of [
      '2024-09-12T03:00:00.000Z',
      '2024-09-15T02:00:00.000Z',
      '2024-09-17T01:00:00.000Z',
      '2024-09-25T01:00:00.000Z',
      '2024-12-01T03:00:00.000Z',
    ]) {
      const decision = at(now);
      expect([...decision.send, ...decision.suppressed].map((n) => n.unitId)).not.toContain('lien-cap');
    }
  });
});

describe('decideNotices: the ledger', () => {
  const NOW = '2024-09-17T01:00:00.000Z'; // 08g00 17/09: overdue
  const id = noticeId(TAP_HUAN.id, TAP_HUAN_PERIOD, 'ld-a', 'overdue');
  const entry = (state: LedgerEntry['state'], attempts: number, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
    id,
    state,
    attempts,
    recipients: 1,
    ...extra,
  });

  it.each([
    ['sent', entry('sent', 1, { sentAt: new Date('2024-09-16T00:30:00.000Z') }), 'đã gửi lúc 7g30 16/09/2024'],
    ['claimed by another run', entry('claimed', 1), 'đang được một lượt khác gửi'],
    ['failed at the cap', entry('failed', 5), 'đã thử 5 lần không thành công'],
    ['failed past the cap', entry('failed', 6), 'đã thử 6 lần không thành công'],
  ])('holds back a notice %s', (_what, ledgerEntry, reason) => {
    const decision = decide(NOW, { ledger: [ledgerEntry] });
    expect(decision.send).toEqual([]);
    expect(decision.suppressed).toEqual([
      { formId: TAP_HUAN.id, periodId: TAP_HUAN_PERIOD, unitId: 'ld-a', stage: 'overdue', reason },
    ]);
  });

  it.each([
    ['failed under the cap', [entry('failed', 4)], true],
    ['failed once', [entry('failed', 1)], true],
    [
      'only an earlier stage sent',
      [{ ...entry('sent', 1), id: noticeId(TAP_HUAN.id, TAP_HUAN_PERIOD, 'ld-a', 'reminder') }],
      false,
    ],
    ['not in the ledger', [], false],
  ])('plans a notice %s (retry: %s)', (_what, ledger, retry) => {
    const decision = decide(NOW, { ledger });
    expect(decision.send.map((n) => [n.id, n.retry])).toEqual([[id, retry]]);
  });
});

describe('decideNotices: recipients', () => {
  const NOW = '2024-09-17T01:00:00.000Z';

  it('writes to every contact email once, trimmed and in lowercase', () => {
    const unit = school('ld-a', {
      contacts: [
        { name: 'Hoa', email: 'Hoa@LTV.edu.vn' },
        { name: 'Hoa', email: ' hoa@ltv.edu.vn ' },
        { name: 'Bình', phone: '0912345678' },
        { name: '', email: 'bgh@ltv.edu.vn' },
      ],
    });
    expect(decide(NOW, { units: [unit] }).send[0]?.to).toEqual(['hoa@ltv.edu.vn', 'bgh@ltv.edu.vn']);
  });

  it.each([
    ['no contacts', []],
    ['contacts without email', [{ name: 'Bình', phone: '0912345678' }]],
  ])('holds back a unit with %s', (_what, contacts) => {
    const decision = decide(NOW, { units: [school('ld-a', { contacts })] });
    expect(decision.send).toEqual([]);
    expect(decision.suppressed).toEqual([
      {
        formId: TAP_HUAN.id,
        periodId: TAP_HUAN_PERIOD,
        unitId: 'ld-a',
        stage: 'overdue',
        reason: 'đơn vị chưa có email liên hệ',
      },
    ]);
  });

  it.each([
    ['2024-09-12T03:00:00.000Z', 'reminder', []],
    ['2024-09-15T01:00:00.000Z', 'due', []],
    ['2024-09-17T01:00:00.000Z', 'overdue', []],
    ['2024-09-23T01:00:00.000Z', 'escalation', ['vanphong@quandoan1.example']],
  ])('copies the district office only on escalation: %s %s', (now, stage, cc) => {
    const [notice] = decide(now).send;
    expect([notice?.stage, notice?.cc]).toEqual([stage, cc]);
  });

  it('sends an escalation without copy when the district has no office email', () => {
    expect(decide('2024-09-23T01:00:00.000Z', { officeEmail: '' }).send[0]?.cc).toEqual([]);
  });
});

describe('decideNotices: quiet hours (07:00–20:00 ICT = 00:00–13:00 UTC)', () => {
  it.each([
    ['06:59 ICT', '2024-09-16T23:59:00.000Z', true],
    ['07:00 ICT', '2024-09-17T00:00:00.000Z', false],
    ['19:59 ICT', '2024-09-17T12:59:59.999Z', false],
    ['20:00 ICT', '2024-09-17T13:00:00.000Z', true],
    ['00:30 ICT', '2024-09-17T17:30:00.000Z', true],
  ])('at %s quiet is %s', (_ict, now, quiet) => {
    const decision = decide(now, {
      policy: DEFAULT_NOTICE_POLICY,
      units: [A, school('ld-b')],
      submissions: [completeAt(TAP_HUAN, TAP_HUAN_PERIOD, 'ld-b', '2024-09-14T02:00:00.000Z')],
    });
    expect(decision.quiet).toBe(quiet);
    expect(decision.send.length).toBe(quiet ? 0 : 1);
    const reasons = decision.suppressed.map((s) => [s.unitId, s.stage, s.reason]);
    expect(reasons).toEqual([
      ['ld-b', 'overdue', 'đã nộp đủ'],
      ...(quiet ? [['ld-a', 'overdue', 'ngoài giờ gửi (07:00–20:00)']] : []),
    ]);
  });

  it('the first reminder opens at 00:00 ICT but waits for 07:00 ICT to go out', () => {
    const night = decide('2024-09-11T23:59:00.000Z', { policy: DEFAULT_NOTICE_POLICY });
    expect([night.quiet, night.send, night.suppressed.map((s) => s.stage)]).toEqual([true, [], ['reminder']]);
    expect(decide('2024-09-12T00:00:00.000Z', { policy: DEFAULT_NOTICE_POLICY }).send.map((n) => n.stage)).toEqual([
      'reminder',
    ]);
  });
});

describe('decideNotices: order and budget', () => {
  // At 08g00 17/09/2024: two escalations (due 20/08 and 01/09), an overdue, a due and a reminder.
  const FORMS = [
    onceForm('f-reminder', '2024-09-19'),
    onceForm('f-due', '2024-09-17'),
    onceForm('f-overdue', '2024-09-15', '10:00'),
    onceForm('f-escalation', '2024-09-01', '10:00'),
    onceForm('f-escalation-older', '2024-08-20'),
  ];
  const UNITS = [
    school('ld-b', {
      contacts: [
        { name: 'B1', email: 'b1@ld-b.example' },
        { name: 'B2', email: 'b2@ld-b.example' },
      ],
    }),
    A,
  ];
  const NOW = '2024-09-17T01:00:00.000Z';
  const run = (policy: Partial<NoticePolicy>, sentToday = 0) =>
    decide(NOW, { forms: FORMS, units: UNITS, policy: { ...DEFAULT_NOTICE_POLICY, ...policy }, sentToday });
  const ids = (notices: readonly { formId: string; unitId: string }[]) => notices.map((n) => `${n.formId} ${n.unitId}`);

  it('orders by stage (escalation first), then the oldest due date, then unit id', () => {
    expect(ids(run({}).send)).toEqual([
      'f-escalation-older ld-a',
      'f-escalation-older ld-b',
      'f-escalation ld-a',
      'f-escalation ld-b',
      'f-overdue ld-a',
      'f-overdue ld-b',
      'f-due ld-a',
      'f-due ld-b',
      'f-reminder ld-a',
      'f-reminder ld-b',
    ]);
  });

  // Recipients: ld-a escalation 1 + CC 1 = 2, ld-b escalation 2 + 1 = 3; ld-a otherwise 1, ld-b 2.
  it.each([
    [
      'a short run budget keeps the escalations',
      { perRunBudget: 5 },
      0,
      ['f-escalation-older ld-a', 'f-escalation-older ld-b'],
    ],
    [
      'a budget that ends inside a notice stops there',
      { perRunBudget: 6 },
      0,
      ['f-escalation-older ld-a', 'f-escalation-older ld-b'],
    ],
    [
      'what was sent today reduces the day budget',
      { perDayBudget: 12 },
      7,
      ['f-escalation-older ld-a', 'f-escalation-older ld-b'],
    ],
    [
      'the smaller of run and day budget applies',
      { perRunBudget: 10, perDayBudget: 100 },
      98,
      ['f-escalation-older ld-a'],
    ],
    ['a day budget used up sends nothing', { perDayBudget: 100 }, 100, []],
    ['a day budget overrun sends nothing', { perDayBudget: 100 }, 130, []],
    [
      'an exact fit sends all',
      { perRunBudget: 19 },
      0,
      [
        'f-escalation-older ld-a',
        'f-escalation-older ld-b',
        'f-escalation ld-a',
        'f-escalation ld-b',
        'f-overdue ld-a',
        'f-overdue ld-b',
        'f-due ld-a',
        'f-due ld-b',
        'f-reminder ld-a',
        'f-reminder ld-b',
      ],
    ],
  ])('%s', (_what, policy, sentToday, sent) => {
    const decision = run(policy, sentToday);
    expect(ids(decision.send)).toEqual(sent);
    const waiting = decision.suppressed.filter((s) => s.reason.startsWith('chờ lượt sau: vượt hạn mức gửi'));
    expect(waiting).toHaveLength(10 - sent.length);
    expect(decision.suppressed).toHaveLength(10 - sent.length);
  });

  it('keeps the stage of what waits for the next run, in sending order', () => {
    const waiting = run({ perRunBudget: 5 }).suppressed;
    expect(waiting.map((s) => s.stage)).toEqual([
      'escalation',
      'escalation',
      'overdue',
      'overdue',
      'due',
      'due',
      'reminder',
      'reminder',
    ]);
    expect(waiting[0]?.reason).toBe(
      'chờ lượt sau: vượt hạn mức gửi (5 người nhận mỗi lượt, 1500 mỗi ngày; hôm nay đã gửi 0)',
    );
  });
});
