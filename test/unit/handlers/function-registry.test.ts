import { describe, expect, it } from 'vitest';
import { CLOUD_FUNCTIONS } from '../../../functions/src/handlers/function-list.js';
import { HANDLERS } from '../../../functions/src/handlers/registry.js';

describe('the function registry', () => {
  it('registers every deployed function, and only those, with the trigger kind its deploy gives it', () => {
    const registered = Object.entries(HANDLERS).map(([name, handler]) => [name, handler.kind]);
    const declared = CLOUD_FUNCTIONS.map((fn) => [fn.name, 'http' in fn.trigger ? 'http' : 'cloudEvent']);
    expect(registered.sort()).toEqual(declared.sort());
  });
});
