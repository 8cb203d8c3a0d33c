import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SOURCE = path.join(import.meta.dirname, 'block-network.ts');

/**
 * The tests' network block (block-network.ts) compiled to `outfile`, for child processes a test
 * starts (the CLI, the Functions Framework): `--import <the URL returned>` gives them the same rule
 * as the test workers, loopback only.
 */
export async function buildNetworkBlock(outfile: string): Promise<string> {
  await build({
    entryPoints: [SOURCE],
    outfile,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  return pathToFileURL(outfile).href;
}
