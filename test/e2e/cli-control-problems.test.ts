import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { ictDateOf } from '../../functions/src/domain/time/ict.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { runCli } from '../support/cli.js';
import { mistypeUnitType, tabLines } from '../support/control-typo.js';
import { emulatorHost } from '../support/firestore.js';
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
const TYPED_TYPE = 'Lien doi xyz';

/**
 * The CLI path (commands → app) with the same control typo as the Cloud Functions test: sweep,
 * notify and templates each count it on stderr (tab and row only); the person sees it in the
 * report, the summary's "Lỗi dữ liệu" tab and the digest.
 */
describe('control problems on the CLI path', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let control: string;
  let typoRow = 0;
  const operatorLine = () =>
    new RegExp(`^control sheet has 1 problem\\(s\\); .*\\(controlProblems=1, places=Đơn vị row ${typoRow}\\)$`, 'm');

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'tonghop-cli-control-'));
    control = path.join(home, 'control.xlsx');
    env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home,
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: `demo-clictl-${randomBytes(4).toString('hex')}`,
      TONGHOP_SEND_HOURS: '0-24',
    };
    await writeControlWorkbook(control, {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: [school('th-a', 'Nguyễn Thị Mai'), school('th-b', 'Trần Văn Bình')],
      plans: [builtinFormDue('tap-huan-2024', ictDateOf(new Date(Date.now() + 2 * 86_400_000)))],
    });
    typoRow = await mistypeUnitType(control, 'th-b', TYPED_TYPE);
    await writeTestWorkbook(path.join(home, 'units', 'th-a.xlsx'), [
      {
        name: 'Đăng ký tập huấn',
        rows: titled('ĐĂNG KÝ', TAP_HUAN, [
          [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/3/1990', '0983018027', null, 'Tập huấn', 'Có', null],
        ]),
      },
    ]);
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('sweep: one operator line on stderr, the problem in the report and in the summary', async () => {
    const run = await runCli(['sweep', '--control', control], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(operatorLine());
    expect(run.stderr).not.toContain(TYPED_TYPE);
    expect(run.stdout).toContain(`Bảng điều khiển: Trang 'Đơn vị', dòng ${typoRow}`);
    const summary = await openWorkbook(path.join(home, 'tong-hop-bao-cao.xlsx'));
    expect(
      tabLines(sheetOf(summary, 'Lỗi dữ liệu')).filter((line) => line.includes(`Trang 'Đơn vị', dòng ${typoRow}`)),
    ).toHaveLength(1);
  });

  it('notify: the operator line, and the digest lists the problem', async () => {
    const run = await runCli(['notify', '--control', control], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(operatorLine());
    const outbox = path.join(home, 'outbox');
    const digest = (await readdir(outbox)).find((name) => name.includes('digest'));
    const mail = await simpleParser(await readFile(path.join(outbox, digest ?? 'no digest')));
    expect(mail.text).toContain(`Trang 'Đơn vị', dòng ${typoRow}`);
  });

  it('templates: the operator line (a plan skipped for a mistake would get no template)', async () => {
    const run = await runCli(['templates', '--control', control, '--out', path.join(home, 'templates')], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(operatorLine());
  });
});
