import { describe, expect, it } from 'vitest';
import { builtinForm, storedSubmission } from '../../support/forms.js';
import {
  buildUnitFeedback,
  lockedRowStatus,
  NIL_ROW_STATUS,
  rowMessage,
  VALID_ROW_STATUS,
  validRowStatus,
  type FeedbackTab,
} from '../../../functions/src/domain/feedback/build-unit-feedback.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import type { RowError } from '../../../functions/src/domain/forms/compile-form.js';
import type { FormSpec } from '../../../functions/src/domain/forms/form-spec.js';
import type { RejectedRow } from '../../../functions/src/domain/forms/read-form-tab.js';
import { periodsStartedBy } from '../../../functions/src/domain/periods/schedule.js';
import { formPeriodStats } from '../../../functions/src/domain/stats/form-period-stats.js';
import type { DistrictPicture, StoredSubmission } from '../../../functions/src/domain/summary/district-picture.js';
import type { SummaryCell } from '../../../functions/src/domain/summary/summary-model.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';

/** The registration, locked after 20/04/2020 (end of that day). */
const DANG_KY: FormSpec = { ...builtinForm('30-phut-dang-ky'), lockAfter: { date: '2020-04-20' } };
/** The monthly report, without a lock. */
const BAO_CAO = builtinForm('30-phut-bao-cao');
const FORMS = [DANG_KY, BAO_CAO];

/** 10g00 ICT on 02/06/2020: April is overdue (due 05/05), May and June are not due yet. */
const NOW = new Date('2020-06-02T03:00:00.000Z');

const YTE = testUnit('dtn-so-y-te', { name: 'Đoàn cơ sở Sở Y tế', type: 'co-so-doan' });
const GD = testUnit('dtn-so-gd', { name: 'Đoàn cơ sở Sở Giáo dục', type: 'co-so-doan' });
const TC = testUnit('dtn-so-tc', { name: 'Đoàn cơ sở Sở Tài chính', type: 'co-so-doan' });
const LD = testUnit('ld-ltv', { name: 'Liên đội Tiểu học Lương Thế Vinh' });
const UNITS = [YTE, GD, TC, LD];

/** A stored submission of a built-in form, by spec (rows given by their row numbers). */
function stored(
  spec: FormSpec,
  periodId: string,
  unitId: string,
  parts: Parameters<typeof storedSubmission>[3],
): StoredSubmission {
  return storedSubmission(spec.id, periodId, unitId, parts);
}

function rejectedRow(rowNumber: number, periodId: string, errors: RowError[]): RejectedRow {
  return { rowNumber, periodId, cells: { 'Số lượng ĐVTN tham gia': 'hai mươi' }, errors };
}

const COUNT_ERROR = (n: number): RowError => ({
  column: 'Số lượng ĐVTN tham gia',
  message: `Dòng ${n}, cột 'Số lượng ĐVTN tham gia': 'hai mươi' không phải số nguyên.`,
});
const REQUIRED_ERROR = (n: number): RowError => ({
  column: 'Nội dung tổ chức',
  message: `Dòng ${n}, cột 'Nội dung tổ chức': chưa nhập (cột bắt buộc).`,
});
const TAB_ERROR = (n: number): RowError => ({
  message: `Dòng ${n}: chưa ghi nhận vì trang thiếu cột bắt buộc 'Tháng'.`,
});

