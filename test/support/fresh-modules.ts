import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, vi } from 'vitest';
import { OWN_MODULES } from './own-modules.js';

/**
 * Vitest setup file of the io project: a file of OWN_MODULES imports the sources (and test/support) afresh, as it
 * would in a process of its own, and the file after it does too, so no module instance made with its settings (the
 * handlers' runtime, the reliability tally) is reused. It is what Vitest's `isolate: true` does before each file;
 * done here, these files share the io workers with the rest of the io files. A project of their own ran after
 * the io files, once those were done, and one worker waited while the other ran the reliability file.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const file = path.relative(root, expect.getState().testPath ?? '');

if (OWN_MODULES.includes(file)) {
  vi.resetModules();
  afterAll(() => {
    vi.resetModules();
  });
}
