import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { TestCell } from './workbooks.js';

/** Shared test builders: the training form's header row, a unit, a temporary folder. */

/** The header row of the built-in training form 'tap-huan-2024' ("Đăng ký tập huấn"), as a unit's tab has it. */
export const TRAINING_HEADER = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Email',
  'Nội dung tham gia',
  'Đã đóng kinh phí',
  'Ghi chú',
];

/** The first ten columns of the control sheet's 'Đơn vị' tab, as the district's template has them. */
export const CONTROL_UNITS_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Loại đơn vị',
  'Cấp học / Khối',
  'Cụm thi đua',
  'Người liên hệ',
  'Email',
  'Số điện thoại',
  'Số đội viên / đoàn viên',
  'Tệp báo cáo',
];

/**
 * One valid participant row under TRAINING_HEADER: a woman TPT born 12/3/1990 who paid; `phone`
 * and `note` replace the phone (as typed) and the 'Ghi chú' cell.
 */
export function trainingRow(
  stt: number,
  name: string,
  { phone = '0983.018.027', note = null }: { phone?: TestCell; note?: TestCell } = {},
): TestCell[] {
  return [stt, name, 'TPT', 'Nữ', '12/3/1990', phone, null, 'Tập huấn', 'Có', note];
}

/** A unit as the control sheet declares it: a Liên đội in Cụm 1 whose file is `{id}.xlsx`, with `fields` replacing any of that. */
export function testUnit(id: string, fields: Partial<Unit> = {}): Unit {
  return {
    id,
    name: `Liên đội ${id}`,
    type: 'lien-doi',
    level: '',
    cluster: 'Cụm 1',
    contacts: [],
    source: `${id}.xlsx`,
    ...fields,
  };
}

/**
 * A fresh folder under the system's temp folder for the tests of the enclosing describe (or file),
 * removed after them. Returns a getter: the folder exists from beforeAll on.
 */
export function useTempDir(prefix: string): () => string {
  return tempDirHooks(prefix, beforeAll, afterAll, 'useTempDir: the folder is made in beforeAll');
}

/**
 * A fresh folder for each test of the enclosing describe (or file), removed after that test: for tests
 * that look at everything in the folder. Returns a getter: the folder exists from beforeEach on.
 */
export function useTempDirEach(prefix: string): () => string {
  return tempDirHooks(prefix, beforeEach, afterEach, 'useTempDirEach: the folder is made in beforeEach');
}

function tempDirHooks(
  prefix: string,
  before: (hook: () => Promise<void>) => void,
  after: (hook: () => Promise<void>) => void,
  tooEarly: string,
): () => string {
  let dir: string | undefined;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error(`${tooEarly}; read it inside a test or hook`);
    return dir;
  };
}
