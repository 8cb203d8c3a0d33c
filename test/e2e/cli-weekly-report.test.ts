import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { runCli } from '../support/cli.js';
import { documentXml, paragraphsOf, tablesOf } from '../support/docx-text.js';
import { emulatorHost, testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { sweptDistrict } from '../support/swept-district.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

const HEADER = [
  'STT',
  'Tháng',
  'Tuần',
  'Địa điểm tổ chức',
  'Số lượng ĐVTN tham gia',
  'Nội dung tổ chức',
  'Hình thức tổ chức',
  'Kết quả hoạt động',
];
const coSo = (id: string, name: string, members?: number): Unit => ({
  id,
  name,
  type: 'co-so-doan',
  level: '',
  cluster: 'Khối cơ quan',
  contacts: [],
  source: `${id}.xlsx`,
  ...(members ? { members } : {}),
});
const activity = (stt: number, month: string, tuan: number, soLuong: number) => [
  stt,
  month,
  tuan,
  'Hội trường',
  soLuong,
  'Vệ sinh trụ sở',
  'Trực tiếp',
  'Tốt',
];

describe('tonghop report --weekly (CLI): the weekly digest of seed 002', () => {
  const firestore = testFirestore('cli-weekly');
  const dir = useTempDir('tonghop-cli-weekly');
  let control: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const tab = 'Báo cáo 30 phút';
    const files = [
      // August 2022 owns W31–W34; W35 (29/08 – 04/09) is September's week 1.
      {
        unit: coSo('so-tai-chinh', 'Đoàn cơ sở Sở Tài chính', 20),
        tab,
        header: HEADER,
        rows: [activity(1, '8/2022', 3, 20), activity(2, '8/2022', 4, 20), activity(3, '9/2022', 1, 20)],
        sentAt: new Date('2022-09-04T10:00:00Z'),
      },
      {
        unit: coSo('dien-luc', 'Đoàn cơ sở Điện lực', 12),
        tab,
        header: HEADER,
        rows: [activity(1, '8/2022', 3, 12), activity(2, '8/2022', 4, 9), activity(3, '8/2022', 4, 11)],
        sentAt: new Date('2022-09-03T10:00:00Z'),
      },
      {
        unit: coSo('buu-dien', 'Đoàn cơ sở Bưu điện'),
        tab,
        header: HEADER,
        rows: [activity(1, '8/2022', 4, 15)],
        sentAt: new Date('2022-09-03T10:00:00Z'),
      },
    ];
    ({ controlPath: control } = await sweptDistrict({
      dir: dir(),
      db: firestore.db,
      settings: { districtName: 'Đoàn Khối các cơ quan', officeEmail: '', contactName: '', contactPhone: '' },
      plans: [builtinForm('30-phut-bao-cao')],
      files,
      now: new Date('2022-09-05T01:00:00Z'),
    }));
    env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: path.join(dir(), 'home'),
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: firestore.projectId,
    };
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('writes the .docx and .xlsx of the last whole week and prints each week’s count in Vietnamese', async () => {
    const run = await runCli(['report', '--weekly', '--control', control, '--now', '2022-09-05T08:00:00+07:00'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Tuần 34/2022 (22/08/2022 – 28/08/2022): 1/3 cơ sở Đoàn đạt');
    expect(run.stdout).toContain('Tuần 35/2022 (29/08/2022 – 04/09/2022): 1/3 cơ sở Đoàn đạt');
    expect(run.stdout).toContain(
      `Văn bản báo cáo Ban Thường vụ (mở bằng Word hoặc LibreOffice, điền số và ký): ${path.join(dir(), 'Bao-cao-tuan-30-phut-bao-cao-2022-W35.docx')}`,
    );
  });

  it('the .docx: the week-by-week table per cơ sở, the count per week, who did not meet it, addressed to the Ban Thường vụ', async () => {
    const xml = await documentXml(await readFile(path.join(dir(), 'Bao-cao-tuan-30-phut-bao-cao-2022-W35.docx')));
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs).toContain(
      'Kết quả thực hiện mô hình “30 phút hành động của Tổ chức Đoàn thanh niên sau giờ làm việc thứ Tám” tuần 35/2022 (29/08/2022 – 04/09/2022)',
    );
    const table = tablesOf(xml).find((t) => t[0]?.[0] === 'Cơ sở Đoàn');
    expect(table).toEqual([
      [
        'Cơ sở Đoàn',
        'Tuần 3208/08/2022–14/08/2022',
        'Tuần 3315/08/2022–21/08/2022',
        'Tuần 3422/08/2022–28/08/2022',
        'Tuần 3529/08/2022–04/09/2022',
      ],
      [
        'Đoàn cơ sở Bưu điện',
        '0 HĐ; chưa khai báo số đoàn viên',
        '0 HĐ; chưa khai báo số đoàn viên',
        '1 HĐ, 15; chưa khai báo số đoàn viên',
        'Chưa báo cáo',
      ],
      ['Đoàn cơ sở Điện lực', '✗ 0 HĐ', '✓ 1 HĐ, 12/12', '✗ 2 HĐ, 11/12', 'Chưa báo cáo'],
      ['Đoàn cơ sở Sở Tài chính', '✗ 0 HĐ', '✓ 1 HĐ, 20/20', '✓ 1 HĐ, 20/20', '✓ 1 HĐ, 20/20'],
      ['Số cơ sở đạt', '0/3', '2/3', '1/3', '1/3'],
    ]);
    expect(paragraphs).toContain('1. Đoàn cơ sở Bưu điện: chưa báo cáo tháng có tuần này.');
    expect(paragraphs).toContain('2. Đoàn cơ sở Điện lực: chưa báo cáo tháng có tuần này.');
    expect(tablesOf(xml).at(-1)?.[0]?.[0]).toBe('Nơi nhận:\n- Ban Thường vụ (để b/c);\n- Lưu VP.');
    expect(xml).toBe(xml.normalize('NFC'));
  });

  it('the .xlsx carries the same figures, one row per cơ sở and week', async () => {
    const sheet = sheetOf(
      await openWorkbook(path.join(dir(), 'Bao-cao-tuan-30-phut-bao-cao-2022-W35.xlsx')),
      'Số cơ sở đạt',
    );
    const rows = [6, 7, 8, 9].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['2022-W32', '08/08/2022 – 14/08/2022', 0, 3],
      ['2022-W33', '15/08/2022 – 21/08/2022', 2, 3],
      ['2022-W34', '22/08/2022 – 28/08/2022', 1, 3],
      ['2022-W35', '29/08/2022 – 04/09/2022', 1, 3],
    ]);
  });

  it('--week chooses the week; --json prints the coverage; a malformed week is a usage error (exit 2)', async () => {
    const run = await runCli(
      [
        'report',
        '--weekly',
        '--week',
        '2022-W34',
        '--control',
        control,
        '--out',
        path.join(dir(), 'tuan-34'),
        '--json',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      coverage: { weekId: string; notMeeting: { unitId: string; standing: string }[] };
    };
    expect(json.coverage.weekId).toBe('2022-W34');
    expect(json.coverage.notMeeting).toMatchObject([
      { unitId: 'buu-dien', standing: 'no-members' },
      { unitId: 'dien-luc', standing: 'not-met' },
    ]);
    const bad = await runCli(['report', '--weekly', '--week', '2022-38', '--control', control], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'2022-38' không phải một tuần: ghi dạng năm-Wsố tuần, ví dụ 2024-W38");
    const neither = await runCli(['report', '--control', control], env);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain(
      'Thiếu --form <mã biểu mẫu> (xem: tonghop plans list), hoặc dùng --weekly cho báo cáo tuần.',
    );
  });
});
