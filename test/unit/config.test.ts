import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/src/config.js';
import { DEFAULT_SHEET_LIMITS } from '../../functions/src/domain/sheets/sheet-limits.js';

/** loadConfig as an options parser: defaults, derived fields, each cross-field rule and each message. */
const CWD = '/srv/tonghop';
const load = (env: NodeJS.ProcessEnv) => loadConfig(env, CWD);
const GOOGLE = {
  TONGHOP_SOURCE: 'google',
  TONGHOP_DRIVE_FOLDER_ID: '1AbCdEfGhIjK',
  TONGHOP_CONTROL_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOpQrStUv',
};

describe('loadConfig defaults', () => {
  it('runs the demo with an empty environment: embedded Firestore, demo project, workbooks, outbox mail', () => {
    expect(load({})).toEqual({
      home: path.join(CWD, '.tonghop'),
      projectId: 'demo-tonghop',
      firestoreMode: 'embedded',
      emulatorHost: undefined,
      mail: {
        smtpUrl: undefined,
        imapUrl: undefined,
        from: '"Quận Đoàn (tonghop)" <no-reply@tonghop.invalid>',
        perRunBudget: 500,
        perDayBudget: 1500,
        sendFrom: 7,
        sendUntil: 20,
      },
      source: 'workbook',
      google: undefined,
      sheetLimits: DEFAULT_SHEET_LIMITS,
      controlWorkbook: undefined,
      summaryCurrentDays: 30,
      functions: { webhookKey: undefined, shardTopic: undefined, shardAbove: 300, webhookMinIntervalSeconds: 30 },
    });
  });
});

