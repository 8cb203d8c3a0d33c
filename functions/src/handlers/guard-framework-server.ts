import type { RequestListener, Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { limitContinueRequests, limitRequestBodies, MAX_BODY_BYTES } from './body-limit.js';
import { answerFrameworkError } from './framework-errors.js';

type GetServer = (...args: unknown[]) => Server;
interface FrameworkServerModule {
  getServer: GetServer;
  [GUARDED]?: true;
}
interface ExpressApp {
  use(handler: typeof answerFrameworkError): unknown;
}
const GUARDED = Symbol.for('tonghop.guardedGetServer');

/**
 * Put our body limit and error answer in front of every server functions-framework builds.
 *
 * Why here: the framework installs body-parser (json, text, urlencoded, raw) with a 1024 MB limit
 * before any user code and has no option to lower it, so a check inside a handler runs after the
 * whole body is in memory. `main.js` loads this module (index.js) before it calls `getServer()` and
 * `listen()`, and both `main.js` and the `getTestServer` of `/testing` call `getServer` through its
 * module's exports at call time — so replacing that export wraps exactly the servers the framework
 * makes, in production and in tests alike, and no other HTTP server of the process (patching
 * `http.createServer` would also limit the Sheets stand-ins tests run in the same process). The
 * wrapper replaces the server's 'request' listener (the Express app) with one that refuses a body
 * by its size before the app sees a byte, and appends our error answer as the app's last middleware.
 * If a framework release moves `build/src/server.js`, loading this module throws: deploys fail
 * loudly instead of running unguarded.
 */
export function guardFrameworkServers(limit: number = MAX_BODY_BYTES): void {
  const require = createRequire(import.meta.url);
  const frameworkDir = path.dirname(require.resolve('@google-cloud/functions-framework'));
  const serverModule = require(path.join(frameworkDir, 'server.js')) as FrameworkServerModule;
  if (typeof serverModule.getServer !== 'function') {
    throw new Error(
      '@google-cloud/functions-framework no longer exports getServer from build/src/server.js: update functions/src/handlers/guard-framework-server.ts for this framework version.',
    );
  }
  if (serverModule[GUARDED]) return;
  const getServer = serverModule.getServer;
  serverModule.getServer = (...args) => guardServer(getServer(...args), limit);
  serverModule[GUARDED] = true;
}

function guardServer(server: Server, limit: number): Server {
  const listeners = server.listeners('request') as RequestListener[];
  const app = listeners[0];
  if (listeners.length !== 1 || !app || typeof (app as unknown as Partial<ExpressApp>).use !== 'function') {
    throw new Error(
      'functions-framework built a server without its Express app as the one request listener: update functions/src/handlers/guard-framework-server.ts for this framework version.',
    );
  }
  (app as unknown as ExpressApp).use(answerFrameworkError);
  server.removeAllListeners('request');
  server.on('request', limitRequestBodies(app, limit));
  server.on('checkContinue', limitContinueRequests(app, limit));
  return server;
}
