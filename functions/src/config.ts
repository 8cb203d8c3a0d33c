import path from 'node:path';
import { z } from 'zod';
import { ADVICE } from './domain/errors/advice.js';
import { EXIT } from './domain/errors/exit-code.js';
import { OperatorError } from './domain/errors/operator-error.js';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './domain/sheets/sheet-limits.js';

/** A setting is missing or wrong: the message names the variable and how to fix it. */
export class ConfigError extends OperatorError {
  override readonly name = 'ConfigError';
  readonly exitCode = EXIT.usage;
  readonly fix =
    'correct the environment setting (TONGHOP_*, FIRESTORE_EMULATOR_HOST, SMTP_URL, IMAP_URL) or command option named above';
  readonly advice = ADVICE.config;
}

/** Where Firestore lives: an emulator we start and persist ourselves, one already running, or Google Cloud. */
export const FIRESTORE_MODES = ['embedded', 'emulator', 'cloud'] as const;
export type FirestoreMode = (typeof FIRESTORE_MODES)[number];

/** Where unit sheets, the control sheet and the summary live: local .xlsx workbooks or Google Sheets. */
export const SHEET_SOURCES = ['workbook', 'google'] as const;
export type SheetSource = (typeof SHEET_SOURCES)[number];

export interface Config {
  /** Local data folder: embedded Firestore data, demo workbooks. */
  readonly home: string;
  readonly projectId: string;
  readonly firestoreMode: FirestoreMode;
  /** host:port when firestoreMode is 'emulator'. */
  readonly emulatorHost: string | undefined;
  readonly mail: MailConfig;
  readonly source: SheetSource;
  /** Set when source is 'google'. */
  readonly google: GoogleConfig | undefined;
  /** How much a unit's sheet may hold before it is refused unparsed, as too large (bounded memory). */
  readonly sheetLimits: SheetLimits;
  /** The control workbook (source 'workbook') when not given on the command line; the demo's by default. */
  readonly controlWorkbook: string | undefined;
  readonly functions: FunctionsConfig;
  /** The summary's current views show periods due within this many days before or after now (or still chased). */
  readonly summaryCurrentDays: number;
}

/** What the Cloud Functions need beyond the rest. */
export interface FunctionsConfig {
  /** The district key every unit's webhook secret is derived from (Secret Manager); the webhook refuses all calls without it. */
  readonly webhookKey: string | undefined;
  /** Pub/Sub topic of the per-shard sweep messages; without it the scheduled sweep runs every shard itself. */
  readonly shardTopic: string | undefined;
  /** Fan out to one message per shard (cluster) only above this many units. */
  readonly shardAbove: number;
  /** A unit's webhook calls closer together than this are answered 429 (0 = no limit). */
  readonly webhookMinIntervalSeconds: number;
}

/** Google Sheets and Drive (TONGHOP_SOURCE=google). */
export interface GoogleConfig {
  /** The Drive folder holding the unit spreadsheets. */
  readonly folderId: string;
  readonly controlSpreadsheetId: string;
  /** The district summary spreadsheet; `tonghop provision` creates one when absent. */
  readonly summarySpreadsheetId: string | undefined;
  /** Another API root (the local stand-in); Google's own when absent. */
  readonly apiRoot: string | undefined;
  /** A bearer token instead of application-default credentials (local stand-in, short tests by hand). */
  readonly accessToken: string | undefined;
  /** The address units share their spreadsheet with; read from the credentials when absent. */
  readonly serviceAccountEmail: string | undefined;
  readonly readsPerMinute: number;
  readonly writesPerMinute: number;
  /** First retry delay after a 429 or 5xx (doubles each retry). */
  readonly retryBaseMs: number;
}

/** How notices go out: SMTP when SMTP_URL is set, otherwise .eml files in an outbox folder. */
export interface MailConfig {
  readonly smtpUrl: string | undefined;
  /** The mailbox units send their files to (`tonghop mailbox`); a local folder of .eml files when absent. */
  readonly imapUrl: string | undefined;
  readonly from: string;
  readonly perRunBudget: number;
  readonly perDayBudget: number;
  /** Send only between these hours (Asia/Ho_Chi_Minh): [sendFrom, sendUntil). */
  readonly sendFrom: number;
  readonly sendUntil: number;
}

