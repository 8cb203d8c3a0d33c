import type { Readable } from 'node:stream';

/** A response body's bytes, or 'over-cap' when it is larger than the cap (reading stopped there). */
export type Downloaded = { readonly bytes: Buffer } | 'over-cap';

/** Read a streamed response body, dropping it as soon as it passes `maxBytes`: never more than the cap in memory. */
export async function readCapped(stream: Readable, maxBytes: number): Promise<Downloaded> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).byteLength;
    if (total > maxBytes) {
      stream.destroy();
      return 'over-cap';
    }
    chunks.push(chunk as Buffer);
  }
  return { bytes: Buffer.concat(chunks) };
}
