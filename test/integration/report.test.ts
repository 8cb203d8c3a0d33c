import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxReport } from '../../functions/src/adapters/report/docx-report.js';
import { REPORT_RENDERERS, reportFolder } from '../../functions/src/adapters/report/report-files.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { reportDocument } from '../../functions/src/domain/report/report-document.js';
import { reportHeading } from '../../functions/src/domain/report/report-heading.js';
import {
  EXPORT_COUNT_COLUMNS,
  EXPORT_HEADER_ROW,
  EXPORT_TABS,
} from '../../functions/src/domain/report/report-export-layout.js';
import type { ControlReading } from '../../functions/src/domain/units/read-control.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FormPeriodStats } from '../../functions/src/domain/stats/form-period-stats.js';
import { makeReport, type MadeReport } from '../../functions/src/jobs/report/make-report.js';
import { loadDistrictPicture } from '../../functions/src/jobs/summarize/load-district-picture.js';
import { documentXml, paragraphsOf, tablesOf } from '../support/docx-text.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { sweptDistrict, type TestUnitFile } from '../support/swept-district.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';

const TAP_HUAN = builtinForm('tap-huan-2024');
const NOW = new Date('2026-12-03T03:00:00Z');
const school = (id: string, name: string, cluster: string): Unit => ({
  id,
  name,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster,
  contacts: [],
  source: `${id}.xlsx`,
});
const person = (n: number, role: string, phone = '0983018027') => [
  n,
  `Người ${n}`,
  role,
  'Nữ',
  null,
  phone,
  null,
  null,
  null,
  null,
];
const FILES: TestUnitFile[] = [
  {
    unit: school('th-le-loi', 'Liên đội Tiểu học Lê Lợi', 'Cụm 1'),
    tab: 'Đăng ký tập huấn',
    header: TRAINING_HEADER,
    rows: [person(1, 'TPT'), person(2, 'Bí thư Chi đoàn')],
    sentAt: new Date('2024-09-14T02:00:00Z'),
  },
  {
    unit: school('th-kim-dong', 'Liên đội Tiểu học Kim Đồng', 'Cụm 1'),
    tab: 'Đăng ký tập huấn',
    header: TRAINING_HEADER,
    rows: [person(1, 'TPT')],
    sentAt: new Date('2024-09-16T02:00:00Z'),
  },
  {
    unit: school('thcs-vo-truong-toan', 'Liên đội THCS Võ Trường Toản', 'Cụm 2'),
    tab: 'Đăng ký tập huấn',
    header: TRAINING_HEADER,
    rows: [person(1, 'TPT', '12345')],
    sentAt: new Date('2024-09-14T02:00:00Z'),
  },
  { unit: school('thcs-minh-duc', 'Liên đội THCS Minh Đức', 'Cụm 2') },
  {
    unit: school('th-nguyen-hue', 'Liên đội Tiểu học Nguyễn Huệ', 'Cụm 2'),
    tab: 'Đăng ký tập huấn',
    header: TRAINING_HEADER,
    rows: [person(1, 'TPT'), person(2, 'TPT')],
    sentAt: new Date('2024-09-15T01:00:00Z'),
  },
];
const SETTINGS = {
  districtName: 'Quận Đoàn 1',
  officeEmail: 'vanphong@quandoan1.example',
  contactName: 'Văn phòng',
  contactPhone: '0283 822 1234',
  parentBody: 'Thành Đoàn TP. Hồ Chí Minh',
  issuerName: 'Ban Chấp hành Đoàn Quận 1',
  signerTitle: 'Phó Bí thư',
  recipients: 'Ban Thường vụ Thành Đoàn (để b/c); Hội đồng Đội Thành phố (để b/c); Lưu VP',
};

