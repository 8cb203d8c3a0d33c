import { ADVICE } from '../../domain/errors/advice.js';
import type { GoogleFailure } from './google-api-error.js';

/** What the operator changes or runs (English) and the Vietnamese sentence for whoever ran the command. */
export interface GoogleFailureFix {
  readonly fix: string;
  readonly advice: string;
}

/**
 * One fix per kind of Google failure, naming the setting or the command; a Record, so the
 * compiler asks for a row whenever a kind is added.
 */
export const GOOGLE_FAILURE_FIXES: Record<GoogleFailure, GoogleFailureFix> = {
  unauthenticated: {
    fix: 'check the credentials: run gcloud auth application-default login (or give the Cloud Function its service account), or renew TONGHOP_GOOGLE_ACCESS_TOKEN',
    advice: ADVICE.googleCredentials,
  },
  'no-access': {
    fix: 'share the spreadsheet or folder named above with TONGHOP_SERVICE_ACCOUNT_EMAIL (Editor), or correct its id in TONGHOP_CONTROL_SPREADSHEET_ID, TONGHOP_DRIVE_FOLDER_ID or TONGHOP_SUMMARY_SPREADSHEET_ID',
    advice: ADVICE.googleAccess,
  },
  'not-found': {
    fix: "no file has the id named above: correct TONGHOP_CONTROL_SPREADSHEET_ID, TONGHOP_DRIVE_FOLDER_ID or TONGHOP_SUMMARY_SPREADSHEET_ID, or restore the file from Drive's trash",
    advice: ADVICE.googleNotFound,
  },
  'bad-request': {
    fix: 'Google refused the request (HTTP 400): give the tabs named above back the names the forms use (unusual characters break the range); if it repeats, report the message above',
    advice: ADVICE.googleBadRequest,
  },
  quota: {
    fix: 'Google quota exceeded even after retries: run again later, lower TONGHOP_SHEETS_READS_PER_MINUTE or TONGHOP_SHEETS_WRITES_PER_MINUTE, or ask Google for a higher quota',
    advice: ADVICE.retryLater,
  },
  unavailable: {
    fix: 'Google answered with a server error (HTTP 5xx) even after retries: run again later (what was stored is kept, the next run continues)',
    advice: ADVICE.retryLater,
  },
  network: {
    fix: "no answer from Google: check this machine's connection, firewall or proxy (and TONGHOP_GOOGLE_API_ROOT when it is set), then run again; what was stored is kept",
    advice: ADVICE.googleNetwork,
  },
  'export-too-large': {
    fix: "the spreadsheet named above is over Drive's 10 MB export limit: delete its unused tabs, rows and columns, or split it into several spreadsheets",
    advice: ADVICE.googleTooLarge,
  },
  'response-too-large': {
    fix: 'the values of the spreadsheet named above are larger than TONGHOP_MAX_PART_MB: delete its unused cells, rows and tabs, or raise TONGHOP_MAX_PART_MB',
    advice: ADVICE.googleTooLarge,
  },
  unknown: {
    fix: 'Google answered in a way tonghop does not know: run the command again; if it repeats, report the message above to the maintainers',
    advice: ADVICE.unexpected,
  },
};