const SUBMISSIONS: StoredSubmission[] = [
  // Y tế: registered on time; a change on 01/05 came after the lock (20/04) and was refused.
  stored(DANG_KY, 'mot-lan', YTE.id, {
    rows: [3],
    firstCompleteAt: '2020-04-10T03:00:00.000Z',
    lastChangedAt: '2020-04-10T03:00:00.000Z',
    lockedChange: { changedAt: new Date('2020-05-01T03:00:00.000Z'), rowNumbers: [3, 4] },
  }),
  // Y tế, April: complete on 08/05 10g00 → 3 days late.
  stored(BAO_CAO, '2020-04', YTE.id, {
    rows: [3, 4],
    firstCompleteAt: '2020-05-08T03:00:00.000Z',
    lastChangedAt: '2020-05-08T03:00:00.000Z',
  }),
  // Y tế, May: one valid row and one with two errors → partial, not due yet.
  stored(BAO_CAO, '2020-05', YTE.id, {
    rows: [5],
    rejected: [rejectedRow(6, '2020-05', [COUNT_ERROR(6), REQUIRED_ERROR(6)])],
    firstCompleteAt: null,
    lastChangedAt: '2020-06-01T03:00:00.000Z',
  }),
  // Y tế, June: "không phát sinh".
  stored(BAO_CAO, '2020-06', YTE.id, {
    nilRows: [7],
    firstCompleteAt: '2020-06-01T03:00:00.000Z',
    lastChangedAt: '2020-06-01T03:00:00.000Z',
  }),
  // Y tế: a row whose month could not be read.
  stored(BAO_CAO, 'chua-xac-dinh', YTE.id, {
    rejected: [rejectedRow(8, 'chua-xac-dinh', [TAB_ERROR(8)])],
    firstCompleteAt: null,
    lastChangedAt: '2020-06-01T03:00:00.000Z',
  }),
  // Tài chính: registered 14/04, edited 18/04 (after 15/04, before the lock) → revised after the deadline.
  stored(DANG_KY, 'mot-lan', TC.id, {
    rows: [3],
    firstCompleteAt: '2020-04-14T03:00:00.000Z',
    lastChangedAt: '2020-04-18T03:00:00.000Z',
  }),
  // Tài chính, April: only a rejected row → partial, 28 days overdue. The monthly report has no lock, so a lockedChange is ignored.
  stored(BAO_CAO, '2020-04', TC.id, {
    rejected: [rejectedRow(3, '2020-04', [COUNT_ERROR(3)])],
    firstCompleteAt: null,
    lastChangedAt: '2020-05-02T03:00:00.000Z',
    lockedChange: { changedAt: new Date('2020-05-20T03:00:00.000Z'), rowNumbers: [3] },
  }),
];

function pictureOf(forms: readonly FormSpec[], submissions: readonly StoredSubmission[], now = NOW): DistrictPicture {
  const periods = forms.flatMap((spec) =>
    periodsStartedBy(spec, now).map((period) => {
      const mine = new Map(
        submissions.filter((s) => s.formId === spec.id && s.periodId === period.id).map((s) => [s.unitId, s]),
      );
      return { spec, period, stats: formPeriodStats({ spec, period, units: UNITS, submissions: mine, now }) };
    }),
  );
  return {
    settings: { districtName: 'Đoàn Khối', officeEmail: '', contactName: '', contactPhone: '' },
    forms,
    units: UNITS,
    periods,
    submissions,
    sourceProblems: [],
    now,
  };
}

const PICTURE = pictureOf(FORMS, SUBMISSIONS);
/** The tabs as found in each unit's sheet: names as the unit wrote them. */
const TABS: FeedbackTab[] = [
  { formId: DANG_KY.id, tab: 'Đăng ký 30 phút', headerRowNumber: 2 },
  { formId: BAO_CAO.id, tab: 'BÁO CÁO 30 PHÚT', headerRowNumber: 2 },
];

const LOCK_TEXT =
  '⚠ Đã khóa sổ sau ngày 20/04/2020: thay đổi đã được ghi nhận nhưng không được áp dụng; liên hệ Quận Đoàn nếu cần sửa.';

describe('row status texts', () => {
  it('are fixed Vietnamese strings', () => {
    expect(VALID_ROW_STATUS).toBe('✓ Hợp lệ');
    expect(NIL_ROW_STATUS).toBe('✓ Đã ghi nhận: không phát sinh');
    expect(lockedRowStatus({ date: '2020-04-20' })).toBe(LOCK_TEXT);
  });

  it.each<[string, RowError[], string]>([
    ['a cell error', [COUNT_ERROR(12)], "✗ Cột 'Số lượng ĐVTN tham gia': 'hai mươi' không phải số nguyên."],
    ['a row error', [TAB_ERROR(7)], "✗ Chưa ghi nhận vì trang thiếu cột bắt buộc 'Tháng'."],
    [
      'two errors, one per line',
      [COUNT_ERROR(6), REQUIRED_ERROR(6)],
      "✗ Cột 'Số lượng ĐVTN tham gia': 'hai mươi' không phải số nguyên.\n✗ Cột 'Nội dung tổ chức': chưa nhập (cột bắt buộc).",
    ],
    [
      'a message without the prefix',
      [{ message: 'dòng ghi "Không phát sinh" cần cho biết kỳ báo cáo.' }],
      '✗ Dòng ghi "Không phát sinh" cần cho biết kỳ báo cáo.',
    ],
    ['a row number that is not the prefix', [{ message: 'Tháng 13 không có thật.' }], '✗ Tháng 13 không có thật.'],
  ])('rowMessage: %s', (_, errors, expected) => {
    expect(rowMessage(errors)).toBe(expected);
  });
});

