import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../functions/src/adapters/report/export-workbook.js';
import { REPORT_RENDERERS, reportFolder } from '../../functions/src/adapters/report/report-files.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { cityPlanForReports } from '../../functions/src/domain/report/city-plan.js';
import type { ReportFigures } from '../../functions/src/domain/report/report-figures.js';
import type { StoredSubmission } from '../../functions/src/domain/summary/district-picture.js';
import type { FormPeriodStats } from '../../functions/src/domain/stats/form-period-stats.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { makeReport } from '../../functions/src/jobs/report/make-report.js';
import { loadDistrictPicture } from '../../functions/src/jobs/summarize/load-district-picture.js';
import { testFirestore, type TestFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { sweptDistrict, type TestUnitFile } from '../support/swept-district.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';

/*
 * At the city level each district is a unit: the city's control declares a plan whose form is the
 * "Kết quả" tab of the districts' exports (cityPlanForReports), and each district's file is the
 * Bao-cao-….xlsx its `tonghop report` wrote. The city's ordinary workbook-mode sweep reads them.
 */
const TAP_HUAN = builtinForm('tap-huan-2024');
const DISTRICT_NOW = new Date('2024-09-23T01:00:00Z');
const CITY_NOW = new Date('2024-09-30T01:00:00Z');
const EXPORT = 'Bao-cao-tap-huan-2024.xlsx';
const ON_TIME = new Date('2024-09-14T02:00:00Z');
const LATE = new Date('2024-09-16T02:00:00Z');

/** A school of a district: sent on time, late, with a bad phone, or not at all. */
function school(district: string, n: number, sent: 'on-time' | 'late' | 'partial' | 'missing'): TestUnitFile {
  const unit: Unit = {
    id: `${district}-th-${n}`,
    name: `Liên đội Tiểu học số ${n} ${district}`,
    type: 'lien-doi',
    level: 'Tiểu học',
    cluster: `Cụm ${(n % 2) + 1}`,
    contacts: [],
    source: `th-${n}.xlsx`,
  };
  if (sent === 'missing') return { unit };
  const phone = sent === 'partial' ? '12345' : '0983018027';
  return {
    unit,
    tab: 'Đăng ký tập huấn',
    header: TRAINING_HEADER,
    rows: [[1, `Người ${n}`, 'TPT', 'Nữ', null, phone, null, null, null, null]],
    sentAt: sent === 'late' ? LATE : ON_TIME,
  };
}

const DISTRICTS = [
  {
    id: 'quan-1',
    name: 'Quận Đoàn 1',
    schools: ['on-time', 'on-time', 'missing'],
    sentToCity: new Date('2024-09-24T02:00:00Z'),
  },
  { id: 'quan-3', name: 'Quận Đoàn 3', schools: ['on-time', 'on-time'], sentToCity: new Date('2024-09-25T09:00:00Z') },
  {
    id: 'quan-8',
    name: 'Quận Đoàn 8',
    schools: ['on-time', 'late', 'partial', 'on-time'],
    sentToCity: new Date('2024-09-27T02:00:00Z'),
  },
] as const;
const CITY_PLAN = cityPlanForReports({
  id: 'bao-cao-tap-huan-2024',
  title: 'Báo cáo kết quả đăng ký tập huấn của các quận',
  districtFormId: 'tap-huan-2024',
  districtPeriodId: 'mot-lan',
  due: { date: '2024-09-25' },
});
const settings = (districtName: string) => ({ districtName, officeEmail: '', contactName: '', contactPhone: '' });
const districtUnit = (id: string, name: string, source: string): Unit => ({
  id,
  name,
  type: 'co-so-doan',
  level: '',
  cluster: '',
  contacts: [],
  source,
});

describe('a city rolls up three districts from their report exports, with its normal workbook sweep', () => {
  const dir = useTempDir('tonghop-city');
  const stores: TestFirestore[] = [];
  const figures = new Map<string, ReportFigures>();
  let city: FormPeriodStats;
  let citySubmissions: readonly StoredSubmission[];

  beforeAll(async () => {
    const cityUnits = path.join(dir(), 'thanh-pho', 'units');
    for (const d of DISTRICTS) {
      const firestore = testFirestore(`city-${d.id}`);
      stores.push(firestore);
      const district = await sweptDistrict({
        dir: path.join(dir(), d.id),
        db: firestore.db,
        settings: settings(d.name),
        plans: [TAP_HUAN],
        files: d.schools.map((s, i) => school(d.id, i + 1, s)),
        now: DISTRICT_NOW,
      });
      const made = await makeReport({
        store: new FirestoreSummaryStore(firestore.db),
        settings: district.control.settings,
        units: district.control.units,
        forms: district.forms,
        formId: 'tap-huan-2024',
        now: DISTRICT_NOW,
        render: REPORT_RENDERERS,
        // Straight into the city's units folder, one sub-folder per district, as its office would save the attachment.
        folder: reportFolder(path.join(cityUnits, d.id)),
      });
      if (!made.ok) throw new Error(made.reason);
      figures.set(d.id, made.figures);
      await utimes(made.files.xlsx, d.sentToCity, d.sentToCity);
    }
    // Quận 10 sent the export of another plan by mistake: the city must not count it.
    const wrongPlan = path.join(cityUnits, 'quan-10', EXPORT);
    await mkdir(path.dirname(wrongPlan), { recursive: true });
    const quan3 = figures.get('quan-3');
    if (!quan3) throw new Error('no figures for quan-3');
    await writeFile(
      wrongPlan,
      await exportWorkbook({ ...quan3, district: 'Quận Đoàn 10', formId: 'ke-hoach-nho-65-nam' }),
    );
    await utimes(wrongPlan, ON_TIME, ON_TIME);
    // Quận 4 typed its counts by hand: more reported in full than had to report, more on time and late than in full.
    const contradictory = path.join(cityUnits, 'quan-4', EXPORT);
    await mkdir(path.dirname(contradictory), { recursive: true });
    await writeFile(
      contradictory,
      await exportWorkbook({
        ...quan3,
        district: 'Quận Đoàn 4',
        total: { ...quan3.total, expected: 2, complete: 3, onTime: 2, late: 2 },
      }),
    );
    await utimes(contradictory, ON_TIME, ON_TIME);
    const cityStore = testFirestore('city-thanh-pho');
    stores.push(cityStore);
    const cityUnitsList = [
      ...DISTRICTS.map((d) => districtUnit(d.id, d.name, `${d.id}/${EXPORT}`)),
      districtUnit('quan-5', 'Quận Đoàn 5', `quan-5/${EXPORT}`),
      districtUnit('quan-10', 'Quận Đoàn 10', `quan-10/${EXPORT}`),
      districtUnit('quan-4', 'Quận Đoàn 4', `quan-4/${EXPORT}`),
    ];
    const swept = await sweptDistrict({
      dir: path.join(dir(), 'thanh-pho'),
      db: cityStore.db,
      settings: settings('Thành Đoàn TP. Hồ Chí Minh'),
      plans: [CITY_PLAN],
      files: cityUnitsList.map((unit) => ({ unit })),
      now: CITY_NOW,
    });
    const { picture } = await loadDistrictPicture({
      store: new FirestoreSummaryStore(cityStore.db),
      settings: swept.control.settings,
      units: swept.control.units,
      forms: swept.forms,
      now: CITY_NOW,
    });
    const entry = picture.periods.find((p) => p.spec.id === CITY_PLAN.id);
    if (!entry) throw new Error('the city has no statistics for its plan');
    city = entry.stats;
    citySubmissions = picture.submissions;
  });
  afterAll(async () => {
    for (const s of stores) {
      await s.clear();
      await s.db.terminate();
    }
  });

  it('each district reported its own figures', () => {
    expect(DISTRICTS.map((d) => figures.get(d.id)?.total)).toEqual([
      { expected: 3, complete: 2, onTime: 2, late: 0, revisedAfterDeadline: 0, partial: 0, nil: 0, missing: 1 },
      { expected: 2, complete: 2, onTime: 2, late: 0, revisedAfterDeadline: 0, partial: 0, nil: 0, missing: 0 },
      { expected: 4, complete: 3, onTime: 2, late: 1, revisedAfterDeadline: 0, partial: 1, nil: 0, missing: 0 },
    ]);
  });

  it('the city counts the districts as units: three sent (one late), one missing, one sent the wrong plan, one contradictory counts', () => {
    expect(city.overall).toMatchObject({ expected: 6, complete: 3, onTime: 2, late: 1, partial: 2, missing: 1 });
    expect(city.units.map((u) => [u.unitId, u.status])).toEqual([
      ['quan-1', 'complete-on-time'],
      ['quan-3', 'complete-on-time'],
      ['quan-8', 'complete-late'],
      ['quan-5', 'missing'],
      ['quan-10', 'partial'],
      ['quan-4', 'partial'],
    ]);
    const rejected = citySubmissions.find((s) => s.unitId === 'quan-10')?.rejected ?? [];
    expect(rejected.flatMap((r) => r.errors.map((e) => e.message))).toEqual([
      expect.stringMatching(/Mã biểu mẫu.*ke-hoach-nho-65-nam/),
    ]);
  });

  it("rejects the contradictory export's row, naming its row and columns in Vietnamese", () => {
    const quan4 = citySubmissions.find((s) => s.unitId === 'quan-4');
    expect(quan4?.rows).toEqual([]);
    expect(quan4?.rejected.flatMap((r) => r.errors)).toEqual([
      {
        column: 'Đã nộp đủ',
        message:
          "Dòng 6, cột 'Đã nộp đủ': 3 lớn hơn 'Phải nộp' (2); 'Đã nộp đủ' là một phần của 'Phải nộp', hãy kiểm tra lại số liệu.",
      },
      {
        column: 'Trễ hạn',
        message:
          "Dòng 6, cột 'Trễ hạn': 'Đúng hạn' + 'Trễ hạn' = 2 + 2 = 4, lớn hơn 'Đã nộp đủ' (3); các cột này là phần của 'Đã nộp đủ', cộng lại không được lớn hơn, hãy kiểm tra lại số liệu.",
      },
    ]);
  });

  it("the city's metrics add up the districts' figures, district by district", () => {
    const metric = (id: string) => city.metrics.find((m) => m.id === id);
    const sum = (pick: (f: ReportFigures) => number) => [...figures.values()].reduce((total, f) => total + pick(f), 0);
    expect(metric('phai-nop')?.total).toBe(sum((f) => f.total.expected));
    expect(metric('phai-nop')?.total).toBe(9);
    expect(metric('da-nop-du')?.total).toBe(7);
    expect(metric('dung-han')?.total).toBe(6);
    expect(metric('chua-nop')?.total).toBe(sum((f) => f.total.missing));
    // Quận 10's and Quận 4's rows were rejected: they add nothing.
    expect(metric('da-nop-du')?.byUnit).toEqual({ 'quan-1': 2, 'quan-3': 2, 'quan-8': 3, 'quan-10': 0, 'quan-4': 0 });
  });
});