describe('tonghop report: the .docx and the .xlsx export of one plan and period, from what the sweeps stored', () => {
  const firestore = testFirestore('report-docx');
  const dir = useTempDir('tonghop-report');
  let control: ControlReading;
  let made: MadeReport;
  let stats: FormPeriodStats;

  beforeAll(async () => {
    const district = await sweptDistrict({
      dir: dir(),
      db: firestore.db,
      settings: SETTINGS,
      plans: [TAP_HUAN],
      files: FILES,
      now: new Date('2024-09-23T01:00:00Z'),
    });
    control = district.control;
    const store = new FirestoreSummaryStore(firestore.db);
    made = await makeReport({
      store,
      settings: control.settings,
      units: control.units,
      forms: district.forms,
      formId: 'tap-huan-2024',
      now: NOW,
      render: REPORT_RENDERERS,
      folder: reportFolder(path.join(dir(), 'bao-cao')),
    });
    // The statistics the summary shows, computed separately: the report must say the same.
    const { picture } = await loadDistrictPicture({
      store,
      settings: control.settings,
      units: control.units,
      forms: district.forms,
      now: NOW,
    });
    const entry = picture.periods.find((p) => p.spec.id === 'tap-huan-2024');
    if (!entry) throw new Error('no statistics for tap-huan-2024');
    stats = entry.stats;
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('writes Bao-cao-<form>-<period>.docx and .xlsx for the latest due period', () => {
    if (!made.ok) throw new Error(made.reason);
    expect(made.files).toEqual({
      docx: path.join(dir(), 'bao-cao', 'Bao-cao-tap-huan-2024.docx'),
      xlsx: path.join(dir(), 'bao-cao', 'Bao-cao-tap-huan-2024.xlsx'),
    });
  });

  it('the heading: issuer on the left with the number, Đoàn header on the right, place and date in Vietnam time', async () => {
    if (!made.ok) throw new Error(made.reason);
    const xml = await documentXml(await readFile(made.files.docx));
    const [heading] = tablesOf(xml);
    expect(heading).toEqual([
      ['THÀNH ĐOÀN TP. HỒ CHÍ MINH\nBAN CHẤP HÀNH ĐOÀN QUẬN 1\n***', 'ĐOÀN TNCS HỒ CHÍ MINH'],
      ['Số:        -BC/ĐTN', 'Quận 1, ngày 03 tháng 12 năm 2026'],
    ]);
    const paragraphs = paragraphsOf(xml);
    const title = paragraphs.indexOf('BÁO CÁO');
    expect(paragraphs[title + 1]).toBe(
      'Kết quả đăng ký tham gia tập huấn nghiệp vụ công tác Đoàn – Đội khu vực trường học năm học 2024 – 2025 (hạn 15/09/2024)',
    );
    // Times New Roman everywhere, A4 with the decree's margins (20/20/30/15 mm).
    const bytes = await readFile(made.files.docx);
    expect(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(await documentXml(bytes, 'word/styles.xml'))?.[0]).toMatch(
      /w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/,
    );
    expect(/<w:pgSz [^>]*>/.exec(xml)?.[0]).toContain('w:w="11906" w:h="16838"');
    expect(/<w:pgMar [^>]*>/.exec(xml)?.[0]).toContain('w:top="1134" w:right="850" w:bottom="1134" w:left="1701"');
  });

  it('the results table holds the statistics by cụm and in total', async () => {
    if (!made.ok) throw new Error(made.reason);
    const results = tablesOf(await documentXml(await readFile(made.files.docx)))[1] ?? [];
    expect(results[0]).toEqual([
      'Cụm thi đua',
      'Phải nộp',
      'Đã nộp đủ',
      'Đúng hạn',
      'Trễ hạn',
      'Chưa đạt',
      'Chưa nộp',
      'Tỉ lệ nộp đủ',
    ]);
    const expectedRows = [...Object.entries(stats.byCluster), ['Tổng cộng', stats.overall] as const].map(
      ([name, g]) => [name, ...[g.expected, g.complete, g.onTime, g.late, g.partial, g.missing].map(String)],
    );
    expect(results.slice(1).map((r) => r.slice(0, 7))).toEqual(expectedRows);
    // The figures themselves, so a wrong statistic cannot hide behind a matching one.
    expect(results.at(-1)).toEqual(['Tổng cộng', '5', '3', '2', '1', '1', '1', '60\u00a0%']);
  });

  it('the body: metrics, the units still owing, the placeholders, "Nơi nhận" and the signature, in NFC Vietnamese', async () => {
    if (!made.ok) throw new Error(made.reason);
    const xml = await documentXml(await readFile(made.files.docx));
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs).toContain('- Số người đăng ký: 5.');
    expect(paragraphs).toContain('- Kinh phí tập huấn: 9.500.000 đ.');
    expect(paragraphs).toContain('1. Liên đội THCS Minh Đức (Cụm 2): chưa nộp, quá hạn 809 ngày.');
    expect(paragraphs).toContain(
      '2. Liên đội THCS Võ Trường Toản (Cụm 2): chưa đạt (có lỗi hoặc thiếu dòng), quá hạn 809 ngày.',
    );
    for (const heading of ['IV. ĐÁNH GIÁ CHUNG', 'V. ĐỀ XUẤT']) expect(paragraphs).toContain(heading);
    const signature = tablesOf(xml).at(-1);
    expect(signature).toEqual([
      [
        'Nơi nhận:\n- Ban Thường vụ Thành Đoàn (để b/c);\n- Hội đồng Đội Thành phố (để b/c);\n- Lưu VP.',
        'TM. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n\n\n\n',
      ],
    ]);
    expect(xml).toBe(xml.normalize('NFC'));
    expect(xml).not.toMatch(/0983018027|Người 1/);
  });

  it('the .xlsx export has the fixed layout: one "Kết quả" row with the same counts', async () => {
    if (!made.ok) throw new Error(made.reason);
    const workbook = await openWorkbook(made.files.xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(EXPORT_TABS));
    const result = sheetOf(workbook, EXPORT_TABS.result);
    const values = (row: number) => (result.getRow(row).values as unknown[]).slice(1);
    expect(values(EXPORT_HEADER_ROW)).toEqual([
      'Mã biểu mẫu',
      'Mã kỳ',
      'Kỳ',
      ...EXPORT_COUNT_COLUMNS.map((c) => c.header),
    ]);
    const o = stats.overall;
    expect(values(EXPORT_HEADER_ROW + 1)).toEqual([
      'tap-huan-2024',
      'mot-lan',
      'hạn 15/09/2024',
      o.expected,
      o.complete,
      o.onTime,
      o.late,
      o.revisedAfterDeadline,
      o.partial,
      o.nil,
      o.missing,
    ]);
    expect(result.getRow(EXPORT_HEADER_ROW + 2).hasValues).toBe(false);
  });

  it('refuses an unknown form in Vietnamese, listing the plans', async () => {
    const refused = await makeReport({
      store: new FirestoreSummaryStore(firestore.db),
      settings: control.settings,
      units: control.units,
      forms: [TAP_HUAN],
      formId: 'khong-co',
      now: NOW,
      render: REPORT_RENDERERS,
      folder: reportFolder(dir()),
    });
    expect(refused).toEqual({
      ok: false,
      reason: "Không có biểu mẫu 'khong-co' trong bảng điều khiển. Các biểu mẫu: tap-huan-2024 (Đăng ký tập huấn).",
    });
  });
});

describe('the .docx heading of a state body (Nghị định 30): quốc hiệu and tiêu ngữ, "Số: …/BC-…"', () => {
  it('puts the quốc hiệu over the underlined tiêu ngữ and a short rule under the issuer', async () => {
    const settings = {
      districtName: 'Quận Đoàn 1',
      officeEmail: '',
      contactName: '',
      contactPhone: '',
      parentBody: 'UBND Quận 1',
      issuerName: 'Phòng Giáo dục và Đào tạo',
      headerRight: 'Cộng hòa xã hội chủ nghĩa Việt Nam',
      documentCode: 'GDĐT',
    };
    const counts = {
      expected: 1,
      complete: 1,
      onTime: 1,
      late: 0,
      revisedAfterDeadline: 0,
      partial: 0,
      nil: 0,
      missing: 0,
    };
    const figures = {
      layout: 'tonghop-bao-cao-1',
      district: 'Quận Đoàn 1',
      formId: 'f',
      formTitle: 'Báo cáo kết quả thử',
      periodId: 'p',
      periodLabel: 'kỳ thử',
      due: NOW,
      asOf: NOW,
      total: counts,
      byCluster: [{ cluster: 'Cụm 1', ...counts }],
      metrics: [],
      owing: [],
    } as const;
    const xml = await documentXml(await docxReport(reportDocument(reportHeading(settings, NOW), figures)));
    expect(tablesOf(xml)[0]).toEqual([
      ['UBND QUẬN 1\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số:        /BC-GDĐT', 'Quận 1, ngày 03 tháng 12 năm 2026'],
    ]);
    expect(xml).toMatch(/<w:t xml:space="preserve">Độc lập - Tự do - Hạnh phúc<\/w:t>/);
    expect(
      /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(
        xml,
      )?.[1],
    ).toBe('Độc lập - Tự do - Hạnh phúc');
  });
});