describe('validRowStatus: what the system took from the cells it interpreted', () => {
  const PHONE = { column: 'Số điện thoại', note: 'đã hiểu SĐT là 0389 123 456' };
  const DATE = { column: 'Ngày sinh', note: 'đã hiểu năm là 2024' };
  const MONEY = { column: 'Kinh phí', note: 'đã hiểu số tiền là 1.900.000 đ' };
  const COUNT = { column: 'Số người', note: 'đã hiểu là 30' };
  it.each<[string, { column: string; note: string }[] | undefined, string]>([
    ['no notes', undefined, '✓ Hợp lệ'],
    ['an empty list', [], '✓ Hợp lệ'],
    ['one note, without its column', [PHONE], '✓ Hợp lệ (đã hiểu SĐT là 0389 123 456)'],
    [
      'two notes, each after its column',
      [PHONE, DATE],
      '✓ Hợp lệ (Số điện thoại: đã hiểu SĐT là 0389 123 456; Ngày sinh: đã hiểu năm là 2024)',
    ],
    [
      'four notes: three shown, the rest counted',
      [PHONE, DATE, MONEY, COUNT],
      '✓ Hợp lệ (Số điện thoại: đã hiểu SĐT là 0389 123 456; Ngày sinh: đã hiểu năm là 2024; Kinh phí: đã hiểu số tiền là 1.900.000 đ; và 1 ô khác)',
    ],
  ])('%s', (_, notes, expected) => {
    expect(validRowStatus(notes)).toBe(expected);
    expect(validRowStatus(notes)).toBe(expected.normalize('NFC'));
  });
});

