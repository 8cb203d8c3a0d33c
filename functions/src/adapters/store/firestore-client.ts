import { Firestore } from '@google-cloud/firestore';

/** Where the server-side Firestore client connects: an emulator (host:port) or Google Cloud. */
export interface FirestoreTarget {
  readonly projectId: string;
  /** host:port of a Firestore emulator; absent = production (application-default credentials). */
  readonly emulatorHost?: string;
}

/** Create the server-side Firestore client; only this and the emulator harness know how to connect. */
export function createFirestore(target: FirestoreTarget): Firestore {
  const settings = { projectId: target.projectId, ignoreUndefinedProperties: true };
  if (!target.emulatorHost) return new Firestore(settings);
  const [host, port] = splitHostPort(target.emulatorHost);
  return new Firestore({ ...settings, host, port, ssl: false, customHeaders: { Authorization: 'Bearer owner' } });
}

function splitHostPort(hostPort: string): [string, number] {
  const at = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, at), Number(hostPort.slice(at + 1))];
}
