import { describe, expect, it } from 'vitest';
import { GOOGLE_FAILURES, GoogleApiError } from '../../../functions/src/adapters/google/google-api-error.js';
import { ADVICE } from '../../../functions/src/domain/errors/advice.js';

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('GoogleApiError fix and advice, per kind of failure', () => {
  // failure, exit code, what the English fix names, the Vietnamese sentence
  it.each<[(typeof GOOGLE_FAILURES)[number], number, RegExp, string]>([
    [
      'unauthenticated',
      2,
      /^check the credentials: .*gcloud auth application-default login.*TONGHOP_GOOGLE_ACCESS_TOKEN/,
      ADVICE.googleCredentials,
    ],
    [
      'no-access',
      2,
      /^share .* with TONGHOP_SERVICE_ACCOUNT_EMAIL .*TONGHOP_CONTROL_SPREADSHEET_ID/,
      ADVICE.googleAccess,
    ],
    ['not-found', 2, /TONGHOP_DRIVE_FOLDER_ID.*restore the file from Drive's trash/, ADVICE.googleNotFound],
    ['bad-request', 2, /HTTP 400.*names the forms use/, ADVICE.googleBadRequest],
    ['quota', 1, /TONGHOP_SHEETS_READS_PER_MINUTE or TONGHOP_SHEETS_WRITES_PER_MINUTE/, ADVICE.retryLater],
    ['unavailable', 1, /server error \(HTTP 5xx\).*run again later/, ADVICE.retryLater],
    ['network', 1, /connection, firewall or proxy.*TONGHOP_GOOGLE_API_ROOT/, ADVICE.googleNetwork],
    ['export-too-large', 2, /Drive's 10 MB export limit: delete its unused tabs/, ADVICE.googleTooLarge],
    ['response-too-large', 2, /larger than TONGHOP_MAX_PART_MB.*raise TONGHOP_MAX_PART_MB/, ADVICE.googleTooLarge],
    ['unknown', 1, /run the command again; if it repeats, report the message above/, ADVICE.unexpected],
  ])('%s: exit %i, the fix names %s', (failure, exitCode, fix, advice) => {
    const error = new GoogleApiError(failure, 'values.batchGet failed', 0);
    expect(error.exitCode).toBe(exitCode);
    expect(error.fix).toMatch(fix);
    expect(error.fix).not.toMatch(VIETNAMESE_LETTER);
    expect(error.advice).toBe(advice);
    expect(error.advice).toMatch(VIETNAMESE_LETTER);
    expect(error.advice.normalize('NFC')).toBe(error.advice);
  });

  it('gives every kind a fix of its own', () => {
    const fixes = GOOGLE_FAILURES.map((failure) => new GoogleApiError(failure, 'x', 0).fix);
    expect(new Set(fixes).size).toBe(GOOGLE_FAILURES.length);
  });
});
