import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { ictDateOf } from '../../functions/src/domain/time/ict.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { logging } from '../../functions/src/handlers/log.js';
import { scheduledNotices, scheduledSweep, type PubSubEvent } from '../../functions/src/handlers/scheduled.js';
import { mistypeUnitType, tabLines } from '../support/control-typo.js';
import { testFirestore } from '../support/firestore.js';
import { builtinFormDue } from '../support/forms.js';
import { openWorkbook, sheetOf, titled, writeTestWorkbook } from '../support/workbooks.js';

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
const school = (id: string, contact: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: contact, email: `tpt@${id}.example` }],
  members: 300,
  source: `${id}.xlsx`,
});

/** What district staff mistype in the control workbook: a unit's type, which drops that unit from the registry. */
const TYPED_TYPE = 'Lien doi xyz';

/** A Pub/Sub message as the Cloud Functions receive it. */
const event = (id: string, message: object): PubSubEvent =>
  ({
    id,
    specversion: '1.0',
    type: 'google.cloud.pubsub.topic.v1.messagePublished',
    source: '//pubsub.googleapis.com/projects/demo/topics/tonghop',
    data: { message: { data: Buffer.from(JSON.stringify(message)).toString('base64') } },
  }) as PubSubEvent;

/**
 * The Cloud Function path (handlers → app) never drops a control problem silently: a typo in a
 * unit's row of the control workbook reaches the operator log (count, tab and row only), the
 * summary's "Lỗi dữ liệu" tab and the district digest. Real handlers, the suite's emulator, local workbooks.
 */
describe('control problems on the Cloud Functions path', () => {
  const firestore = testFirestore('hctl');
  let home: string;
  let typoRow = 0;
  const logged: Record<string, unknown>[] = [];
  const rawLog: string[] = [];

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'tonghop-handler-control-'));
    const control = path.join(home, 'control.xlsx');
    await writeControlWorkbook(control, {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [school('th-a', 'Nguyễn Thị Mai'), school('th-b', 'Trần Văn Bình')],
      // Due in two days, so this morning's notice run has something to remind of and sends the digest.
      plans: [builtinFormDue('tap-huan-2024', ictDateOf(new Date(Date.now() + 2 * 86_400_000)))],
    });
    // The district mistypes th-b's unit type in the control workbook.
    typoRow = await mistypeUnitType(control, 'th-b', TYPED_TYPE);
    await writeTestWorkbook(path.join(home, 'units', 'th-a.xlsx'), [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TAP_HUAN, [
          [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983018027', null, 'Tập huấn', 'Có', null],
        ]),
      },
    ]);
    Object.assign(process.env, {
      TONGHOP_PROJECT_ID: firestore.projectId,
      TONGHOP_HOME: home,
      TONGHOP_SOURCE: 'workbook',
      TONGHOP_CONTROL_WORKBOOK: control,
      TONGHOP_SEND_HOURS: '0-24',
    });
    logging.sink = (line) => {
      rawLog.push(line);
      logged.push(JSON.parse(line) as Record<string, unknown>);
    };
    await scheduledSweep(event('sweep-1', { step: 'sweep' }));
    await scheduledNotices(event('notices-1', {}));
  }, 60_000);
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
    await rm(home, { recursive: true, force: true });
  });

  it('the sweep counts the problem in the operator log by tab and row, and the notice run does too', () => {
    const warnings = logged.filter((entry) => String(entry.message).startsWith('control sheet has'));
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) {
      expect(warning).toMatchObject({ severity: 'WARNING', controlProblems: 1, places: `Đơn vị row ${typoRow}` });
      expect(typeof warning.runId).toBe('string');
    }
    expect(logged.find((entry) => entry.message === 'scheduledSweep swept')).toMatchObject({ unitsRead: 1 });
  });

  it('the log quotes nothing district staff typed: no name, email or cell value', () => {
    const text = rawLog.join('');
    for (const typed of [
      TYPED_TYPE,
      'Trần Văn Bình',
      'Nguyễn Thị Mai',
      'tpt@th-b.example',
      'Lê Ánh Hồng',
      'vp@example.com',
    ])
      expect(text).not.toContain(typed);
  });

  it('the summary\'s "Lỗi dữ liệu" tab lists the problem with its tab and row', async () => {
    const summary = await openWorkbook(path.join(home, 'tong-hop-bao-cao.xlsx'));
    const lines = tabLines(sheetOf(summary, 'Lỗi dữ liệu'));
    expect(lines.filter((line) => line.includes(`Trang 'Đơn vị', dòng ${typoRow}`))).toHaveLength(1);
  });

  it('the district digest lists the problem for the office', async () => {
    const outbox = path.join(home, 'outbox');
    const digests = (await readdir(outbox)).filter((name) => name.includes('digest'));
    expect(digests).toHaveLength(1);
    const mail = await simpleParser(await readFile(path.join(outbox, digests[0] ?? '')));
    expect(mail.text).toContain('Bảng điều khiển cần sửa (1 mục)');
    expect(mail.text).toContain(`Trang 'Đơn vị', dòng ${typoRow}`);
  });
});
