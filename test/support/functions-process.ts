import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildNetworkBlock } from './network-block-build.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Our own build (incremental, git-ignored), so a test never races `npm run build` over functions/lib. */
const BUILD_DIR = path.join(ROOT, '.tonghop', 'test-builds', 'functions-process');

/** Compile functions/src as deployed; returns the entry module's path. */
export async function buildFunctions(): Promise<string> {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(
    process.execPath,
    [
      tsc,
      '-p',
      'tsconfig.build.json',
      '--outDir',
      BUILD_DIR,
      '--tsBuildInfoFile',
      path.join(BUILD_DIR, '.tsbuildinfo'),
    ],
    { cwd: ROOT },
  );
  return path.join(BUILD_DIR, 'index.js');
}

export interface FrameworkProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything the process wrote to stderr / stdout so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves once what the process wrote to stdout satisfies `ready` (checked at each new chunk). */
  untilStdout(ready: (stdout: string) => boolean): Promise<void>;
  /** Resident memory of the process now (VmRSS), in bytes. */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/**
 * functions-framework's own CLI (`main.js`) serving `target` from the built entry, as Cloud Run
 * starts it, with `nodeArgs` such as a heap limit. Resolves once the framework says it listens.
 */
export async function startFrameworkProcess(input: {
  entry: string;
  target: string;
  nodeArgs: readonly string[];
  env: NodeJS.ProcessEnv;
}): Promise<FrameworkProcess> {
  const port = await freePort();
  const main = path.join(ROOT, 'node_modules', '@google-cloud', 'functions-framework', 'build', 'src', 'main.js');
  // The tests' network block, as in the test workers: the functions may reach loopback only.
  const blockNetwork = await buildNetworkBlock(path.join(path.dirname(input.entry), 'block-network.js'));
  // NODE_ENV=development: the framework then announces its URL on stdout (our readiness signal).
  const child = spawn(
    process.execPath,
    [
      '--import',
      blockNetwork,
      ...input.nodeArgs,
      main,
      `--target=${input.target}`,
      `--source=${input.entry}`,
      `--port=${port}`,
    ],
    { cwd: ROOT, env: { ...input.env, NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes(`URL: http://localhost:${port}/`)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`functions-framework exited with ${code} before listening: ${stderr}`)),
    );
  });
  await ready;
  return {
    child,
    port,
    stderr: () => stderr,
    stdout: () => stdout,
    untilStdout: (ready) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!ready(stdout)) return;
          child.stdout.off('data', check);
          resolve();
        };
        // Listeners run in order: ours comes after the one that appends the chunk.
        child.stdout.on('data', check);
        check();
      }),
    rss: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
      if (!kb) throw new Error(`no VmRSS in /proc/${child.pid}/status`);
      return Number(kb) * 1024;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * How a large POST ended: the server's answer, read while the body was still going out; or the
 * connection reset under a write before the answer could be read. The refusal closes the
 * connection once the client has sent a MB more (body-limit.ts), and when this process is not
 * scheduled between the answer's arrival and its next write, Node's socket fails that write with
 * EPIPE/ECONNRESET and is destroyed with the answer still unread in the kernel.
 */
export type LargeBodyOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly body: string; readonly bytesSent: number }
  | { readonly kind: 'cut'; readonly code: string; readonly bytesSent: number };

/** Errors of a connection the server cut while this side was still sending. */
const CUT_CODES = new Set(['EPIPE', 'ECONNRESET']);

/**
 * POST `total` bytes of `[{},{},…]` as fast as the server takes them (chunked unless
 * `contentLength`), stopping the moment an answer arrives. Any other error rejects.
 */
export function postLargeBody(
  port: number,
  total: number,
  options: { contentLength: boolean },
): Promise<LargeBodyOutcome> {
  const piece = Buffer.from('{},'.repeat((64 * 1024) / 3));
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
    if (options.contentLength) headers['content-length'] = total;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
    let answered = false;
    let sent = 0;
    req.on('response', (res) => {
      answered = true;
      const bytesSent = sent;
      let body = '';
      res.on('data', (chunk: Buffer) => void (body += chunk.toString('utf8')));
      // 'close' also comes when the reset destroys the response after its (small) body was parsed.
      res.on('close', () => {
        resolve({ kind: 'answered', status: res.statusCode ?? 0, body, bytesSent });
        req.destroy();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Once answered, the server closing the connection under our remaining writes is expected.
      if (answered) return;
      if (CUT_CODES.has(error.code ?? '')) resolve({ kind: 'cut', code: error.code ?? '', bytesSent: sent });
      else reject(error);
    });
    // One piece per turn of the event loop, like a client that watches for an early answer (curl
    // does): a write the kernel takes at once completes synchronously, so a tight loop would never read.
    const writeMore = (): void => {
      if (answered || req.destroyed) return;
      if (sent >= total) return void req.end();
      const chunk =
        sent === 0
          ? Buffer.concat([Buffer.from('['), piece.subarray(1)])
          : piece.subarray(0, Math.min(piece.length, total - sent));
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(writeMore);
      else req.once('drain', () => setImmediate(writeMore));
    };
    writeMore();
  });
}

/** A small request, answered in full. */
export async function postSmall(
  port: number,
  body: string,
  headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' },
): Promise<{ status: number; body: string }> {
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/',
    headers: { ...headers, 'content-length': Buffer.byteLength(body) },
  });
  req.end(body);
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  let text = '';
  for await (const chunk of res) text += (chunk as Buffer).toString('utf8');
  return { status: res.statusCode ?? 0, body: text };
}
