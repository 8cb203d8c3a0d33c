import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFormDue } from '../support/forms.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { logging } from '../../functions/src/handlers/log.js';
import { testFirestore } from '../support/firestore.js';
import { titled, writeTestWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

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
const school = (id: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'Tiểu học',
  cluster: 'Cụm 1',
  contacts: [{ name: 'TPT', email: `tpt@${id}.example` }],
  members: 300,
  source: `${id}.xlsx`,
});

/** One unit's broken sheet never fails the scheduled invocation (Pub/Sub would redeliver it forever). */
describe('scheduledSweep with a unit that cannot be read', () => {
  const firestore = testFirestore('sched');
  const home = useTempDir('tonghop-scheduled');
  const logged: string[] = [];

  beforeAll(async () => {
    await writeControlWorkbook(path.join(home(), 'control.xlsx'), {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [school('th-good'), school('th-broken')],
      plans: [builtinFormDue('tap-huan-2024', '2030-09-15')],
    });
    await writeTestWorkbook(path.join(home(), 'units', 'th-good.xlsx'), [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TAP_HUAN, [
          [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983018027', null, 'Tập huấn', 'Có', null],
        ]),
      },
    ]);
    await writeFile(path.join(home(), 'units', 'th-broken.xlsx'), 'PK\u0003\u0004 not really a workbook');
    Object.assign(process.env, {
      TONGHOP_PROJECT_ID: firestore.projectId,
      TONGHOP_HOME: home(),
      TONGHOP_SOURCE: 'workbook',
      TONGHOP_CONTROL_WORKBOOK: path.join(home(), 'control.xlsx'),
    });
    logging.sink = (line) => void logged.push(line);
    await import('../../functions/src/index.js');
  }, 60_000);
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  const nightlySweep = () =>
    request(getTestServer('scheduledSweep'))
      .post('/')
      .set('ce-id', randomBytes(4).toString('hex'))
      .set('ce-specversion', '1.0')
      .set('ce-type', 'google.cloud.pubsub.topic.v1.messagePublished')
      .set('ce-source', '//pubsub.googleapis.com/projects/demo/topics/tonghop')
      .set('content-type', 'application/json')
      .send({ message: { data: Buffer.from(JSON.stringify({ step: 'sweep' })).toString('base64') } });

  it('acknowledges a message it cannot run for a configuration error (redelivery cannot fix it), naming the setting', async () => {
    const projectId = process.env.TONGHOP_PROJECT_ID;
    process.env.TONGHOP_PROJECT_ID = 'Not A Project';
    try {
      expect((await nightlySweep()).status).toBe(204);
    } finally {
      process.env.TONGHOP_PROJECT_ID = projectId;
    }
    expect(logged.at(-1)).toMatch(/"severity":"ERROR","message":"scheduledSweep: Invalid setting TONGHOP_PROJECT_ID/);
  });

  it('sweeps the other units, logs the broken one by id only, and acknowledges the message (204)', async () => {
    const response = await nightlySweep();
    expect(response.status).toBe(204);
    expect((await firestore.db.doc('sources/th-good').get()).get('status')).toBe('ok');
    const entries = logged.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({ severity: 'WARNING', message: 'scheduledSweep: unit not swept', unitId: 'th-broken' }),
    );
    expect(logged.join('')).not.toMatch(/Nguyễn Thị Lan|tpt@/);
  });
});
