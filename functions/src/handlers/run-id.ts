import { randomBytes } from 'node:crypto';

/** An id for one invocation, for the logs. */
export function newRunId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}
