import { ConfigError } from '../config.js';
import { FormSpecError } from '../adapters/catalog/builtin-forms.js';
import { GoogleApiError } from '../adapters/google/google-api-error.js';
import { DataDirBusyError } from '../adapters/store/data-dir-lock.js';
import { EmulatorUnavailableError } from '../adapters/store/emulator.js';
import { StoreDocumentError, StoreUnavailableError } from '../adapters/store/store-errors.js';
import { UnitFileChangedError, UnitFileNotRewritableError } from '../adapters/workbook/write-unit-feedback.js';
import { ControlRefusedError } from '../domain/units/control-guard.js';
import { SheetReadError } from '../domain/sheets/sheet-read-error.js';
import { MailboxError } from '../jobs/mailbox/mailbox-error.js';
import { MailDeliveryError } from '../jobs/notify/mail-delivery-error.js';
import { RunStoppingError } from '../jobs/run-stopping-error.js';
import { ADVICE } from './messages.js';
import { UsageError } from './usage-error.js';

/** The CLI's exit codes: 0 done, 1 problems found (in the data, or a run that stopped and can be re-run), 2 usage or configuration. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** How an error reaches the person: the lines to print on stderr (the last one says what to do, in Vietnamese) and the exit code. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  readonly lines: readonly string[];
}

/**
 * Any error a command throws, as the person sees it: never a stack trace. Our own errors carry
 * their message (English for operator settings, Vietnamese for the district's data) and get the
 * Vietnamese sentence of what to do; anything else is an unexpected failure, exit 1.
 */
export function errorReport(error: unknown): ErrorReport {
  const said = (exitCode: ExitCode, advice: string | undefined, ...extra: string[]): ErrorReport => ({
    exitCode,
    lines: [`tonghop: ${messageOf(error)}`, ...extra.map((line) => `  → ${line}`), ...(advice ? [advice] : [])],
  });
  // These messages are Vietnamese and end with what to do already.
  if (error instanceof UsageError || error instanceof ControlRefusedError) return said(EXIT.usage, undefined);
  if (error instanceof ConfigError) return said(EXIT.usage, ADVICE.config);
  if (error instanceof EmulatorUnavailableError) return said(EXIT.usage, ADVICE.emulator);
  if (error instanceof DataDirBusyError) return said(EXIT.usage, ADVICE.dataDirBusy);
  if (error instanceof FormSpecError) return said(EXIT.usage, ADVICE.formSpec);
  if (error instanceof SheetReadError) return said(EXIT.usage, ADVICE.sheetRead);
  if (error instanceof GoogleApiError) {
    return error.transient || error.failure === 'unknown' ? said(EXIT.problems, ADVICE.retryLater, error.fix) : said(EXIT.usage, ADVICE.googleAccess, error.fix);
  }
  if (error instanceof StoreUnavailableError) return said(EXIT.usage, ADVICE.store);
  if (error instanceof StoreDocumentError) return said(EXIT.usage, ADVICE.storeDocument);
  if (error instanceof RunStoppingError) return said(EXIT.problems, ADVICE.retryLater);
  if (error instanceof UnitFileChangedError) return said(EXIT.problems, ADVICE.unitFileChanged);
  if (error instanceof UnitFileNotRewritableError) return said(EXIT.problems, ADVICE.unitFileNotRewritable);
  if (error instanceof MailDeliveryError) return error.failure === 'auth' ? said(EXIT.usage, ADVICE.mailAuth) : said(EXIT.problems, ADVICE.mail);
  if (error instanceof MailboxError) return error.failure === 'auth' || error.failure === 'folder' ? said(EXIT.usage, ADVICE.mailboxAccess) : said(EXIT.problems, ADVICE.mailboxLater);
  return { exitCode: EXIT.problems, lines: [`tonghop: lỗi ngoài dự kiến${error instanceof Error ? ` (${error.name})` : ''}: ${messageOf(error)}`, ADVICE.unexpected] };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.trim() || error.name;
}
