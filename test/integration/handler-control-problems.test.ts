import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logging } from '../../functions/src/handlers/log.js';
import { scheduledNotices, scheduledSweep, type PubSubEvent } from '../../functions/src/handlers/scheduled.js';
import { useTempDir } from '../support/builders.js';
import { tabLines, TYPED_TYPE, writeDistrictWithControlTypo } from '../support/control-typo.js';
import { testFirestore } from '../support/firestore.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';

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
  const tempDir = useTempDir('tonghop-handler-control');
  let home: string;
  let typoRow = 0;
  const logged: Record<string, unknown>[] = [];
  const rawLog: string[] = [];

  beforeAll(async () => {
    home = tempDir();
    const district = await writeDistrictWithControlTypo(home);
    typoRow = district.typoRow;
    Object.assign(process.env, {
      TONGHOP_PROJECT_ID: firestore.projectId,
      TONGHOP_HOME: home,
      TONGHOP_SOURCE: 'workbook',
      TONGHOP_CONTROL_WORKBOOK: district.control,
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
