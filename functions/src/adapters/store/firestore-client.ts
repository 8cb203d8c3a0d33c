import { Firestore } from '@google-cloud/firestore';

/** Where the server-side Firestore client connects: an emulator (host:port) or Google Cloud. */
export interface FirestoreTarget {
  readonly projectId: string;
  /** host:port of a Firestore emulator; absent = production (application-default credentials). */
  readonly emulatorHost?: string;
}

/** Settings of every client: an optional field left undefined is not stored, so no store strips undefined by hand. */
const SETTINGS = { ignoreUndefinedProperties: true } as const;

/** Create the server-side Firestore client; the only place that knows how to connect. */
export function createFirestore(target: FirestoreTarget): Firestore {
  // On Google Cloud the metadata server is where credentials come from: only an emulator skips looking for it.
  if (!target.emulatorHost) return new Firestore({ projectId: target.projectId, ...SETTINGS });
  // Otherwise the client first spends about a second looking for a GCE metadata server it does not need.
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  // The client lets FIRESTORE_EMULATOR_HOST override `host`, reading it only in the constructor:
  // hide it so a client aimed at a second emulator does not silently reach the inherited one.
  const inherited = process.env.FIRESTORE_EMULATOR_HOST;
  delete process.env.FIRESTORE_EMULATOR_HOST;
  try {
    return new Firestore({
      projectId: target.projectId,
      host: target.emulatorHost,
      ssl: false,
      customHeaders: { Authorization: 'Bearer owner' },
      ...SETTINGS,
    });
  } finally {
    if (inherited !== undefined) process.env.FIRESTORE_EMULATOR_HOST = inherited;
  }
}