describe('buildUnitFeedback: the status cell of each row', () => {
  it('a valid row with a note says what was taken', () => {
    const noted = SUBMISSIONS.map((s) =>
      s.formId === BAO_CAO.id && s.periodId === '2020-04' && s.unitId === YTE.id
        ? {
            ...s,
            rows: [
              { rowNumber: 3, values: {} },
              { rowNumber: 4, values: {}, notes: [{ column: 'Số lượng ĐVTN tham gia', note: 'đã hiểu là 30' }] },
            ],
          }
        : s,
    );
    const statuses = new Map(buildUnitFeedback(YTE, TABS, pictureOf(FORMS, noted)).tabs[1]?.statusByRow);
    expect(statuses.get(3)).toBe('✓ Hợp lệ');
    expect(statuses.get(4)).toBe('✓ Hợp lệ (đã hiểu là 30)');
  });

  it('Sở Y tế: valid, rejected, nil and locked rows, tab by tab as found in the sheet', () => {
    const feedback = buildUnitFeedback(YTE, TABS, PICTURE);
    expect(feedback.unitId).toBe(YTE.id);
    expect(feedback.tabs.map((t) => [t.tab, t.headerRowNumber])).toEqual([
      ['Đăng ký 30 phút', 2],
      ['BÁO CÁO 30 PHÚT', 2],
    ]);
    // Every row of the refused change says so, row 4 included (it exists only in the refused change).
    expect([...(feedback.tabs[0]?.statusByRow ?? [])]).toEqual([
      [3, LOCK_TEXT],
      [4, LOCK_TEXT],
    ]);
    expect(new Map(feedback.tabs[1]?.statusByRow)).toEqual(
      new Map<number, string>([
        [3, '✓ Hợp lệ'],
        [4, '✓ Hợp lệ'],
        [5, '✓ Hợp lệ'],
        [
          6,
          "✗ Cột 'Số lượng ĐVTN tham gia': 'hai mươi' không phải số nguyên.\n✗ Cột 'Nội dung tổ chức': chưa nhập (cột bắt buộc).",
        ],
        [7, '✓ Đã ghi nhận: không phát sinh'],
        [8, "✗ Chưa ghi nhận vì trang thiếu cột bắt buộc 'Tháng'."],
      ]),
    );
  });

  it('a total row and the signature block under the table say they are not counted', () => {
    const withFooter = TABS.map((t) =>
      t.formId === BAO_CAO.id
        ? {
            ...t,
            footerRows: [
              { rowNumber: 9, kind: 'total' as const },
              { rowNumber: 11, kind: 'signature' as const },
            ],
          }
        : t,
    );
    const statuses = new Map(buildUnitFeedback(YTE, withFooter, PICTURE).tabs[1]?.statusByRow);
    expect(statuses.get(9)).toBe('Dòng tổng cộng: không tính');
    expect(statuses.get(11)).toBe('Phần ký tên: không tính');
    expect(statuses.get(3)).toBe('✓ Hợp lệ');
  });

  it('a lockedChange on a form without lockAfter changes nothing', () => {
    const feedback = buildUnitFeedback(TC, TABS, PICTURE);
    expect([...(feedback.tabs[0]?.statusByRow ?? [])]).toEqual([[3, '✓ Hợp lệ']]);
    expect([...(feedback.tabs[1]?.statusByRow ?? [])]).toEqual([
      [3, "✗ Cột 'Số lượng ĐVTN tham gia': 'hai mươi' không phải số nguyên."],
    ]);
  });

  it('without the lockedChange, the locked form shows the stored rows', () => {
    const unlocked = SUBMISSIONS.map((s) =>
      s.lockedChange && s.formId === DANG_KY.id ? { ...s, lockedChange: undefined } : s,
    );
    const feedback = buildUnitFeedback(YTE, TABS, pictureOf(FORMS, unlocked));
    expect([...(feedback.tabs[0]?.statusByRow ?? [])]).toEqual([[3, '✓ Hợp lệ']]);
  });

  it('a unit with nothing stored gets empty status maps', () => {
    const feedback = buildUnitFeedback(GD, TABS, PICTURE);
    expect(feedback.tabs.map((t) => t.statusByRow.size)).toEqual([0, 0]);
  });

  it('a "Bấm nộp" draft: its rows show the draft\'s statuses (none of the submitted ones), the latest period notes it, the signal cell its time', () => {
    const submitted = buildUnitFeedback(YTE, TABS, PICTURE).tabs[0]?.statusByRow;
    expect(submitted?.size).toBeGreaterThan(0);
    const draft = { editedAt: new Date('2020-04-14T02:00:00Z'), hash: 'h', rowStatuses: { '9': '✗ Thiếu họ tên' } };
    const tabs = [{ ...(TABS[0] as FeedbackTab), submitCell: { rowNumber: 1, column: 5 } }, TABS[1] as FeedbackTab];
    const feedback = buildUnitFeedback(YTE, tabs, PICTURE, {
      [DANG_KY.id]: { submittedAt: new Date('2020-04-13T01:05:00Z'), draft },
    });
    expect([...(feedback.tabs[0]?.statusByRow ?? [])]).toEqual([[9, '✗ Thiếu họ tên']]);
    expect(feedback.tabs[0]?.submitCell).toEqual({ rowNumber: 1, column: 5, text: 'Đã nộp lúc 08:05 13/04/2020' });
    expect(feedback.tabs[1]?.statusByRow).toEqual(buildUnitFeedback(YTE, TABS, PICTURE).tabs[1]?.statusByRow);
    const notes = feedback.standing.rows.filter((r) => r[0] === DANG_KY.tab).map((r) => String(r[4]));
    expect(
      notes.filter((n) => n.includes('Bản nháp chưa nộp: sửa lúc 09:00 14/04/2020; bấm Nộp báo cáo để gửi')),
    ).toHaveLength(1);
    expect(notes.at(-1)).toContain('Bản nháp chưa nộp');
  });

  it('only the tabs found in the sheet get statuses', () => {
    const feedback = buildUnitFeedback(YTE, [TABS[1] as FeedbackTab], PICTURE);
    expect(feedback.tabs.map((t) => t.tab)).toEqual(['BÁO CÁO 30 PHÚT']);
  });

  it('names a lock with a time of day', () => {
    const spec: FormSpec = { ...DANG_KY, lockAfter: { date: '2020-04-20', time: '17:00' } };
    const feedback = buildUnitFeedback(YTE, TABS, pictureOf([spec, BAO_CAO], SUBMISSIONS));
    expect(feedback.tabs[0]?.statusByRow.get(3)).toBe(
      '⚠ Đã khóa sổ từ 17g00 ngày 20/04/2020: thay đổi đã được ghi nhận nhưng không được áp dụng; liên hệ Quận Đoàn nếu cần sửa.',
    );
  });

  it('names a lock at 00:00 without "sau trước" (formatDeadline writes 00:00 as "trước ngày D")', () => {
    const spec: FormSpec = { ...DANG_KY, lockAfter: { date: '2020-04-20', time: '00:00' } };
    const text =
      buildUnitFeedback(YTE, TABS, pictureOf([spec, BAO_CAO], SUBMISSIONS)).tabs[0]?.statusByRow.get(3) ?? '';
    expect(text.startsWith('⚠ Đã khóa sổ')).toBe(true);
    expect(text).toContain('20/04/2020');
    expect(text).not.toContain('sau trước');
  });
});

