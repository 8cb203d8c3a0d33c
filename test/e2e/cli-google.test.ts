import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorHost } from '../support/firestore.js';
import { runCli } from '../support/cli.js';
import { TEST_FOLDER_ID } from '../support/google.js';
import { startGoogleStandin, type GoogleStandin } from '../support/google-standin/index.js';
import { plansRows } from '../../functions/src/domain/plans/plan-rows.js';
import { BUILTIN_FORMS } from '../support/forms.js';
import type { TestCell } from '../support/workbooks.js';
import { CONTROL_UNITS_HEADER, useTempDir } from '../support/builders.js';

/** The same CLI commands with TONGHOP_SOURCE=google, against the Sheets/Drive stand-in and the suite's emulator. */
describe('tonghop CLI on Google Sheets', () => {
  const home = useTempDir('tonghop-cli-google');
  let standin: GoogleStandin;
  let env: NodeJS.ProcessEnv;
  let controlId: string;

  beforeAll(async () => {
    standin = await startGoogleStandin();
    controlId = standin.createSpreadsheet({
      title: 'Bảng điều khiển',
      parents: [TEST_FOLDER_ID],
      tabs: [
        {
          name: 'Đơn vị',
          rows: [
            CONTROL_UNITS_HEADER,
            [
              'th-a',
              'Liên đội Tiểu học A',
              'Liên đội',
              'Tiểu học',
              'Cụm 1',
              'Nguyễn Thị Lan',
              'lan@th-a.edu.vn',
              null,
              500,
              null,
            ],
            [
              'th-b',
              'Liên đội Tiểu học B',
              'Liên đội',
              'Tiểu học',
              'Cụm 2',
              'Trần Minh',
              'minh@th-b.edu.vn',
              null,
              400,
              null,
            ],
          ],
        },
        {
          name: 'Thông tin chung',
          rows: [
            ['Tên đơn vị tổng hợp', 'Quận Đoàn thử'],
            ['Email văn phòng', 'vp@quandoan.example'],
          ],
        },
        // The district's plans, copied from the catalog into its control spreadsheet.
        ...plansRows(BUILTIN_FORMS).map((tab) => ({
          name: tab.tab,
          rows: [[...tab.headers], ...tab.rows.map((row) => [...row] as TestCell[])],
        })),
      ],
    });
    env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home(),
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: `demo-cli-google-${randomBytes(4).toString('hex')}`,
      TONGHOP_SOURCE: 'google',
      TONGHOP_DRIVE_FOLDER_ID: TEST_FOLDER_ID,
      TONGHOP_CONTROL_SPREADSHEET_ID: controlId,
      TONGHOP_GOOGLE_API_ROOT: standin.rootUrl,
      TONGHOP_GOOGLE_ACCESS_TOKEN: standin.serviceAccount.token,
      TONGHOP_SERVICE_ACCOUNT_EMAIL: standin.serviceAccount.email,
      TONGHOP_GOOGLE_RETRY_BASE_MS: '5',
    };
  });
  afterAll(async () => {
    await standin.close();
  });

  it('sweep without a summary spreadsheet says which setting to set and how to get one', async () => {
    const run = await runCli(['sweep'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TONGHOP_SUMMARY_SPREADSHEET_ID');
    expect(run.stderr).toContain('tonghop provision');
  });

  it('provision creates the unit spreadsheets and the summary spreadsheet, and says which id to set', async () => {
    const run = await runCli(['provision'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Đơn vị: 2 có bảng tính (2 tạo mới), 0 lỗi; 2 mã bảng tính mới ghi vào bảng điều khiển.',
    );
    const summaryId = /TONGHOP_SUMMARY_SPREADSHEET_ID=([A-Za-z0-9_-]+)/.exec(run.stdout)?.[1];
    expect(standin.fileOf(summaryId ?? '').name).toBe('Tổng hợp báo cáo — Quận Đoàn thử');
    env.TONGHOP_SUMMARY_SPREADSHEET_ID = summaryId;
    const again = JSON.parse((await runCli(['--json', 'provision'], env)).stdout);
    expect(again.summarySpreadsheet).toMatchObject({ id: summaryId, created: false });
    expect(again.units.every((u: { created: boolean }) => !u.created)).toBe(true);
  });

  it('sweep reads what units typed, writes the summary and their row statuses; a second sweep changes nothing', async () => {
    const thA = standin.tabValues(controlId, 'Đơn vị')[1]?.[9] as string;
    standin.editCells(thA, 'Đăng ký tập huấn', 'A6', [
      [1, 'Nguyễn Thị Lan', 'TPT', 'Nữ', '12/03/1990', '0983018027', null, 'Tập huấn', 'Có'],
    ]);
    const run = await runCli(['--json', 'sweep', '--now', '2024-09-14T08:00:00+07:00'], env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.totals).toMatchObject({ units: 2, unitsRead: 2, rowsValid: 1, rowsRejected: 0 });
    expect(json.summary).toEqual({
      written: true,
      location: `https://docs.google.com/spreadsheets/d/${env.TONGHOP_SUMMARY_SPREADSHEET_ID}/edit`,
    });
    expect(json.feedback.unitsWritten).toBe(2);
    expect(json.googleRequests.requests.read).toBeGreaterThanOrEqual(2);
    expect(standin.tabValues(thA, 'Đăng ký tập huấn')[5]?.[10]).toBe('✓ Hợp lệ');
    // The summary spreadsheet provisioning made has no empty 'Sheet1' beside the summary tabs.
    const tabs = standin
      .spreadsheet(env.TONGHOP_SUMMARY_SPREADSHEET_ID ?? '')
      .sheets.map((sheet) => sheet.properties.title);
    expect(tabs[0]).toBe('Bảng điều khiển');
    expect(tabs).not.toContain('Sheet1');

    const text = await runCli(['sweep', '--now', '2024-09-14T08:00:00+07:00'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Bảng tổng hợp: https://docs.google.com/spreadsheets/d/');
    expect(text.stdout).toContain('(không đổi)');
    // The control spreadsheet (one batchGet) and the folder listing: nothing else.
    expect(text.stdout).toContain('Google: 1 lượt đọc, 0 lượt ghi Trang tính, 1 lượt Drive; 0 lần thử lại.');
  });

  it('notify writes the notices of the units still missing to the outbox in TONGHOP_HOME', async () => {
    const run = await runCli(['notify', '--now', '2024-09-15T07:30:00+07:00'], env);
    expect(run.code).toBe(0);
    const outbox = await readdir(path.join(home(), 'outbox'));
    const toB = outbox.find((name) => name.includes('th-b'));
    expect(toB).toBeDefined();
    expect(outbox.some((name) => name.includes('th-a'))).toBe(false);
    // The mail links the unit's own spreadsheet.
    const mail = await simpleParser(await readFile(path.join(home(), 'outbox', toB ?? '')));
    const thB = standin.tabValues(controlId, 'Đơn vị')[2]?.[9] as string;
    expect(mail.text).toContain(`https://docs.google.com/spreadsheets/d/${thB}/edit`);
    expect(mail.html).toContain(`href="https://docs.google.com/spreadsheets/d/${thB}/edit"`);
  });

  it('says what to check when Google refuses the credentials, without a stack trace', async () => {
    const run = await runCli(['sweep'], { ...env, TONGHOP_GOOGLE_ACCESS_TOKEN: 'het-han' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tonghop: values\.batchGet failed \(HTTP 401\)/);
    expect(run.stderr).toContain('check the credentials');
    expect(run.stderr).not.toContain('    at ');
  });

  it('refuses the workbook options with Google, naming the settings to use instead', async () => {
    const run = await runCli(['sweep', '--control', 'control.xlsx'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('TONGHOP_CONTROL_SPREADSHEET_ID');
  });
});
