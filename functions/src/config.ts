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
}

const envSchema = z.object({
  TONGHOP_HOME: z.string().min(1).default('.tonghop'),
  TONGHOP_PROJECT_ID: z.string().regex(/^[a-z][a-z0-9-]{4,29}$/, 'a Google Cloud project id such as demo-tonghop').optional(),
  GOOGLE_CLOUD_PROJECT: z.string().optional(),
  TONGHOP_FIRESTORE: z.enum(FIRESTORE_MODES).optional(),
  FIRESTORE_EMULATOR_HOST: z.string().regex(/^[^:\s]+:\d+$/, 'host:port, e.g. 127.0.0.1:8080').optional(),
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
  return { home: path.resolve(cwd, e.TONGHOP_HOME), projectId, firestoreMode, emulatorHost: e.FIRESTORE_EMULATOR_HOST };
}
