import { readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_RENDERERS, reportFolder } from '../../functions/src/adapters/report/report-files.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { openDistrict } from '../../functions/src/app/open-district.js';
import { sweepDistrict } from '../../functions/src/app/sweep-district.js';
import { defaultSummaryPath, workbookDistrict } from '../../functions/src/app/workbook-district.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { makeReport } from '../../functions/src/jobs/report/make-report.js';
import { documentXml, paragraphsOf, tablesOf } from '../support/docx-text.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook, type TestCell } from '../support/workbooks.js';
import { rulePlans } from '../unit/rules/rule-plans.js';
import { useTempDir } from '../support/builders.js';

/**
 * Seed 003 on the workbook adapter, with the three things a new user tried (issue 15): an evaluation
 * of a member who never registered, two contradictory evaluations of one member in one phase, and
 * 3 evaluations for 15 registered members. The rules come from the control workbook's plan tabs.
 */

const ict = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`);
const REG_TAB = 'Đăng ký rèn luyện';
const EVAL_TAB = 'Đánh giá rèn luyện';
const REG_HEADER = ['STT', 'Họ và tên', 'Nội dung đăng ký'];
const EVAL_HEADER = ['Đợt', 'Họ và tên', 'Ngày sinh', 'Kết quả'];
const chiDoan = (id: string, name: string): Unit => ({
  id,
  name,
  type: 'chi-doan',
  level: '',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
});
const UNITS = [
  chiDoan('cd-a', 'Chi đoàn Khu phố 1'),
  chiDoan('cd-b', 'Chi đoàn Khu phố 2'),
  chiDoan('cd-c', 'Chi đoàn Khu phố 3'),
  chiDoan('cd-d', 'Chi đoàn Khu phố 4'),
  chiDoan('cd-e', 'Chi đoàn Khu phố 5'),
];
const REGISTRATION_TITLE = 'Đăng ký rèn luyện đoàn viên 2014';
const FIFTEEN = Array.from({ length: 15 }, (_, i) => `Đoàn viên Số ${i + 1}`);

describe('cross-form rules from the plan tabs (workbook adapter, real emulator)', () => {
  const firestore = testFirestore('cross-form-rules');
  const dir = useTempDir('tonghop-rules');
  let controlPath: string;
  const unitFile = (id: string) => path.join(dir(), 'units', `${id}.xlsx`);
  const evaluationTab = (evaluations: readonly TestCell[][]) => ({
    name: EVAL_TAB,
    rows: titled('ĐÁNH GIÁ RÈN LUYỆN', EVAL_HEADER, evaluations),
  });
  /** A unit's file; `registered` null: the file has no registration tab at all. */
  const unitBook = (
    id: string,
    registered: readonly (string | readonly TestCell[])[] | null,
    evaluations: readonly TestCell[][],
    at: Date,
  ) =>
    writeTestWorkbook(
      unitFile(id),
      [
        ...(registered === null
          ? []
          : [
              {
                name: REG_TAB,
                rows: titled(
                  'ĐĂNG KÝ RÈN LUYỆN',
                  REG_HEADER,
                  registered.map((r, i) => (typeof r === 'string' ? [i + 1, r, '05 tiêu chí rèn luyện'] : [...r])),
                ),
              },
            ]),
        evaluationTab(evaluations),
      ],
      at,
    );
  const sweepAt = async (now: Date) => {
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    expect(district.problems).toEqual([]);
    const { result } = await sweepDistrict({ district, request: { step: 'sweep' }, now, log: () => undefined });
    expect(result.kind).toBe('swept');
  };
  const evaluation = async (unitId: string) =>
    (await firestore.db.collection('submissions').doc(`danh-gia-ren-luyen~dot-1~${unitId}`).get()).data();
  const rowStatus = async (unitId: string, rowNumber: number) =>
    String(
      sheetOf(await openWorkbook(unitFile(unitId)), EVAL_TAB)
        .getRow(rowNumber)
        .getCell(EVAL_HEADER.length + 1).value ?? '',
    );
  const texts = async (file: string, tab: string) => {
    const found: string[] = [];
    sheetOf(await openWorkbook(file), tab).eachRow((row) =>
      found.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string')),
    );
    return found;
  };

  beforeAll(async () => {
    controlPath = path.join(dir(), 'bang-dieu-khien.xlsx');
    const { registration, evaluation: evaluationPlan, problems } = rulePlans();
    expect(problems).toEqual([]);
    await writeControlWorkbook(controlPath, {
      settings: { districtName: 'Quận Đoàn 8', officeEmail: '', contactName: '', contactPhone: '' },
      units: UNITS,
      plans: [registration, evaluationPlan],
    });
    await unitBook(
      'cd-a',
      FIFTEEN,
      FIFTEEN.slice(0, 3).map((name) => ['Đợt I', name, '02/01/2000', 'Hoàn thành tốt']),
      ict('2014-03-20'),
    );
    await unitBook(
      'cd-b',
      ['Nguyễn Văn An', 'Trần Thị Bình'],
      [
        ['Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
        ['Đợt I', 'Trần Thị Bình', '03/04/2001', 'Hoàn thành'],
        ['Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
        ['Đợt I', 'nguyen van an', '02/01/2000', 'Không hoàn thành'],
      ],
      ict('2014-03-20'),
    );
    // Never sent its registration: no such tab in its file, nothing stored.
    await unitBook('cd-c', null, [['Đợt I', 'Võ Thị Em', '02/01/2000', 'Hoàn thành tốt']], ict('2014-03-20'));
    // Its registration's row 5 is refused (STT is not a whole number), though it names the member.
    await unitBook(
      'cd-d',
      [['một', 'Đặng Văn Phúc', '05 tiêu chí rèn luyện'], 'Hồ Thị Giang'],
      [
        ['Đợt I', 'Đặng Văn Phúc', '02/01/2000', 'Hoàn thành tốt'],
        ['Đợt I', 'Hồ Thị Giang', '03/04/2001', 'Hoàn thành'],
      ],
      ict('2014-03-20'),
    );
    // Sent its registration, but its only row is refused: no member to compare with.
    await unitBook(
      'cd-e',
      [['một', 'Lý Văn Hải', '05 tiêu chí rèn luyện']],
      [['Đợt I', 'Lý Văn Hải', '02/01/2000', 'Hoàn thành tốt']],
      ict('2014-03-20'),
    );
    await sweepAt(ict('2014-03-25'));
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('refuses the evaluation of a member who never registered, naming the row, the column and the registration', async () => {
    const stored = await evaluation('cd-b');
    expect(stored?.counts).toMatchObject({ valid: 2, rejected: 2 });
    const message =
      'Dòng 7, cột Họ và tên: «Phạm Văn Dũng» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị.';
    expect(stored?.rejected.map((r: { errors: { message: string }[] }) => r.errors[0]?.message)).toContainEqual(
      expect.stringContaining(message),
    );
    expect(await rowStatus('cd-b', 7)).toContain(
      '«Phạm Văn Dũng» chưa có trong biểu mẫu «Đăng ký rèn luyện đoàn viên 2014» của đơn vị',
    );
  });

  it('refuses a second, contradictory evaluation of one member in one phase, naming both rows', async () => {
    expect(await rowStatus('cd-b', 8)).toContain(
      'Họ và tên «nguyen van an», Ngày sinh «02/01/2000» trùng với dòng 5 trong cùng kỳ Đợt I',
    );
    expect(await rowStatus('cd-b', 5)).toContain('✓');
  });

  it('3 evaluations for 15 registered members are not "Đủ": the unit and the summary say 12 are missing', async () => {
    const stored = await evaluation('cd-a');
    expect(stored).toMatchObject({ complete: false, uncovered: 12, counts: { valid: 3, rejected: 0 } });
    const stats = (await firestore.db.collection('stats').doc('danh-gia-ren-luyen~dot-1').get()).get('units') as {
      unitId: string;
      status: string;
    }[];
    expect(stats.find((u) => u.unitId === 'cd-a')?.status).toBe('partial');
    expect(await texts(unitFile('cd-a'), STANDING_TAB)).toContain('Còn 12 đoàn viên chưa đánh giá');
    expect(
      (await texts(defaultSummaryPath(controlPath), 'Tiến độ đơn vị')).some(
        (t) =>
          t.startsWith('Chi đoàn Khu phố 1 · Đánh giá rèn luyện · Đợt I') &&
          t.endsWith(': còn 12 đoàn viên chưa đánh giá'),
      ),
    ).toBe(true);
  });

  it('an evaluation whose registration was never sent is not "Đủ": stats, "Tình hình nộp", summary and report agree', async () => {
    const stored = await evaluation('cd-c');
    expect(stored).toMatchObject({ complete: false, coverageGap: 'not-sent', counts: { valid: 1, rejected: 0 } });
    const stats = (await firestore.db.collection('stats').doc('danh-gia-ren-luyen~dot-1').get()).get('units') as {
      unitId: string;
      status: string;
    }[];
    expect(stats.find((u) => u.unitId === 'cd-c')?.status).toBe('partial');
    const said = `Chưa có «${REGISTRATION_TITLE}» để đối chiếu`;
    expect(await texts(unitFile('cd-c'), STANDING_TAB)).toContain(said);
    expect(
      (await texts(defaultSummaryPath(controlPath), 'Tiến độ đơn vị')).some(
        (t) =>
          t.startsWith('Chi đoàn Khu phố 3 · Đánh giá rèn luyện · Đợt I') &&
          t.endsWith(`: chưa có «${REGISTRATION_TITLE}» để đối chiếu`),
      ),
    ).toBe(true);
    const district = await openDistrict(workbookDistrict(controlPath), firestore.db);
    const made = await makeReport({
      store: new FirestoreSummaryStore(firestore.db),
      settings: district.control.settings,
      units: district.control.units,
      forms: district.forms,
      formId: 'danh-gia-ren-luyen',
      periodId: 'dot-1',
      now: ict('2014-03-25', '10:00'),
      render: REPORT_RENDERERS,
      folder: reportFolder(path.join(dir(), 'bao-cao')),
    });
    if (!made.ok) throw new Error(made.reason);
    // Every chi đoàn falls short: 12 members left (cd-a), refused rows (cd-b, cd-d), no registration (cd-c, cd-e).
    expect(made.figures.total).toMatchObject({ expected: 5, complete: 0, partial: 5 });
    expect(made.figures.owing.find((u) => u.unitId === 'cd-c')?.status).toBe('partial');
    const xml = await documentXml(await readFile(made.files.docx));
    expect(tablesOf(xml)[1]?.at(-1)?.slice(0, 3)).toEqual(['Tổng cộng', '5', '0']);
    const owing = paragraphsOf(xml).filter((p) => /^\d\. Chi đoàn/u.test(p));
    expect(owing).toContain(`3. Chi đoàn Khu phố 3 (Cụm 1): chưa đạt (chưa có «${REGISTRATION_TITLE}» để đối chiếu).`);
    expect(owing).toContain('1. Chi đoàn Khu phố 1 (Cụm 1): chưa đạt (còn 12 đoàn viên chưa đánh giá).');
    expect(owing).toContain('2. Chi đoàn Khu phố 2 (Cụm 1): chưa đạt (có lỗi hoặc thiếu dòng).');
  });

  it('a registration whose every row is refused is no list to compare with either', async () => {
    expect(await evaluation('cd-e')).toMatchObject({ complete: false, coverageGap: 'no-valid-rows' });
    expect(await texts(unitFile('cd-e'), STANDING_TAB)).toContain(
      `«${REGISTRATION_TITLE}» chưa có dòng hợp lệ để đối chiếu`,
    );
    expect(await rowStatus('cd-e', 5)).toContain(`«Lý Văn Hải» có trong biểu mẫu «${REGISTRATION_TITLE}» ở dòng 5`);
  });

  it('a member registered afterwards makes the same evaluation row acceptable on the next sweep', async () => {
    const workbook = await openWorkbook(unitFile('cd-b'));
    sheetOf(workbook, REG_TAB).getRow(7).values = [3, 'Phạm Văn Dũng', '05 tiêu chí rèn luyện'];
    await workbook.xlsx.writeFile(unitFile('cd-b'));
    await utimes(unitFile('cd-b'), ict('2014-03-26', '08:00'), ict('2014-03-26', '08:00'));
    await sweepAt(ict('2014-03-26'));
    expect((await evaluation('cd-b'))?.counts).toMatchObject({ valid: 3, rejected: 1 });
    expect(await rowStatus('cd-b', 7)).toContain('✓');
  });

  it("an evaluation of a member whose registration row is refused points to that row, not 'chưa có'", async () => {
    expect(await rowStatus('cd-d', 5)).toBe(
      `✗ Cột Họ và tên: «Đặng Văn Phúc» có trong biểu mẫu «${REGISTRATION_TITLE}» ở dòng 5 của trang '${REG_TAB}', nhưng dòng đó đang bị từ chối nên chưa được tính. Hãy sửa dòng 5 của trang '${REG_TAB}' trước; dòng này sẽ được nhận khi dòng đó hợp lệ.`,
    );
    expect(await rowStatus('cd-d', 6)).toBe('✓ Hợp lệ');
  });

  it('a file without the registration tab, never sent: the evaluations are kept, each saying it is not checked yet', async () => {
    expect(await evaluation('cd-c')).toMatchObject({ complete: false, counts: { read: 1, valid: 1, rejected: 0 } });
    expect(await rowStatus('cd-c', 5)).toBe(
      `✓ Hợp lệ (chưa đối chiếu được với biểu mẫu «${REGISTRATION_TITLE}» vì đơn vị chưa gửi trang '${REG_TAB}')`,
    );
  });

  it('a file that drops the registration tab keeps what was registered: no evaluation is refused for it', async () => {
    const rows: TestCell[][] = [
      ['Đợt I', 'Nguyễn Văn An', '02/01/2000', 'Hoàn thành tốt'],
      ['Đợt I', 'Phạm Văn Dũng', '05/06/2002', 'Hoàn thành'],
    ];
    await unitBook('cd-b', null, rows, ict('2014-03-27', '08:00'));
    await sweepAt(ict('2014-03-27'));
    expect(await evaluation('cd-b')).toMatchObject({ counts: { read: 2, valid: 2, rejected: 0 } });
    expect([await rowStatus('cd-b', 5), await rowStatus('cd-b', 6)]).toEqual(['✓ Hợp lệ', '✓ Hợp lệ']);
  });
});
