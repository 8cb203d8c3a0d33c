import path from 'node:path';
import { z } from 'zod';

/** A setting is missing or wrong: the message names the variable and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Where Firestore lives: an emulator we start and persist ourselves, one already running, or Google Cloud. */
export const FIRESTORE_MODES = ['embedded', 'emulator', 'cloud'] as const;
export type FirestoreMode = (typeof FIRESTORE_MODES)[number];

export interface Config {
  /** Local data folder: embedded Firestore data, demo workbooks. */
  readonly home: string;
  readonly projectId: string;
  readonly firestoreMode: FirestoreMode;
  /** host:port when firestoreMode is 'emulator'. */
  readonly emulatorHost: string | undefined;
  readonly mail: MailConfig;
}

/** How notices go out: SMTP when SMTP_URL is set, otherwise .eml files in an outbox folder. */
export interface MailConfig {
  readonly smtpUrl: string | undefined;
  readonly from: string;
  readonly perRunBudget: number;
  readonly perDayBudget: number;
  /** Send only between these hours (Asia/Ho_Chi_Minh): [sendFrom, sendUntil). */
  readonly sendFrom: number;
  readonly sendUntil: number;
}

const envSchema = z.object({
  TONGHOP_HOME: z.string().min(1).default('.tonghop'),
  TONGHOP_PROJECT_ID: z.string().regex(/^[a-z][a-z0-9-]{4,29}$/, 'a Google Cloud project id such as demo-tonghop').optional(),
  GOOGLE_CLOUD_PROJECT: z.string().optional(),
  TONGHOP_FIRESTORE: z.enum(FIRESTORE_MODES).optional(),
  FIRESTORE_EMULATOR_HOST: z.string().regex(/^[^:\s]+:\d+$/, 'host:port, e.g. 127.0.0.1:8080').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.gmail.com:465').optional(),
  TONGHOP_MAIL_FROM: z.string().min(3).default('"Quận Đoàn (tonghop)" <no-reply@tonghop.invalid>'),
  TONGHOP_NOTICE_PER_RUN: z.coerce.number().int().positive().default(500),
  TONGHOP_NOTICE_PER_DAY: z.coerce.number().int().positive().default(1500),
  TONGHOP_SEND_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-4])-([01]?\d|2[0-4])$/, 'two hours, e.g. 7-20 (send from 07:00 until 20:00)')
    .default('7-20'),
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
    throw new ConfigError('TONGHOP_FIRESTORE=emulator needs FIRESTORE_EMULATOR_HOST=host:port of a running Firestore emulator.');
  }
  if (firestoreMode === 'cloud' && projectId.startsWith('demo-')) {
    throw new ConfigError('TONGHOP_FIRESTORE=cloud needs a real project: set TONGHOP_PROJECT_ID (demo-* ids only work with an emulator).');
  }
  if (firestoreMode !== 'cloud' && !projectId.startsWith('demo-')) {
    throw new ConfigError(`TONGHOP_PROJECT_ID=${projectId} with a local emulator: use a demo-* id so nothing can reach production.`);
  }
  const [sendFrom = 7, sendUntil = 20] = e.TONGHOP_SEND_HOURS.split('-').map(Number);
  if (sendFrom >= sendUntil) throw new ConfigError(`Invalid setting TONGHOP_SEND_HOURS=${e.TONGHOP_SEND_HOURS}: the first hour must come before the second, e.g. 7-20.`);
  const mail = { smtpUrl: e.SMTP_URL, from: e.TONGHOP_MAIL_FROM, perRunBudget: e.TONGHOP_NOTICE_PER_RUN, perDayBudget: e.TONGHOP_NOTICE_PER_DAY, sendFrom, sendUntil };
  return { home: path.resolve(cwd, e.TONGHOP_HOME), projectId, firestoreMode, emulatorHost: e.FIRESTORE_EMULATOR_HOST, mail };
}