describe(`buildUnitFeedback: the "${STANDING_TAB}" tab`, () => {
  // Deadlines as the plans say them: a due day with no time is "hết ngày …", never "15/04/2020 23:59".
  const REG = ['Đăng ký 30 phút', 'hạn 15/04/2020', 'hết ngày 15/04/2020'];
  const APR = ['Báo cáo 30 phút', 'tháng 4/2020', 'hết ngày 05/05/2020'];
  const MAY = ['Báo cáo 30 phút', 'tháng 5/2020', 'hết ngày 05/06/2020'];
  const JUN = ['Báo cáo 30 phút', 'tháng 6/2020', 'hết ngày 05/07/2020'];

  it('has its title and columns', () => {
    const standing = buildUnitFeedback(YTE, TABS, PICTURE).standing;
    expect(standing.title).toEqual([
      'Tình hình nộp — Đoàn cơ sở Sở Y tế',
      'Hệ thống tự cập nhật khi có thay đổi; thay đổi gần nhất lúc 10:00 01/06/2020. Không sửa trang này.',
    ]);
    expect(standing.columns.map((c) => [c.header, c.format])).toEqual([
      ['Biểu mẫu', 'text'],
      ['Kỳ', 'text'],
      ['Hạn nộp', 'text'],
      ['Tình trạng', 'status'],
      ['Ghi chú', 'text'],
      ['Dòng hợp lệ', 'int'],
      ['Dòng lỗi', 'int'],
    ]);
  });

  it.each<[string, Unit, SummaryCell[][]]>([
    [
      'Sở Y tế: on time, late, partial before the deadline, nil',
      YTE,
      [
        [...REG, 'complete-on-time', '', 1, 0],
        [...APR, 'complete-late', 'Nộp đủ trễ 3 ngày', 2, 0],
        [...MAY, 'partial', 'Còn lỗi — sửa các dòng có ✗', 1, 1],
        [...JUN, 'nil', 'Đã báo không phát sinh', 1, 0],
      ],
    ],
    [
      // 15/04 → 02/06 = 48 days; 05/05 → 02/06 = 28 days.
      'Sở Giáo dục: nothing sent',
      GD,
      [
        [...REG, 'missing', 'Đã quá hạn — nộp ngay', 0, 0],
        [...APR, 'missing', 'Đã quá hạn — nộp ngay', 0, 0],
        [...MAY, 'missing', 'Chưa đến hạn', 0, 0],
        [...JUN, 'missing', 'Chưa đến hạn', 0, 0],
      ],
    ],
    [
      'Sở Tài chính: revised after the deadline, partial overdue',
      TC,
      [
        [...REG, 'revised-after-deadline', 'Nộp đủ đúng hạn, có sửa sau hạn', 1, 0],
        [...APR, 'partial', 'Còn lỗi, đã quá hạn — sửa các dòng có ✗', 0, 1],
        [...MAY, 'missing', 'Chưa đến hạn', 0, 0],
        [...JUN, 'missing', 'Chưa đến hạn', 0, 0],
      ],
    ],
    ['a Liên đội, which owes neither form', LD, []],
  ])('%s', (_, who, rows) => {
    expect(buildUnitFeedback(who, TABS, PICTURE).standing.rows).toEqual(rows);
  });

  it('says what changed in the plan when the rows were last read under a new version, after the standing note', () => {
    const earlier: FormSpec = {
      ...BAO_CAO,
      columns: BAO_CAO.columns.map((c) => (c.key === 'soLuong' ? { ...c, type: 'text' as const } : c)),
    };
    const submissions = SUBMISSIONS.map((s) =>
      s.unitId === TC.id && s.formId === BAO_CAO.id ? { ...s, planVersion: 'v2', planChangedFrom: 'v1' } : s,
    );
    const picture = { ...pictureOf(FORMS, submissions), earlierPlans: new Map([['v1', earlier]]) };
    const notes = buildUnitFeedback(TC, TABS, picture).standing.rows.map((r) => [r[1], r[4]]);
    expect(notes).toEqual([
      ['hạn 15/04/2020', 'Nộp đủ đúng hạn, có sửa sau hạn'],
      [
        'tháng 4/2020',
        "Còn lỗi, đã quá hạn — sửa các dòng có ✗. Kế hoạch đã đổi: cột 'Số lượng ĐVTN tham gia' nay là kiểu Số nguyên",
      ],
      ['tháng 5/2020', 'Chưa đến hạn'],
      ['tháng 6/2020', 'Chưa đến hạn'],
    ]);
    // Without the earlier definition (not stored, or no longer readable) nothing is invented.
    expect(buildUnitFeedback(TC, TABS, { ...picture, earlierPlans: new Map() }).standing.rows).toEqual(
      buildUnitFeedback(TC, TABS, PICTURE).standing.rows,
    );
  });

  it('a period whose due day is today is not overdue yet', () => {
    // 23:00 ICT on 05/05/2020, still before the end of April's due day.
    const late = { ...pictureOf(FORMS, []), now: new Date('2020-05-05T16:00:00.000Z') };
    const periods = late.periods.map(({ spec, period }) => ({
      spec,
      period,
      stats: formPeriodStats({ spec, period, units: UNITS, submissions: new Map(), now: late.now }),
    }));
    const rows = buildUnitFeedback(GD, TABS, { ...late, periods }).standing.rows;
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['hạn 15/04/2020', 'Đã quá hạn — nộp ngay'],
      ['tháng 4/2020', 'Chưa đến hạn'],
      ['tháng 5/2020', 'Chưa đến hạn'],
      ['tháng 6/2020', 'Chưa đến hạn'],
    ]);
  });
});

