import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../functions/src/config.js';
import { runtime } from '../../../functions/src/handlers/runtime.js';

/** The functions' own rule on top of loadConfig's: only a refusal is tried here, since a runtime that opens is kept. */
describe('runtime(env): what a function instance refuses to start with', () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    [
      'no Firestore setting: the CLI would start an embedded emulator, a function never does',
      {},
      /^Cloud Functions use Firestore on Google Cloud \(TONGHOP_FIRESTORE=cloud\) or a running emulator \(FIRESTORE_EMULATOR_HOST\); they never start one\.$/,
    ],
    ['embedded asked for by name', { TONGHOP_FIRESTORE: 'embedded' }, /they never start one\.$/],
    ['a setting loadConfig refuses', { TONGHOP_SEND_HOURS: '20-7' }, /^Invalid setting TONGHOP_SEND_HOURS=20-7/],
  ])('%s', (_, env, message) => {
    expect(() => runtime(env)).toThrow(ConfigError);
    expect(() => runtime(env)).toThrow(message);
  });
});
