import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Firestore } from '@google-cloud/firestore';
import type { Config } from '../config.js';
import { createFirestore } from '../adapters/store/firestore-client.js';
import { startFirestoreEmulator } from '../adapters/store/emulator.js';
import { lockDataDir } from '../adapters/store/data-dir-lock.js';
import { FirestoreNoticeLedger } from '../adapters/store/firestore-notice-ledger.js';
import { clearNoticeJournal, replayNoticeJournal } from '../adapters/store/journaled-notice-ledger.js';
import type { Output } from './output.js';
import { saveOnSignal } from './save-on-signal.js';
import { SESSION } from './messages.js';

/** An open Firestore for one CLI command, and how to close it (exporting embedded data first). */
export interface FirestoreSession {
  readonly db: Firestore;
  readonly description: string;
  /** Embedded mode: the journal notice claims go to before a mail is sent (see journaled-notice-ledger.ts). */
  readonly noticeJournal?: string;
  /** Save what is written so far (embedded mode; elsewhere Firestore is durable already). */
  checkpoint(): Promise<void>;
  /** Persist (embedded mode, when something was written) and release everything. */
  close(options: { persist: boolean }): Promise<void>;
}

/** The deny-all client rules, loaded into the local emulator as in production. */
const RULES_FILE = fileURLToPath(new URL('../../../firestore.rules', import.meta.url));

/** Folder holding the embedded Firestore's data between runs. */
export function embeddedDataDir(config: Config): string {
  return path.join(config.home, 'firestore');
}

/**
 * Open Firestore as configured. Embedded mode behaves like an embedded database: the
 * emulator starts from the last export in the data folder and exports back before it stops,
 * also on Ctrl-C/SIGTERM (exit code 130/143) and whenever the command asks for a checkpoint.
 */
export async function openFirestore(config: Config, out: Output): Promise<FirestoreSession> {
  if (config.firestoreMode === 'cloud') {
    const db = createFirestore({ projectId: config.projectId });
    return {
      db,
      description: `Firestore trên Google Cloud (dự án ${config.projectId})`,
      checkpoint: async () => {},
      close: () => db.terminate(),
    };
  }
  if (config.firestoreMode === 'emulator' && config.emulatorHost) {
    const db = createFirestore({ projectId: config.projectId, emulatorHost: config.emulatorHost });
    return {
      db,
      description: `Firestore emulator tại ${config.emulatorHost} (dự án ${config.projectId})`,
      checkpoint: async () => {},
      close: () => db.terminate(),
    };
  }
  const dataDir = embeddedDataDir(config);
  const noticeJournal = path.join(dataDir, 'notice-journal.jsonl');
  const unlock = await lockDataDir(dataDir);
  out.log(SESSION.starting(dataDir));
  const emulator = await startFirestoreEmulator({ importFrom: dataDir, rulesFile: RULES_FILE }).catch(
    async (error: unknown) => {
      await unlock();
      throw error;
    },
  );
  const db = createFirestore({ projectId: config.projectId, emulatorHost: emulator.host });
  let closing: Promise<void> | undefined;
  const save = async () => {
    await emulator.exportTo(config.projectId, dataDir);
    // The export holds every journaled notice now.
    await clearNoticeJournal(noticeJournal);
  };
  // Notices a killed run sent after its last save: back into the ledger before anyone reads it.
  const replayed = await replayNoticeJournal(new FirestoreNoticeLedger(db), noticeJournal).catch(
    async (error: unknown) => {
      await emulator.stop();
      await unlock();
      throw error;
    },
  );
  const uninstall = saveOnSignal(async (signal) => {
    out.log(SESSION.interrupted(signal));
    // Whatever the interrupted step wrote so far is consistent (each unit is one commit): keep it.
    await (closing ??= shutDown({ persist: true, interrupted: true }));
  }, out.log.bind(out));
  const shutDown = async ({ persist, interrupted }: { persist: boolean; interrupted: boolean }) => {
    try {
      // An interrupted step may still be using the client: the process exits right after anyway.
      if (!interrupted) await db.terminate();
      if (persist || replayed > 0) {
        out.log(SESSION.saving);
        await save();
      }
    } finally {
      await emulator.stop();
      await unlock();
    }
  };
  return {
    db,
    description: `Firestore cục bộ, lưu trong ${dataDir}`,
    noticeJournal,
    checkpoint: save,
    async close({ persist }) {
      uninstall();
      await (closing ??= shutDown({ persist, interrupted: false }));
    },
  };
}

/** Run `work` with an open Firestore; the embedded data is saved afterwards only if `work` wrote something. */
export async function withFirestore<T>(
  config: Config,
  out: Output,
  work: (session: FirestoreSession) => Promise<{ readonly value: T; readonly writes: number }>,
): Promise<T> {
  const session = await openFirestore(config, out);
  let writes = 0;
  try {
    const done = await work(session);
    writes = done.writes;
    return done.value;
  } catch (error) {
    // Whatever was written before the failure is real data: keep it.
    writes = 1;
    throw error;
  } finally {
    await session.close({ persist: writes > 0 });
  }
}
