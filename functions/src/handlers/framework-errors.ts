import type { Request, Response } from '@google-cloud/functions-framework';
import { refusedByBodyLimit } from './body-limit.js';
import { log } from './log.js';
import { newRunId } from './run-id.js';
import { REFUSALS } from './refusals.js';

/** What body-parser attaches to the errors it passes on (`status` 400/413/415, `type` e.g. 'entity.parse.failed'). */
interface HttpErrorLike {
  readonly status?: unknown;
  readonly type?: unknown;
}

/**
 * The last middleware of the framework's Express app: a body the framework's own parser refused
 * (broken JSON, unknown charset) gets our JSON refusal and one structured log line. Without it
 * Express prints the error's stack to stderr, and a JSON.parse message quotes the body.
 */
export function answerFrameworkError(
  error: unknown,
  req: Request,
  res: Response,
  _next: (error?: unknown) => void,
): void {
  if (refusedByBodyLimit(req)) return;
  const { status, type } = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorLike;
  const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
  const kind = typeof type === 'string' ? type : error instanceof Error ? error.name : 'unknown';
  log(code >= 500 ? 'ERROR' : 'WARNING', `request refused by the framework: ${kind}`, {
    runId: newRunId(),
    status: code,
  });
  if (res.headersSent) return void res.end();
  const message = code === 413 ? REFUSALS.tooLarge : code >= 500 ? REFUSALS.failed : REFUSALS.malformed;
  res.status(code).json({ ok: false, message });
}
