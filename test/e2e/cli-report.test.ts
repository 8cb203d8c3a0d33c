import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import { runCli } from '../support/cli.js';
import { emulatorHost, testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { sweptDistrict } from '../support/swept-district.js';
import { TRAINING_HEADER, useTempDir } from '../support/builders.js';

const school = (id: string): Unit => ({
  id,
  name: `Liên đội ${id}`,
  type: 'lien-doi',
  level: 'THCS',
  cluster: 'Cụm 1',
  contacts: [],
  source: `${id}.xlsx`,
});

describe('tonghop report (CLI)', () => {
  const firestore = testFirestore('cli-report');
  const dir = useTempDir('tonghop-cli-report');
  let control: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const files = [
      {
        unit: school('a'),
        tab: 'Đăng ký tập huấn',
        header: TRAINING_HEADER,
        rows: [[1, 'Người 1', 'TPT', 'Nam', null, '0983018027', null, null, null, null]],
        sentAt: new Date('2024-09-14T02:00:00Z'),
      },
      { unit: school('b') },
    ];
    ({ controlPath: control } = await sweptDistrict({
      dir: dir(),
      db: firestore.db,
      settings: { districtName: 'Quận Đoàn 3', officeEmail: '', contactName: '', contactPhone: '' },
      plans: [builtinForm('tap-huan-2024')],
      files,
      now: new Date('2024-09-20T01:00:00Z'),
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

  it('writes both files next to the control workbook and prints the figures with --json', async () => {
    const run = await runCli(
      ['report', '--form', 'tap-huan-2024', '--control', control, '--now', '2024-09-20T08:00:00+07:00', '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      files: { docx: string; xlsx: string };
      figures: { total: { expected: number; complete: number; missing: number } };
    };
    expect(json.files.docx).toBe(path.join(dir(), 'Bao-cao-tap-huan-2024.docx'));
    await access(json.files.docx);
    await access(json.files.xlsx);
    expect(json.figures.total).toMatchObject({ expected: 2, complete: 1, missing: 1 });
  });

  it('tells where to open the report, in Vietnamese, into --out', async () => {
    const out = path.join(dir(), 'gui-thanh-doan');
    const run = await runCli(['report', '--form', 'tap-huan-2024', '--control', control, '--out', out], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Phải nộp 2, đã nộp đủ 1 (50\u00a0%)');
    expect(run.stdout).toContain(
      `Văn bản báo cáo (mở bằng Word hoặc LibreOffice, điền số và ký): ${path.join(out, 'Bao-cao-tap-huan-2024.docx')}`,
    );
  });

  it('refuses an unknown form with exit code 2 (usage) and the plans it knows', async () => {
    const run = await runCli(['report', '--form', 'khong-co', '--control', control], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "tonghop: Không có biểu mẫu 'khong-co' trong bảng điều khiển. Các biểu mẫu: tap-huan-2024 (Đăng ký tập huấn).",
    );
  });
});