describe('loadConfig derived and cross-field settings that are accepted', () => {
  it.each<[string, NodeJS.ProcessEnv, (c: ReturnType<typeof loadConfig>) => unknown, unknown]>([
    [
      'FIRESTORE_EMULATOR_HOST alone selects the emulator mode',
      { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' },
      (c) => [c.firestoreMode, c.emulatorHost],
      ['emulator', '127.0.0.1:8080'],
    ],
    [
      'TONGHOP_FIRESTORE=emulator with a host',
      { TONGHOP_FIRESTORE: 'emulator', FIRESTORE_EMULATOR_HOST: 'localhost:8790' },
      (c) => c.firestoreMode,
      'emulator',
    ],
    [
      'TONGHOP_FIRESTORE wins over the host',
      { TONGHOP_FIRESTORE: 'embedded', FIRESTORE_EMULATOR_HOST: 'localhost:8790' },
      (c) => c.firestoreMode,
      'embedded',
    ],
    [
      'cloud with a real project',
      { TONGHOP_FIRESTORE: 'cloud', TONGHOP_PROJECT_ID: 'quandoan1-tonghop' },
      (c) => [c.firestoreMode, c.projectId],
      ['cloud', 'quandoan1-tonghop'],
    ],
    [
      'GOOGLE_CLOUD_PROJECT when TONGHOP_PROJECT_ID is unset',
      { TONGHOP_FIRESTORE: 'cloud', GOOGLE_CLOUD_PROJECT: 'quandoan1-tonghop' },
      (c) => c.projectId,
      'quandoan1-tonghop',
    ],
    [
      'TONGHOP_PROJECT_ID wins over GOOGLE_CLOUD_PROJECT',
      { TONGHOP_PROJECT_ID: 'demo-mine', GOOGLE_CLOUD_PROJECT: 'demo-theirs' },
      (c) => c.projectId,
      'demo-mine',
    ],
    [
      'TONGHOP_SEND_HOURS split into two hours',
      { TONGHOP_SEND_HOURS: '6-22' },
      (c) => [c.mail.sendFrom, c.mail.sendUntil],
      [6, 22],
    ],
    [
      'TONGHOP_HOME and TONGHOP_CONTROL_WORKBOOK resolved from the working folder',
      { TONGHOP_HOME: 'data', TONGHOP_CONTROL_WORKBOOK: 'dieu-hanh.xlsx' },
      (c) => [c.home, c.controlWorkbook],
      [path.join(CWD, 'data'), path.join(CWD, 'dieu-hanh.xlsx')],
    ],
    [
      'sizes in megabytes become bytes',
      { TONGHOP_MAX_FILE_MB: '3' },
      (c) => c.sheetLimits.maxFileBytes,
      3 * 1024 * 1024,
    ],
    [
      'google source with its two ids',
      GOOGLE,
      (c) => [c.source, c.google?.folderId, c.google?.controlSpreadsheetId, c.google?.readsPerMinute],
      ['google', '1AbCdEfGhIjK', '1AbCdEfGhIjKlMnOpQrStUv', 60],
    ],
    [
      'Google ids are ignored with the workbook source',
      { TONGHOP_DRIVE_FOLDER_ID: '1AbCdEfGhIjK' },
      (c) => c.google,
      undefined,
    ],
    [
      'numbers are read from text',
      { TONGHOP_NOTICE_PER_RUN: '20', TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: '0' },
      (c) => [c.mail.perRunBudget, c.functions.webhookMinIntervalSeconds],
      [20, 0],
    ],
  ])('%s', (_, env, pick, expected) => {
    expect(pick(load(env))).toEqual(expected);
  });
});

describe('loadConfig refuses with a ConfigError naming the setting and the fix', () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    // Cross-field rules.
    [
      'emulator mode without a host',
      { TONGHOP_FIRESTORE: 'emulator' },
      /^TONGHOP_FIRESTORE=emulator needs FIRESTORE_EMULATOR_HOST=host:port of a running Firestore emulator\.$/,
    ],
    [
      'cloud with the demo project',
      { TONGHOP_FIRESTORE: 'cloud' },
      /^TONGHOP_FIRESTORE=cloud needs a real project: set TONGHOP_PROJECT_ID \(demo-\* ids only work with an emulator\)\.$/,
    ],
    [
      'cloud with a demo-* project',
      { TONGHOP_FIRESTORE: 'cloud', TONGHOP_PROJECT_ID: 'demo-quandoan' },
      /^TONGHOP_FIRESTORE=cloud needs a real project/,
    ],
    [
      'a real project with the embedded emulator',
      { TONGHOP_PROJECT_ID: 'quandoan1-tonghop' },
      /^TONGHOP_PROJECT_ID=quandoan1-tonghop with a local emulator: use a demo-\* id so nothing can reach production\.$/,
    ],
    [
      'a real project with a running emulator',
      { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080', GOOGLE_CLOUD_PROJECT: 'quandoan1-tonghop' },
      /^TONGHOP_PROJECT_ID=quandoan1-tonghop with a local emulator/,
    ],
    [
      'send hours in the wrong order',
      { TONGHOP_SEND_HOURS: '20-7' },
      /^Invalid setting TONGHOP_SEND_HOURS=20-7: the first hour must come before the second, e.g\. 7-20\.$/,
    ],
    [
      'send hours that are equal',
      { TONGHOP_SEND_HOURS: '8-8' },
      /^Invalid setting TONGHOP_SEND_HOURS=8-8: the first hour must come before the second/,
    ],
    [
      'google without a Drive folder',
      { TONGHOP_SOURCE: 'google', TONGHOP_CONTROL_SPREADSHEET_ID: GOOGLE.TONGHOP_CONTROL_SPREADSHEET_ID },
      /^TONGHOP_SOURCE=google needs TONGHOP_DRIVE_FOLDER_ID: the Drive folder holding the unit spreadsheets\.$/,
    ],
    [
      'google without a control spreadsheet',
      { TONGHOP_SOURCE: 'google', TONGHOP_DRIVE_FOLDER_ID: GOOGLE.TONGHOP_DRIVE_FOLDER_ID },
      /^TONGHOP_SOURCE=google needs TONGHOP_CONTROL_SPREADSHEET_ID: the control spreadsheet with the "Đơn vị" tab\.$/,
    ],
    // One setting's shape.
    [
      'a project id that is not one',
      { TONGHOP_PROJECT_ID: 'Demo_Tonghop' },
      /^Invalid setting TONGHOP_PROJECT_ID: a Google Cloud project id such as demo-tonghop\. Fix or unset it\.$/,
    ],
    [
      'an unknown Firestore mode',
      { TONGHOP_FIRESTORE: 'memory' },
      /^Invalid setting TONGHOP_FIRESTORE: .*"embedded"\|"emulator"\|"cloud"\. Fix or unset it\.$/,
    ],
    [
      'an emulator host without a port',
      { FIRESTORE_EMULATOR_HOST: 'localhost' },
      /^Invalid setting FIRESTORE_EMULATOR_HOST: host:port, e\.g\. 127\.0\.0\.1:8080\./,
    ],
    [
      'an SMTP URL of another scheme',
      { SMTP_URL: 'http://smtp.gmail.com' },
      /^Invalid setting SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL/,
    ],
    ['a mail sender too short', { TONGHOP_MAIL_FROM: 'a' }, /^Invalid setting TONGHOP_MAIL_FROM: /],
    ['a notice budget of zero', { TONGHOP_NOTICE_PER_RUN: '0' }, /^Invalid setting TONGHOP_NOTICE_PER_RUN: /],
    [
      'a daily budget that is not a number',
      { TONGHOP_NOTICE_PER_DAY: 'nhiều' },
      /^Invalid setting TONGHOP_NOTICE_PER_DAY: /,
    ],
    ['an unknown source', { TONGHOP_SOURCE: 'excel' }, /^Invalid setting TONGHOP_SOURCE: .*"workbook"\|"google"/],
    [
      'a Drive folder address instead of its id',
      { TONGHOP_DRIVE_FOLDER_ID: 'https://drive.google.com/drive/folders/1AbC' },
      /^Invalid setting TONGHOP_DRIVE_FOLDER_ID: the id of a Drive folder \(the part after \/folders\/ in its address\)/,
    ],
    [
      'a short control spreadsheet id',
      { TONGHOP_CONTROL_SPREADSHEET_ID: 'abc' },
      /^Invalid setting TONGHOP_CONTROL_SPREADSHEET_ID: a spreadsheet id \(the part after \/d\/ in its address\)/,
    ],
    [
      'a summary spreadsheet address',
      { TONGHOP_SUMMARY_SPREADSHEET_ID: 'docs.google.com/spreadsheets/d/x' },
      /^Invalid setting TONGHOP_SUMMARY_SPREADSHEET_ID: a spreadsheet id/,
    ],
    [
      'an API root that is not a URL',
      { TONGHOP_GOOGLE_API_ROOT: '127.0.0.1:9090' },
      /^Invalid setting TONGHOP_GOOGLE_API_ROOT: a URL such as http:\/\/127\.0\.0\.1:9090\//,
    ],
    ['an empty access token', { TONGHOP_GOOGLE_ACCESS_TOKEN: '' }, /^Invalid setting TONGHOP_GOOGLE_ACCESS_TOKEN: /],
    [
      'a service account that is not an address',
      { TONGHOP_SERVICE_ACCOUNT_EMAIL: 'tonghop' },
      /^Invalid setting TONGHOP_SERVICE_ACCOUNT_EMAIL: an e-mail address such as tonghop@my-project\.iam\.gserviceaccount\.com/,
    ],
    [
      'reads per minute over the quota',
      { TONGHOP_SHEETS_READS_PER_MINUTE: '301' },
      /^Invalid setting TONGHOP_SHEETS_READS_PER_MINUTE: /,
    ],
    [
      'writes per minute of zero',
      { TONGHOP_SHEETS_WRITES_PER_MINUTE: '0' },
      /^Invalid setting TONGHOP_SHEETS_WRITES_PER_MINUTE: /,
    ],
    ['a retry base of zero', { TONGHOP_GOOGLE_RETRY_BASE_MS: '0' }, /^Invalid setting TONGHOP_GOOGLE_RETRY_BASE_MS: /],
    ['an empty control workbook', { TONGHOP_CONTROL_WORKBOOK: '' }, /^Invalid setting TONGHOP_CONTROL_WORKBOOK: /],
    ['an empty home', { TONGHOP_HOME: '' }, /^Invalid setting TONGHOP_HOME: /],
    [
      'a short webhook key',
      { TONGHOP_WEBHOOK_KEY: 'secret' },
      /^Invalid setting TONGHOP_WEBHOOK_KEY: at least 32 random characters, e\.g\. from `openssl rand -hex 32`/,
    ],
    [
      'a topic path instead of a name',
      { TONGHOP_SHARD_TOPIC: 'projects/x/topics/y' },
      /^Invalid setting TONGHOP_SHARD_TOPIC: a Pub\/Sub topic name such as tonghop-sweep-shard/,
    ],
    ['a shard threshold of zero', { TONGHOP_SHARD_ABOVE: '0' }, /^Invalid setting TONGHOP_SHARD_ABOVE: /],
    [
      'a negative webhook interval',
      { TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: '-1' },
      /^Invalid setting TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: seconds, 0 or more \(0 = no limit\)/,
    ],
    [
      'a webhook interval over an hour',
      { TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: '3601' },
      /^Invalid setting TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: seconds, at most 3600/,
    ],
    [
      'send hours in another shape',
      { TONGHOP_SEND_HOURS: '7h-20h' },
      /^Invalid setting TONGHOP_SEND_HOURS: two hours, e\.g\. 7-20 \(send from 07:00 until 20:00\)/,
    ],
    [
      'a summary window of zero days',
      { TONGHOP_SUMMARY_CURRENT_DAYS: '0' },
      /^Invalid setting TONGHOP_SUMMARY_CURRENT_DAYS: days, 1 or more/,
    ],
    [
      'a summary window over a year',
      { TONGHOP_SUMMARY_CURRENT_DAYS: '367' },
      /^Invalid setting TONGHOP_SUMMARY_CURRENT_DAYS: days, at most 366/,
    ],
  ])('%s', (_, env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('is a ConfigError by name too, so the CLI can tell it from a crash', () => {
    expect(() => load({ TONGHOP_FIRESTORE: 'emulator' })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });
});
