import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { inject } from 'vitest';
import { clearEmulatorProject } from '../../functions/src/adapters/store/emulator.js';
import { createFirestore } from '../../functions/src/adapters/store/firestore-client.js';

export interface TestFirestore {
  db: Firestore;
  /** `demo-test-<name>-<random>`: unique per call, so test files never see each other's data. */
  projectId: string;
  /** Deletes every document of this project. */
  clear(): Promise<void>;
}

export function emulatorHost(): string {
  const host = inject('firestoreEmulatorHost') ?? process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) {
    throw new Error('No Firestore emulator: run the tests through vitest.config.ts (its global setup starts one).');
  }
  return host;
}

export function testFirestore(name: string): TestFirestore {
  process.env.METADATA_SERVER_DETECTION = 'none';
  const host = emulatorHost();
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x';
  const projectId = `demo-test-${slug}-${randomBytes(4).toString('hex')}`;
  return {
    db: createFirestore({ projectId, emulatorHost: host }),
    projectId,
    clear: () => clearEmulatorProject(host, projectId),
  };
}
