import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

/**
 * Vitest setup file: tests may reach this machine only. Any TCP or TLS connection (net, tls, http,
 * fetch, gRPC all go through net.Socket#connect) to a host that is not loopback fails with an error
 * naming the host, and so does a DNS lookup of a name that is not local. The child processes tests start
 * load it with `--import` (network-block-build.ts): the CLI (`compileCli`) and the Functions Framework
 * (`startFrameworkProcess`).
 */

export const BLOCKED_CODE = 'E_TEST_NETWORK_BLOCKED';

/** Loopback addresses and names, and 0.0.0.0 (which Linux connects to this machine). */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || h === '::') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

function blocked(what: string, host: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `Tests may not reach the network: ${what} ${host} was blocked (test/support/block-network.ts). Use a local stand-in on 127.0.0.1.`,
  );
  error.code = BLOCKED_CODE;
  return error;
}

/** Host and port of net.Socket#connect's arguments: (options[, cb]), (port[, host][, cb]) or (path[, cb]). */
function targetOf(args: unknown[]): { host: string; port: string } | undefined {
  let first = args[0];
  // net.connect/tls.connect pass [options, cb] as one normalized array.
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined;
    return { host: typeof options.host === 'string' ? options.host : 'localhost', port: String(options.port ?? '') };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined;
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: String(first) };
}

/**
 * Where the pure tests share one process (vitest.config.ts), Vitest runs this file again before each of
 * them: the patches go in once per process, not once more per file.
 */
const INSTALLED = Symbol.for('tonghop.test.blockNetwork');
const installed = globalThis as { [INSTALLED]?: true };

if (!installed[INSTALLED]) {
  installed[INSTALLED] = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function blockedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    if (target && !isLoopback(target.host)) {
      const error = blocked('connecting to', `${target.host}:${target.port}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const lookup = dns.lookup;
  dns.lookup = function blockedLookup(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname) && net.isIP(hostname) === 0) {
      const callback = rest.at(-1) as (error: NodeJS.ErrnoException) => void;
      process.nextTick(() => callback(blocked('looking up', hostname)));
      return;
    }
    return (lookup as (...a: unknown[]) => void)(hostname, ...rest);
  } as typeof dns.lookup;

  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = function blockedLookupPromise(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname) && net.isIP(hostname) === 0) return Promise.reject(blocked('looking up', hostname));
    return (lookupPromise as (...a: unknown[]) => Promise<unknown>)(hostname, ...rest);
  } as typeof dns.promises.lookup;

  // ES modules that imported { lookup } or { connect } by name see the patched functions too.
  syncBuiltinESMExports();
}
