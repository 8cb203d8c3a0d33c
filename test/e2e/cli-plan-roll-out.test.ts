import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addPlansToControlWorkbook } from '../../functions/src/adapters/workbook/add-control-plans.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import { formSpecSchema } from '../../functions/src/domain/forms/form-spec.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { runCli } from '../support/cli.js';
import { emulatorHost } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { openWorkbook } from '../support/workbooks.js';
import { useTempDir } from '../support/builders.js';

const TAB = 'Ra quân tháng 10';
/** A plan the district types into its control workbook: not in any catalog. */
const PLAN = formSpecSchema.parse({
  id: 'bao-cao-ra-quan-thang-10',
  title: 'Báo cáo kết quả ra quân Tháng 10',
  issuer: 'Quận Đoàn',
  kind: 'report',
  tab: TAB,
  columns: [
    { key: 'hoatDong', header: 'Tên hoạt động', type: 'text', required: true },
    { key: 'ngay', header: 'Ngày tổ chức', type: 'date', required: true },
    { key: 'kinhPhi', header: 'Kinh phí', type: 'money' },
  ],
  period: { type: 'once', due: { date: '2024-09-27' } },
  targets: { unitTypes: ['lien-doi'] },
});
const school = (id: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'THCS',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
});
const UNITS = [school('th-a'), school('th-b')];

/** `tonghop sweep` after the district adds a plan: the units' workbooks get its tab, and the report says so once. */
describe('sweep rolls a new plan out on the CLI path', () => {
  const home = useTempDir('tonghop-cli-roll-out');
  let env: NodeJS.ProcessEnv;
  let control: string;
  const sweep = () => runCli(['sweep', '--control', control, '--now', '2024-09-20T09:00:00+07:00'], env);

  beforeAll(async () => {
    control = path.join(home(), 'control.xlsx');
    env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home(),
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: `demo-cliroll-${randomBytes(4).toString('hex')}`,
    };
    const earlier = builtinForm('tap-huan-2024');
    await writeControlWorkbook(control, {
      settings: {
        districtName: 'Quận Đoàn thử',
        officeEmail: 'vp@example.com',
        contactName: 'Lê Ánh Hồng',
        contactPhone: '0983 018 027',
      },
      units: UNITS,
      plans: [earlier],
    });
    for (const unit of UNITS)
      await writeUnitWorkbook(path.join(home(), 'units', unit.source), unit.name, [earlier], new Map());
    expect((await sweep()).code).toBe(0);
    await addPlansToControlWorkbook(control, [PLAN]);
  });

  it('adds the tab to every unit, says "đã thêm trang cho 2 đơn vị", and does not ask anyone to add it', async () => {
    const run = await sweep();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kế hoạch mới: đã thêm trang cho 2 đơn vị');
    expect(run.stdout).not.toContain(`chưa có trang '${TAB}'`);
    for (const unit of UNITS)
      expect((await openWorkbook(path.join(home(), 'units', unit.source))).worksheets.map((w) => w.name)).toContain(
        TAB,
      );
  });

  it('a second sweep adds nothing and says nothing about it', async () => {
    const run = await sweep();
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('đã thêm trang');
    expect(run.stdout).not.toContain(`chưa có trang '${TAB}'`);
  });
});
