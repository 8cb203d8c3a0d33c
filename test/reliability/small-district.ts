import path from 'node:path';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { builtinForm } from '../support/forms.js';
import { titled, writeTestWorkbook } from '../support/workbooks.js';

/**
 * A district small enough to sweep in seconds, written directly by the test: six schools, one
 * form due 15/09/2024 10:00 ICT. Which units sent on time is known from the files' mtimes, so a
 * test needs no uninterrupted reference run to know the right on-time counts.
 */

/** The instant the crash tests sweep and notify at: 23/09/2024 08:00 ICT, eight days after the deadline, in sending hours. */
export const SMALL_DISTRICT_NOW = new Date('2024-09-23T01:00:00Z');

const FORM_ID = 'tap-huan-2024';
const PERIOD_ID = 'mot-lan';
const DUE = new Date('2024-09-15T03:00:00Z');
const TAP_HUAN = [
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

/**
 * Each unit and when it sent its file (none: never sent). The on-time units come first: the sweep
 * writes row statuses in this order, so the first unit file it rewrites is one whose mtime decides
 * an on-time count (a kill there shows whether the rewrite moved it past the deadline).
 */
const SENDS: readonly { readonly id: string; readonly sentAt?: Date }[] = [
  { id: 'th-an-khanh', sentAt: new Date('2024-09-09T02:00:00Z') },
  { id: 'th-binh-an', sentAt: new Date('2024-09-11T08:30:00Z') },
  { id: 'th-cat-lai', sentAt: new Date('2024-09-13T01:15:00Z') },
  { id: 'th-da-kao', sentAt: new Date('2024-09-19T09:00:00Z') },
  { id: 'thcs-ben-nghe' },
  { id: 'thcs-tan-dinh' },
];

const unitOf = (id: string, i: number): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: id.startsWith('thcs') ? 'THCS' : 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: `tpt@${id}.example` }],
  members: 300 + i,
  source: `${id}.xlsx`,
});

/**
 * The standing of the one form any unit sent, as an uninterrupted sweep at SMALL_DISTRICT_NOW
 * computes it from the send times: 6 expected, 4 complete, 3 of them on time.
 */
export const SMALL_DISTRICT_STANDING = [
  {
    formId: FORM_ID,
    periodId: PERIOD_ID,
    expected: SENDS.length,
    complete: SENDS.filter((s) => s.sentAt).length,
    onTime: SENDS.filter((s) => s.sentAt && s.sentAt <= DUE).length,
  },
];

/** The (form, period) the district collects, and its units' ids in the control workbook's order. */
export const SMALL_DISTRICT = { formId: FORM_ID, periodId: PERIOD_ID, unitIds: SENDS.map((s) => s.id) } as const;

/** Write `<dir>/control.xlsx` alone, as before any unit sent its file; returns its path. */
export async function writeSmallControl(dir: string): Promise<string> {
  const control = path.join(dir, 'control.xlsx');
  await writeControlWorkbook(control, {
    settings: {
      districtName: 'Quận Đoàn thử',
      officeEmail: 'vp@quan-doan.example',
      contactName: 'Lê Ánh Hồng',
      contactPhone: '0983 018 027',
    },
    units: SENDS.map((s, i) => unitOf(s.id, i)),
    plans: [builtinForm(FORM_ID)],
  });
  return control;
}

/** Write `<dir>/control.xlsx` and `<dir>/units/<id>.xlsx` (mtime = when the unit sent it); returns the control workbook's path. */
export async function writeSmallDistrict(dir: string): Promise<string> {
  const control = await writeSmallControl(dir);
  for (const [i, send] of SENDS.entries()) {
    if (!send.sentAt) continue;
    const rows = [
      [
        1,
        'Nguyễn Thị Lan',
        'Tổng phụ trách Đội',
        'Nữ',
        '12/3/1990',
        `098301${String(8000 + i * 2)}`,
        null,
        'Tập huấn',
        'Có',
        null,
      ],
      [
        2,
        'Trần Văn Minh',
        'Bí thư Chi đoàn giáo viên',
        'Nam',
        '05/11/1988',
        `098301${String(8001 + i * 2)}`,
        null,
        'Tập huấn',
        'Không',
        null,
      ],
    ];
    await writeTestWorkbook(
      path.join(dir, 'units', `${send.id}.xlsx`),
      [{ name: 'Đăng ký tập huấn', rows: titled('ĐĂNG KÝ TẬP HUẤN', TAP_HUAN, rows) }],
      send.sentAt,
    );
  }
  return control;
}
