import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emulatorHost } from '../support/firestore.js';

/** A Firebase ID token for the emulator: unsigned, which the emulator accepts as a signed-in user. */
const USER_TOKEN = [
  Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
  Buffer.from(
    JSON.stringify({
      sub: 'someone',
      user_id: 'someone',
      aud: 'demo',
      iss: 'https://securetoken.google.com/demo',
      iat: 0,
      exp: 4_102_444_800,
      auth_time: 0,
      firebase: { sign_in_provider: 'password' },
    }),
  ).toString('base64url'),
  '',
].join('.');

/** Load rules into one emulator project (the emulator's own endpoint) and return a client for its REST API. */
async function projectWithRules(rules: string) {
  const host = emulatorHost();
  const projectId = `demo-test-rules-${randomBytes(4).toString('hex')}`;
  const loaded = await fetch(`http://${host}/emulator/v1/projects/${projectId}:securityRules`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content: rules }] } }),
  });
  expect(loaded.status).toBe(200);
  const documents = `http://${host}/v1/projects/${projectId}/databases/(default)/documents`;
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${documents}/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  return { call };
}

const DOC = { fields: { unitId: { stringValue: 'th-a' } } };

describe('firestore.rules in the emulator', () => {
  it('refuse every client read and write, signed in or not, on every collection', async () => {
    const { call } = await projectWithRules(await readFile('firestore.rules', 'utf8'));
    // The server client (here as the emulator's owner) writes a document the clients then try to reach.
    expect((await call('PATCH', 'submissions/tap-huan-2024~mot-lan~th-a', 'owner', DOC)).status).toBe(200);
    for (const token of [undefined, USER_TOKEN]) {
      for (const collection of [
        'submissions',
        'sources',
        'stats',
        'notices',
        'sweeps',
        'outputs',
        'webhookSignatures',
      ]) {
        const who = token ? 'signed-in user' : 'anonymous';
        expect(
          (await call('GET', `${collection}/tap-huan-2024~mot-lan~th-a`, token)).status,
          `${who} get ${collection}`,
        ).toBe(403);
        expect((await call('GET', collection, token)).status, `${who} list ${collection}`).toBe(403);
        expect((await call('PATCH', `${collection}/x`, token, DOC)).status, `${who} write ${collection}`).toBe(403);
        expect((await call('DELETE', `${collection}/x`, token)).status, `${who} delete ${collection}`).toBe(403);
      }
      expect((await call('GET', 'submissions/tap-huan-2024~mot-lan~th-a/revisions/000001', token)).status).toBe(403);
    }
    // The server (Admin) client is not subject to the rules.
    expect((await call('GET', 'submissions/tap-huan-2024~mot-lan~th-a', 'owner')).status).toBe(200);
  });

  it('would let a client in under open rules (so the test above can fail)', async () => {
    const { call } = await projectWithRules(
      "rules_version = '2';\nservice cloud.firestore { match /databases/{database}/documents { match /{document=**} { allow read, write: if true; } } }",
    );
    expect((await call('PATCH', 'submissions/x', undefined, DOC)).status).toBe(200);
    expect((await call('GET', 'submissions/x')).status).toBe(200);
  });
});
