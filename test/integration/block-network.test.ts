import { execFile } from 'node:child_process';
import dns from 'node:dns';
import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { BLOCKED_CODE } from '../support/block-network.js';
import { useTempDir } from '../support/builders.js';

/** vitest.config.ts loads test/support/block-network.ts in every test worker: only loopback is reachable. */
const BLOCKED = /^Tests may not reach the network: connecting to 203\.0\.113\.1:443 was blocked/;

async function connectError(socket: net.Socket): Promise<NodeJS.ErrnoException> {
  const [error] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
  return error;
}

describe('outgoing network in tests', () => {
  const dir = useTempDir('tonghop-block');
  it('refuses a TCP connection to a public address, naming it', async () => {
    const error = await connectError(net.connect(443, '203.0.113.1'));
    expect(error.message).toMatch(BLOCKED);
    expect(error.code).toBe(BLOCKED_CODE);
  });

  it('refuses TLS, given options', async () => {
    const error = await connectError(tls.connect({ host: '203.0.113.1', port: 443, servername: 'example.com' }));
    expect(error.message).toMatch(BLOCKED);
  });

  it('refuses fetch of a public address', async () => {
    await expect(fetch('https://203.0.113.1/')).rejects.toThrow(
      expect.objectContaining({ cause: expect.objectContaining({ code: BLOCKED_CODE }) }),
    );
  });

  it('refuses to look up a public name, naming it', async () => {
    await expect(dns.promises.lookup('www.google.com')).rejects.toThrow(
      'Tests may not reach the network: looking up www.google.com was blocked',
    );
    const [error] = await new Promise<[NodeJS.ErrnoException | null]>((resolve) =>
      dns.lookup('sheets.googleapis.com', (e) => resolve([e])),
    );
    expect(error?.message).toMatch(/looking up sheets\.googleapis\.com was blocked/);
  });

  it('lets loopback through: a server on 127.0.0.1 answers, and localhost resolves', async () => {
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined); // the second client hangs up at once
      socket.end('xin chào');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(socket, 'end');
      expect(Buffer.concat(chunks).toString('utf8')).toBe('xin chào');
      const viaName = net.connect({ host: 'localhost', port, family: 4 });
      await once(viaName, 'connect');
      viaName.destroy();
      expect((await dns.promises.lookup('localhost', { family: 4 })).address).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });

  it('blocks a child process started with --import of the compiled block, as compileCli starts the CLI', async () => {
    const block = path.join(dir(), 'block-network.js');
    await build({
      entryPoints: [path.join(import.meta.dirname, '../support/block-network.ts')],
      outfile: block,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    });
    const script = "require('node:net').connect(443, '203.0.113.1').on('error', (e) => { console.log(e.message); });";
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      pathToFileURL(block).href,
      '-e',
      script,
    ]);
    expect(stdout).toMatch(BLOCKED);
  });
});
