import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../functions/src/config.js';
import { FormSpecError } from '../../../functions/src/adapters/catalog/builtin-forms.js';
import { GoogleApiError } from '../../../functions/src/adapters/google/google-api-error.js';
import { DataDirBusyError } from '../../../functions/src/adapters/store/data-dir-lock.js';
import { EmulatorUnavailableError } from '../../../functions/src/adapters/store/emulator.js';
import { StoreDocumentError, StoreUnavailableError } from '../../../functions/src/adapters/store/store-errors.js';
import {
  UnitFileChangedError,
  UnitFileNotRewritableError,
} from '../../../functions/src/adapters/workbook/write-unit-feedback.js';
import { ControlRefusedError } from '../../../functions/src/domain/units/control-guard.js';
import { SheetReadError } from '../../../functions/src/domain/sheets/sheet-read-error.js';
import { MailboxError } from '../../../functions/src/jobs/mailbox/mailbox-error.js';
import { MailDeliveryError } from '../../../functions/src/jobs/notify/mail-delivery-error.js';
import { RunStoppingError } from '../../../functions/src/jobs/run-stopping-error.js';
import { errorReport } from '../../../functions/src/cli/error-report.js';
import { ADVICE } from '../../../functions/src/domain/errors/advice.js';
import { OperatorError } from '../../../functions/src/domain/errors/operator-error.js';
import { PersonError } from '../../../functions/src/domain/errors/person-error.js';
import { UsageError } from '../../../functions/src/cli/usage-error.js';

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('errorReport', () => {
  // Every error class of ours, by base: the exit code and the Vietnamese sentence that ends what the CLI prints.
  it.each<[string, unknown, 'operator' | 'person' | 'unexpected', number, string | undefined]>([
    ['a setting', new ConfigError('Set TONGHOP_WEBHOOK_KEY.'), 'operator', 2, ADVICE.config],
    [
      'an unknown id given to a command',
      new UsageError("Không có đơn vị mã 'x'. Xem các mã rồi chạy lại."),
      'person',
      2,
      undefined,
    ],
    [
      'a control sheet refused',
      new ControlRefusedError('Bảng điều khiển không có đơn vị nào. Hãy kiểm tra đúng tệp.'),
      'person',
      2,
      undefined,
    ],
    [
      'no emulator installed',
      new EmulatorUnavailableError('No Firestore emulator found.'),
      'operator',
      2,
      ADVICE.emulator,
    ],
    [
      'the data folder is busy',
      new DataDirBusyError('Another tonghop command (pid 1) is using /x.'),
      'operator',
      2,
      ADVICE.dataDirBusy,
    ],
    [
      'a broken form spec',
      new FormSpecError('Invalid form spec a.json: columns: Required'),
      'operator',
      2,
      ADVICE.formSpec,
    ],
    [
      'an unreadable control file',
      new SheetReadError('not-found', 'Không tìm thấy bảng điều khiển /x.xlsx.'),
      'person',
      2,
      ADVICE.sheetRead,
    ],
    [
      'Google refusing access',
      new GoogleApiError('no-access', 'values.get failed (HTTP 403): denied', 403),
      'operator',
      2,
      ADVICE.googleAccess,
    ],
    [
      'Google out of quota',
      new GoogleApiError('quota', 'values.get failed (HTTP 429): quota', 429),
      'operator',
      1,
      ADVICE.retryLater,
    ],
    [
      'Firestore out of reach',
      new StoreUnavailableError('Firestore did not answer within 60 s.'),
      'operator',
      2,
      ADVICE.store,
    ],
    [
      'a stored document of the wrong shape',
      new StoreDocumentError('Firestore document sources/u1 does not have the shape tonghop stores', {
        collection: 'sources',
        id: 'u1',
      }),
      'operator',
      2,
      ADVICE.storeDocument,
    ],
    ['another run-stopping failure', new RunStoppingError('stopped'), 'operator', 1, ADVICE.retryLater],
    [
      'a unit file changed while writing',
      new UnitFileChangedError('/u/th-a.xlsx'),
      'operator',
      1,
      ADVICE.unitFileChanged,
    ],
    [
      'a unit file that cannot be saved back',
      new UnitFileNotRewritableError('/u/th-a.xlsx', 'biểu đồ'),
      'operator',
      1,
      ADVICE.unitFileNotRewritable,
    ],
    [
      'the mail server refusing the login',
      new MailDeliveryError('auth', 'SMTP 535 authentication failed', false),
      'operator',
      2,
      ADVICE.mailAuth,
    ],
    ['the mail server down', new MailDeliveryError('connection', 'ECONNREFUSED', false), 'operator', 1, ADVICE.mail],
    [
      'the mailbox refusing the login',
      new MailboxError('auth', 'IMAP login failed; check IMAP_URL'),
      'operator',
      2,
      ADVICE.mailboxAccess,
    ],
    [
      'the mailbox folder missing',
      new MailboxError('folder', 'IMAP folder INBOX/x not found; check IMAP_URL'),
      'operator',
      2,
      ADVICE.mailboxAccess,
    ],
    [
      'the mailbox server slow',
      new MailboxError('timeout', 'IMAP server did not answer'),
      'operator',
      1,
      ADVICE.mailboxLater,
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')"), 'unexpected', 1, ADVICE.unexpected],
    ['something thrown that is not an Error', 'boom', 'unexpected', 1, ADVICE.unexpected],
  ])('%s', (_, error, base, exitCode, advice) => {
    expect(error instanceof OperatorError ? 'operator' : error instanceof PersonError ? 'person' : 'unexpected').toBe(
      base,
    );
    const report = errorReport(error);
    expect(report.exitCode).toBe(exitCode);
    expect(report.lines[0]).toEqual(
      base === 'unexpected'
        ? expect.stringMatching(/^tonghop: lỗi ngoài dự kiến/)
        : `tonghop: ${(error as Error).message}`,
    );
    if (error instanceof OperatorError) {
      // The English operator detail names what to change, between the message and the Vietnamese sentence.
      expect(report.lines).toEqual([`tonghop: ${error.message}`, `  → ${error.fix}`, advice]);
      expect(error.fix).not.toMatch(VIETNAMESE_LETTER);
    }
    const last = report.lines.at(-1) ?? '';
    if (advice) expect(last).toBe(advice);
    // Whatever the class, the last line is one Vietnamese sentence saying what to do; never a stack.
    expect(last).toMatch(VIETNAMESE_LETTER);
    expect(last.trim()).toMatch(/[.!]$/);
    expect(report.lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('keeps the operator fix of a Google error, before the Vietnamese sentence', () => {
    const error = new GoogleApiError('unauthenticated', 'values.get failed (HTTP 401): login', 401);
    expect(errorReport(error).lines).toEqual([
      `tonghop: ${error.message}`,
      `  → ${error.fix}`,
      ADVICE.googleCredentials,
    ]);
  });

  it('names an unexpected error class', () => {
    expect(errorReport(new RangeError('x')).lines[0]).toBe('tonghop: lỗi ngoài dự kiến (RangeError): x');
  });
});

describe('advice sentences', () => {
  it.each(Object.entries(ADVICE))('%s is one NFC Vietnamese sentence', (_, sentence) => {
    expect(sentence.normalize('NFC')).toBe(sentence);
    expect(sentence).toMatch(VIETNAMESE_LETTER);
    expect(sentence.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });
});