describe('buildUnitFeedback: no daily churn', () => {
  /** Comparable form of a unit's feedback (a Map has no JSON form). */
  const plain = (unit: Unit, now: Date) => {
    const feedback = buildUnitFeedback(unit, TABS, pictureOf(FORMS, SUBMISSIONS, now));
    return { ...feedback, tabs: feedback.tabs.map((t) => ({ ...t, statusByRow: [...t.statusByRow] })) };
  };

  it.each(UNITS.map((u) => [u.name, u] as const))(
    '%s: the same picture a day and two days later gives the same feedback',
    (_, who) => {
      // 02/06 10g00 → 03/06 and 04/06: no deadline and no period start in between (May is due 05/06).
      expect(plain(who, new Date('2020-06-03T03:00:00.000Z'))).toEqual(plain(who, NOW));
      expect(plain(who, new Date('2020-06-04T16:00:00.000Z'))).toEqual(plain(who, NOW));
    },
  );

  it("a deadline passing is a change: the unit still owing it is told, with that deadline as the sheet's latest change", () => {
    // 06/06/2020 10g00: May (due end of 05/06) has passed for Sở Giáo dục, which sent nothing.
    const after = buildUnitFeedback(
      GD,
      TABS,
      pictureOf(FORMS, SUBMISSIONS, new Date('2020-06-06T03:00:00.000Z')),
    ).standing;
    const before = buildUnitFeedback(GD, TABS, PICTURE).standing;
    expect(before.rows.map((r) => r[4])).toEqual([
      'Đã quá hạn — nộp ngay',
      'Đã quá hạn — nộp ngay',
      'Chưa đến hạn',
      'Chưa đến hạn',
    ]);
    expect(after.rows.map((r) => r[4])).toEqual([
      'Đã quá hạn — nộp ngay',
      'Đã quá hạn — nộp ngay',
      'Đã quá hạn — nộp ngay',
      'Chưa đến hạn',
    ]);
    expect(before.title[1]).toBe(
      'Hệ thống tự cập nhật khi có thay đổi; thay đổi gần nhất lúc 00:00 01/06/2020. Không sửa trang này.',
    );
    expect(after.title[1]).toBe(
      'Hệ thống tự cập nhật khi có thay đổi; thay đổi gần nhất lúc 23:59 05/06/2020. Không sửa trang này.',
    );
  });

  it("a deadline passing changes only the rows still owed: Sở Y tế's partial May, not its complete ones", () => {
    expect(plain(YTE, new Date('2020-06-06T03:00:00.000Z')).standing.rows).toEqual(
      plain(YTE, NOW).standing.rows.map((r) =>
        r[1] === 'tháng 5/2020' ? [...r.slice(0, 4), 'Còn lỗi, đã quá hạn — sửa các dòng có ✗', ...r.slice(5)] : r,
      ),
    );
  });
});
