import { describe, expect, it } from 'vitest';
import { loadBuiltinForms } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { planRows, plansRows, planSheetTabs } from '../../../functions/src/domain/plans/plan-rows.js';
import { formSpecSchema } from '../../../functions/src/domain/forms/form-spec.js';
import { readPlanTabs } from '../../../functions/src/domain/plans/read-plan-tabs.js';
import { planVersion } from '../../../functions/src/domain/plans/plan-version.js';
import { referencedFormIds } from '../../../functions/src/domain/rules/apply-cross-form-rules.js';

const builtins = await loadBuiltinForms();

describe('plan tabs round trip: planRows → sheet → readPlanTabs', () => {
  it('holds the nine built-in forms', () => {
    expect(builtins.map((s) => s.id)).toHaveLength(9);
  });

  it.each(builtins.map((spec) => [spec.id, spec] as const))('%s comes back deeply equal', (_id, spec) => {
    // A plan whose rules name another plan (seed 003's evaluation → registration) travels with it.
    const referenced = builtins.filter((b) => referencedFormIds([spec]).includes(b.id));
    const reading = readPlanTabs(planSheetTabs(referenced.length ? plansRows([spec, ...referenced]) : planRows(spec)));
    expect(reading.problems).toEqual([]);
    expect(reading.plans.filter((p) => p.id === spec.id)).toEqual([spec]);
    expect(planVersion(reading.plans.find((p) => p.id === spec.id)!)).toBe(planVersion(spec));
  });

  it('all nine in one set of tabs come back, option lists shared or renamed', () => {
    const tabs = plansRows(builtins);
    const reading = readPlanTabs(planSheetTabs(tabs));
    expect(reading.problems).toEqual([]);
    expect([...reading.plans].sort((a, b) => a.id.localeCompare(b.id))).toEqual(builtins);
    const lists = tabs.find((t) => t.tab === 'Danh mục lựa chọn')!.rows.map((r) => r[0]);
    // Each list's values are written once, even when two plans name the same list.
    expect(lists.filter((name) => name === 'Kết quả rèn luyện')).toHaveLength(4);
  });
});

describe('plan tabs round trip: the fields no built-in form uses', () => {
  const full = formSpecSchema.parse({
    id: 'sinh-hoat-tuan',
    planNumber: '15-KH/QĐ',
    title: 'Báo cáo sinh hoạt hằng tuần',
    issuer: 'Quận Đoàn 1',
    kind: 'report',
    tab: 'Sinh hoạt tuần',
    description: 'Mỗi tuần một dòng.',
    columns: [
      { key: 'stt', header: 'STT', type: 'int', min: 1, counter: true },
      {
        key: 'ngay',
        header: 'Ngày sinh hoạt',
        aliases: ['Ngày'],
        type: 'date',
        required: true,
        period: true,
        help: 'Ngày trong tuần báo cáo.',
      },
      { key: 'gio', header: 'Giờ bắt đầu', type: 'time' },
      { key: 'luc', header: 'Thời điểm ghi', type: 'datetime' },
      { key: 'tyLe', header: 'Tỉ lệ', type: 'decimal', min: 0, max: 1.5 },
      { key: 'sdt', header: 'Số điện thoại', type: 'phone' },
      { key: 'email', header: 'Email', type: 'email' },
    ],
    period: {
      type: 'weekly',
      from: '2024-09-02',
      to: '2025-05-31',
      dueAfterDays: 3,
      pauses: [{ name: 'Tết Nguyên đán', from: '2025-01-27', to: '2025-02-02' }],
    },
    graceDays: 2,
    lockAfter: { date: '2025-06-30', time: '17:00' },
    targets: { unitTypes: ['co-so-doan', 'chi-doan'], levels: ['Khối cơ quan'], clusters: ['Cụm 1', 'Cụm 2'] },
    minRows: 0,
    metrics: [
      { type: 'weeks-with-activity', id: 'tuan', label: 'Tuần có sinh hoạt', weekColumn: 'ngay', minPerWeek: 2 },
      { type: 'participation-rate', id: 'ty-le', label: 'Tỉ lệ', column: 'tyLe', target: 0.07 },
      {
        type: 'weeks-meeting-target',
        id: 'tuan-dat',
        label: 'Tuần đạt chỉ tiêu',
        weekColumn: 'ngay',
        column: 'tyLe',
        minPerWeek: 2,
        target: 0.85,
      },
      { type: 'fee-per-row', id: 'phi', label: 'Phí', amount: 50000, payBy: { date: '2024-10-01', time: '11:30' } },
    ],
    notices: { reminderDays: 0, escalationDays: 14 },
  });

  it('a weekly plan with pauses, lock, grace, targets, notices and every metric option comes back deeply equal', () => {
    const reading = readPlanTabs(planSheetTabs(planRows(full)));
    expect(reading.problems).toEqual([]);
    expect(reading.plans).toEqual([full]);
  });
});