const MB = 1024 * 1024;
/** A size setting in whole megabytes (MiB), 1 to 2048 (a Buffer cannot hold more). */
const megabytes = (defaultBytes: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(2048)
    .default(defaultBytes / MB);

const SPREADSHEET_ID = /^[A-Za-z0-9_-]{20,}$/;

const envSchema = z.object({
  TONGHOP_HOME: z.string().min(1).default('.tonghop'),
  TONGHOP_PROJECT_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,29}$/, 'a Google Cloud project id such as demo-tonghop')
    .optional(),
  GOOGLE_CLOUD_PROJECT: z.string().optional(),
  TONGHOP_FIRESTORE: z.enum(FIRESTORE_MODES).optional(),
  FIRESTORE_EMULATOR_HOST: z
    .string()
    .regex(/^[^:\s]+:\d+$/, 'host:port, e.g. 127.0.0.1:8080')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.gmail.com:465')
    .optional(),
  IMAP_URL: z
    .string()
    .refine(
      isImapUrl,
      'an imap:// or imaps:// URL with the user and password, e.g. imaps://user:app-password@imap.gmail.com/INBOX (special characters URL-encoded) — cần dạng imaps://tên-đăng-nhập:mật-khẩu-ứng-dụng@máy-chủ/INBOX',
    )
    .optional(),
  TONGHOP_MAIL_FROM: z.string().min(3).default('"Quận Đoàn (tonghop)" <no-reply@tonghop.invalid>'),
  TONGHOP_NOTICE_PER_RUN: z.coerce.number().int().positive().default(500),
  TONGHOP_NOTICE_PER_DAY: z.coerce.number().int().positive().default(1500),
  TONGHOP_SOURCE: z.enum(SHEET_SOURCES).default('workbook'),
  TONGHOP_DRIVE_FOLDER_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,}$/, 'the id of a Drive folder (the part after /folders/ in its address)')
    .optional(),
  TONGHOP_CONTROL_SPREADSHEET_ID: z
    .string()
    .regex(SPREADSHEET_ID, 'a spreadsheet id (the part after /d/ in its address)')
    .optional(),
  TONGHOP_SUMMARY_SPREADSHEET_ID: z
    .string()
    .regex(SPREADSHEET_ID, 'a spreadsheet id (the part after /d/ in its address)')
    .optional(),
  TONGHOP_GOOGLE_API_ROOT: z.string().url('a URL such as http://127.0.0.1:9090/').optional(),
  TONGHOP_GOOGLE_ACCESS_TOKEN: z.string().min(1).optional(),
  TONGHOP_SERVICE_ACCOUNT_EMAIL: z
    .string()
    .email('an e-mail address such as tonghop@my-project.iam.gserviceaccount.com')
    .optional(),
  TONGHOP_SHEETS_READS_PER_MINUTE: z.coerce.number().int().positive().max(300).default(60),
  TONGHOP_SHEETS_WRITES_PER_MINUTE: z.coerce.number().int().positive().max(300).default(60),
  TONGHOP_GOOGLE_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1000),
  TONGHOP_CONTROL_WORKBOOK: z.string().min(1).optional(),
  TONGHOP_MAX_FILE_MB: megabytes(DEFAULT_SHEET_LIMITS.maxFileBytes),
  TONGHOP_MAX_UNZIPPED_MB: megabytes(DEFAULT_SHEET_LIMITS.maxUnzippedBytes),
  TONGHOP_MAX_PART_MB: megabytes(DEFAULT_SHEET_LIMITS.maxPartBytes),
  TONGHOP_MAX_SHARED_STRINGS_MB: megabytes(DEFAULT_SHEET_LIMITS.maxSharedStringsBytes),
  TONGHOP_MAX_ROWS_PER_TAB: z.coerce.number().int().min(10).max(1_048_576).default(DEFAULT_SHEET_LIMITS.maxRowsPerTab),
  TONGHOP_MAX_CELLS_PER_TAB: z.coerce
    .number()
    .int()
    .min(100)
    .max(100_000_000)
    .default(DEFAULT_SHEET_LIMITS.maxCellsPerTab),
  TONGHOP_MAX_CELLS_PER_FILE: z.coerce
    .number()
    .int()
    .min(100)
    .max(100_000_000)
    .default(DEFAULT_SHEET_LIMITS.maxCellsPerFile),
  TONGHOP_MAX_COLUMNS: z.coerce.number().int().min(10).max(16_384).default(DEFAULT_SHEET_LIMITS.maxColumns),
  TONGHOP_WEBHOOK_KEY: z.string().min(32, 'at least 32 random characters, e.g. from `openssl rand -hex 32`').optional(),
  TONGHOP_SHARD_TOPIC: z
    .string()
    .regex(/^[A-Za-z][\w.~+%-]{2,254}$/, 'a Pub/Sub topic name such as tonghop-sweep-shard')
    .optional(),
  TONGHOP_SHARD_ABOVE: z.coerce.number().int().positive().default(300),
  TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0, 'seconds, 0 or more (0 = no limit)')
    .max(3600, 'seconds, at most 3600')
    .default(30),
  TONGHOP_SEND_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-4])-([01]?\d|2[0-4])$/, 'two hours, e.g. 7-20 (send from 07:00 until 20:00)')
    .default('7-20'),
  TONGHOP_SUMMARY_CURRENT_DAYS: z.coerce
    .number()
    .int()
    .min(1, 'days, 1 or more')
    .max(366, 'days, at most 366')
    .default(30),
});

