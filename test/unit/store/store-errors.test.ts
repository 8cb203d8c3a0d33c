import { describe, expect, it } from 'vitest';
import {
  isAlreadyExists,
  StoreAccessDeniedError,
  StoreUnavailableError,
  translateStoreError,
} from '../../../functions/src/adapters/store/store-errors.js';
import { RunStoppingError } from '../../../functions/src/jobs/run-stopping-error.js';

/** An error as @google-cloud/firestore rejects with: a gRPC status code on an Error. */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details });
}

describe('translateStoreError (the one place Firestore gRPC codes are read)', () => {
  it.each([
    [14, 'UNAVAILABLE', StoreUnavailableError],
    [4, 'DEADLINE_EXCEEDED', StoreUnavailableError],
    [8, 'RESOURCE_EXHAUSTED', StoreUnavailableError],
    [7, 'roles/datastore.user', StoreAccessDeniedError],
    [16, 'gcloud auth application-default login', StoreAccessDeniedError],
  ])('code %i stops the run with our own error naming %s', (code, named, type) => {
    const vendor = grpcError(code, 'from the server');
    const translated = translateStoreError(vendor, 'loading the units’ sources');
    expect(translated).toBeInstanceOf(type);
    expect(translated).toBeInstanceOf(RunStoppingError);
    expect((translated as Error).message).toContain(named);
    expect((translated as Error).message).toContain('while loading the units’ sources');
    expect((translated as Error).cause).toBe(vendor);
  });

  it('access refused is not told to wait: it says to fix the access', () => {
    expect((translateStoreError(grpcError(7, 'denied'), 'x') as Error).message).toMatch(/Fix the access/);
    expect((translateStoreError(grpcError(14, 'down'), 'x') as Error).message).toMatch(/reachable/);
  });

  it('a closed client stops the run too', () => {
    expect(translateStoreError(new Error('The client has already been terminated'), 'x')).toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it.each([
    ['INVALID_ARGUMENT for one document', grpcError(3, 'bad field')],
    ['ALREADY_EXISTS (a create that lost a race)', grpcError(6, 'exists')],
    ['an error without a code', new Error('boom')],
  ])('leaves %s as it is', (_, error) => {
    expect(translateStoreError(error, 'x')).toBe(error);
  });

  it('leaves our own run-stopping errors as they are (a deadline already translated)', () => {
    const ours = new StoreUnavailableError('Firestore did not answer within 60 s');
    expect(translateStoreError(ours, 'x')).toBe(ours);
  });

  it('recognises ALREADY_EXISTS and nothing else as "exists already"', () => {
    expect(isAlreadyExists(grpcError(6, 'exists'))).toBe(true);
    expect(isAlreadyExists(grpcError(14, 'down'))).toBe(false);
    expect(isAlreadyExists(undefined)).toBe(false);
  });
});
