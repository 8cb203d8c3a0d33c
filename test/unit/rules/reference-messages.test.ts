import { describe, expect, it } from 'vitest';
import type { ValidRow } from '../../../functions/src/domain/forms/compile-form.js';
import type { RejectedRow, TabReading } from '../../../functions/src/domain/forms/read-form-tab.js';
import { applyCrossFormRules } from '../../../functions/src/domain/rules/apply-cross-form-rules.js';
import { checkReferences } from '../../../functions/src/domain/rules/check-references.js';
import { referencedValues, type ReferencedRows } from '../../../functions/src/domain/rules/referenced-values.js';
import { rulePlans } from './rule-plans.js';

/**
 * 'Phải có trong' when the other form's row is refused (issue 15): the evaluation row points to that row and tab,
 * not "chưa có"; and when the unit has not sent the other form at all, nothing is refused for it.
 */

const { registration, evaluation } = rulePlans();
const TITLE = 'Đăng ký rèn luyện đoàn viên 2014';
const TAB = 'Đăng ký rèn luyện';
const valid = (rowNumber: number, name: string): ValidRow => ({
  rowNumber,
  periodId: 'mot-lan',
  values: { hoVaTen: name },
});
const refused = (rowNumber: number, name: string): RejectedRow => ({
  rowNumber,
  periodId: 'mot-lan',
  cells: { STT: 'một', 'Họ và tên': name },
  errors: [{ column: 'STT', message: `Dòng ${rowNumber}, cột STT: 'một' không phải số nguyên.` }],
});
const evaluated = (rowNumber: number, name: string): ValidRow => ({
  rowNumber,
  periodId: 'dot-1',
  values: { dot: 'dot-1', hoVaTen: name, ngaySinh: '2000-01-02', ketQua: 'Hoàn thành tốt' },
});
const registrationRows: ReferencedRows = {
  valid: [valid(5, 'Nguyễn Văn An')],
  rejected: [
    refused(7, 'Trần Thị Bình'),
    refused(8, 'Lê Minh Châu'),
    refused(9, 'le minh chau'),
    refused(10, 'Nguyễn Văn An'),
  ],
};
const check = (name: string, rows: ReferencedRows | undefined) =>
  checkReferences(evaluation, [evaluated(12, name)], () => referencedValues(registration, 'Họ và tên', rows));
const messageOf = (name: string) => check(name, registrationRows).rejected[0]?.errors[0]?.message;

describe("'Phải có trong' against a refused row of the other form", () => {
  it.each([
    [
      'one refused row',
      'tran thi binh',
      `Dòng 12, cột Họ và tên: «tran thi binh» có trong biểu mẫu «${TITLE}» ở dòng 7 của trang '${TAB}', nhưng dòng đó đang bị từ chối nên chưa được tính. Hãy sửa dòng 7 của trang '${TAB}' trước; dòng này sẽ được nhận khi dòng đó hợp lệ.`,
    ],
    [
      'two refused rows of one name',
      'Lê Minh Châu',
      `Dòng 12, cột Họ và tên: «Lê Minh Châu» có trong biểu mẫu «${TITLE}» ở dòng 8, 9 của trang '${TAB}', nhưng các dòng đó đang bị từ chối nên chưa được tính. Hãy sửa dòng 8, 9 của trang '${TAB}' trước; dòng này sẽ được nhận khi các dòng đó hợp lệ.`,
    ],
    [
      'a name in no row at all',
      'Phạm Văn Dũng',
      `Dòng 12, cột Họ và tên: «Phạm Văn Dũng» chưa có trong biểu mẫu «${TITLE}» của đơn vị. Hãy ghi đúng như ở trang '${TAB}', hoặc thêm vào trang đó trước.`,
    ],
  ])('%s: the evaluation row says %s', (_, name, said) => {
    expect(messageOf(name)).toBe(said);
  });

  it('a name in a valid row and in a refused row is accepted (the valid row counts)', () => {
    expect(check('Nguyễn Văn An', registrationRows)).toMatchObject({ valid: [{ rowNumber: 12 }], rejected: [] });
  });

  it('the message never says "chưa có" when the refused row holds the name', () => {
    expect(messageOf('Trần Thị Bình')).not.toContain('chưa có');
  });
});

describe('a referenced form the unit has not sent at all', () => {
  it('rejects nothing: the row is kept with a note that it is not checked yet', () => {
    const checked = check('Phạm Văn Dũng', undefined);
    expect(checked.rejected).toEqual([]);
    expect(checked.valid[0]?.notes).toEqual([
      {
        column: 'Họ và tên',
        note: `chưa đối chiếu được với biểu mẫu «${TITLE}» vì đơn vị chưa gửi trang '${TAB}'`,
      },
    ]);
  });
});

describe('applyCrossFormRules: which rows of the other form a reference reads', () => {
  const specs = new Map([registration, evaluation].map((s) => [s.id, s]));
  const tab = (formId: string, rows: Partial<TabReading>): TabReading => ({
    formId,
    tab: formId,
    headerRowNumber: 4,
    problems: [],
    valid: [],
    rejected: [],
    nil: [],
    footer: [],
    rowsRead: 0,
    ...rows,
  });
  const ruled = (registrationTab: TabReading | undefined, stored?: ReferencedRows) =>
    applyCrossFormRules(
      new Map([
        ...(registrationTab ? [[registration.id, registrationTab] as const] : []),
        [evaluation.id, tab(evaluation.id, { valid: [evaluated(5, 'Trần Thị Bình')] })],
      ]),
      specs,
      new Map(stored ? [[registration.id, stored]] : []),
    ).get(evaluation.id)?.reading;
  const storedBinh: ReferencedRows = { valid: [valid(6, 'Trần Thị Bình')], rejected: [] };

  it.each([
    [
      'the tab read now, its row refused',
      tab(registration.id, { rejected: [refused(7, 'Trần Thị Bình')] }),
      undefined,
      'refused at row 7',
    ],
    ['no tab in the file, registered before', undefined, storedBinh, 'accepted'],
    [
      'a tab whose header is not found, registered before',
      tab(registration.id, { headerRowNumber: undefined, rejected: [refused(7, 'Trần Thị Bình')] }),
      storedBinh,
      'accepted',
    ],
    ['no tab, never sent', undefined, undefined, 'accepted with a note'],
    ['sent before, now emptied', undefined, { valid: [], rejected: [] }, 'not registered'],
  ])('%s → %s', (_, registrationTab, stored, outcome) => {
    const reading = ruled(registrationTab, stored);
    const message = reading?.rejected[0]?.errors[0]?.message ?? '';
    if (outcome === 'refused at row 7') expect(message).toContain('ở dòng 7 của trang');
    if (outcome === 'not registered') expect(message).toContain('chưa có trong biểu mẫu');
    if (outcome.startsWith('accepted')) expect(reading?.valid.map((r) => r.rowNumber)).toEqual([5]);
    expect(reading?.valid[0]?.notes?.length ?? 0).toBe(outcome === 'accepted with a note' ? 1 : 0);
  });
});