/** The only place that reads the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid setting ${String(issue?.path[0])}: ${issue?.message}. Fix or unset it.`);
  }
  const e = parsed.data;
  const firestoreMode = e.TONGHOP_FIRESTORE ?? (e.FIRESTORE_EMULATOR_HOST ? 'emulator' : 'embedded');
  const projectId = e.TONGHOP_PROJECT_ID ?? e.GOOGLE_CLOUD_PROJECT ?? 'demo-tonghop';
  if (firestoreMode === 'emulator' && !e.FIRESTORE_EMULATOR_HOST) {
    throw new ConfigError(
      'TONGHOP_FIRESTORE=emulator needs FIRESTORE_EMULATOR_HOST=host:port of a running Firestore emulator.',
    );
  }
  if (firestoreMode === 'cloud' && projectId.startsWith('demo-')) {
    throw new ConfigError(
      'TONGHOP_FIRESTORE=cloud needs a real project: set TONGHOP_PROJECT_ID (demo-* ids only work with an emulator).',
    );
  }
  if (firestoreMode !== 'cloud' && !projectId.startsWith('demo-')) {
    throw new ConfigError(
      `TONGHOP_PROJECT_ID=${projectId} with a local emulator: use a demo-* id so nothing can reach production.`,
    );
  }
  const [sendFrom = 7, sendUntil = 20] = e.TONGHOP_SEND_HOURS.split('-').map(Number);
  if (sendFrom >= sendUntil)
    throw new ConfigError(
      `Invalid setting TONGHOP_SEND_HOURS=${e.TONGHOP_SEND_HOURS}: the first hour must come before the second, e.g. 7-20.`,
    );
  const mail = {
    smtpUrl: e.SMTP_URL,
    imapUrl: e.IMAP_URL,
    from: e.TONGHOP_MAIL_FROM,
    perRunBudget: e.TONGHOP_NOTICE_PER_RUN,
    perDayBudget: e.TONGHOP_NOTICE_PER_DAY,
    sendFrom,
    sendUntil,
  };
  return {
    home: path.resolve(cwd, e.TONGHOP_HOME),
    projectId,
    firestoreMode,
    emulatorHost: e.FIRESTORE_EMULATOR_HOST,
    mail,
    source: e.TONGHOP_SOURCE,
    google: googleConfig(e),
    sheetLimits: {
      maxFileBytes: e.TONGHOP_MAX_FILE_MB * MB,
      maxUnzippedBytes: e.TONGHOP_MAX_UNZIPPED_MB * MB,
      maxPartBytes: e.TONGHOP_MAX_PART_MB * MB,
      maxSharedStringsBytes: e.TONGHOP_MAX_SHARED_STRINGS_MB * MB,
      maxRowsPerTab: e.TONGHOP_MAX_ROWS_PER_TAB,
      maxCellsPerTab: e.TONGHOP_MAX_CELLS_PER_TAB,
      maxCellsPerFile: e.TONGHOP_MAX_CELLS_PER_FILE,
      maxColumns: e.TONGHOP_MAX_COLUMNS,
    },
    controlWorkbook:
      e.TONGHOP_CONTROL_WORKBOOK === undefined ? undefined : path.resolve(cwd, e.TONGHOP_CONTROL_WORKBOOK),
    summaryCurrentDays: e.TONGHOP_SUMMARY_CURRENT_DAYS,
    functions: {
      webhookKey: e.TONGHOP_WEBHOOK_KEY,
      shardTopic: e.TONGHOP_SHARD_TOPIC,
      shardAbove: e.TONGHOP_SHARD_ABOVE,
      webhookMinIntervalSeconds: e.TONGHOP_WEBHOOK_MIN_INTERVAL_SECONDS,
    },
  };
}

/** imap:// or imaps://, a host, a user and a password: everything the mailbox job needs to log in. */
function isImapUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'imap:' || url.protocol === 'imaps:') &&
      url.hostname !== '' &&
      url.username !== '' &&
      url.password !== ''
    );
  } catch {
    return false;
  }
}

function googleConfig(e: z.infer<typeof envSchema>): GoogleConfig | undefined {
  if (e.TONGHOP_SOURCE !== 'google') return undefined;
  if (!e.TONGHOP_DRIVE_FOLDER_ID)
    throw new ConfigError(
      'TONGHOP_SOURCE=google needs TONGHOP_DRIVE_FOLDER_ID: the Drive folder holding the unit spreadsheets.',
    );
  if (!e.TONGHOP_CONTROL_SPREADSHEET_ID)
    throw new ConfigError(
      'TONGHOP_SOURCE=google needs TONGHOP_CONTROL_SPREADSHEET_ID: the control spreadsheet with the "Đơn vị" tab.',
    );
  return {
    folderId: e.TONGHOP_DRIVE_FOLDER_ID,
    controlSpreadsheetId: e.TONGHOP_CONTROL_SPREADSHEET_ID,
    summarySpreadsheetId: e.TONGHOP_SUMMARY_SPREADSHEET_ID,
    apiRoot: e.TONGHOP_GOOGLE_API_ROOT,
    accessToken: e.TONGHOP_GOOGLE_ACCESS_TOKEN,
    serviceAccountEmail: e.TONGHOP_SERVICE_ACCOUNT_EMAIL,
    readsPerMinute: e.TONGHOP_SHEETS_READS_PER_MINUTE,
    writesPerMinute: e.TONGHOP_SHEETS_WRITES_PER_MINUTE,
    retryBaseMs: e.TONGHOP_GOOGLE_RETRY_BASE_MS,
  };
}
