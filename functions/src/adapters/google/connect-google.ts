import { auth } from '@googleapis/sheets';
import type { GoogleConfig } from '../../config.js';
import { connectGoogleApis, type GoogleApis } from './google-apis.js';
import { DEFAULT_PACING } from './request-pacer.js';

/**
 * What the service account may touch: spreadsheets' cells and structure, and Drive files (to list
 * the district folder, copy templates and share unit spreadsheets). Nothing else.
 */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
] as const;

const UNKNOWN_ACCOUNT = 'tài khoản dịch vụ của hệ thống (hỏi Quận Đoàn địa chỉ email)';

/**
 * Google clients for the configured district: application-default credentials (the Cloud
 * Function's service account, or GOOGLE_APPLICATION_CREDENTIALS on a workstation), or a bearer
 * token when TONGHOP_GOOGLE_ACCESS_TOKEN is set (the local stand-in; no network call is made for it).
 */
export async function connectGoogle(config: GoogleConfig): Promise<GoogleApis> {
  const pacing = {
    ...DEFAULT_PACING,
    reads: config.readsPerMinute,
    writes: config.writesPerMinute,
    baseDelayMs: config.retryBaseMs,
  };
  const common = { pacing, ...(config.apiRoot ? { rootUrl: config.apiRoot } : {}) };
  if (config.accessToken) {
    const client = new auth.OAuth2();
    client.setCredentials({ access_token: config.accessToken });
    return connectGoogleApis({
      ...common,
      auth: client,
      serviceAccountEmail: config.serviceAccountEmail ?? UNKNOWN_ACCOUNT,
    });
  }
  const googleAuth = new auth.GoogleAuth({ scopes: [...GOOGLE_SCOPES] });
  const email =
    config.serviceAccountEmail ??
    (await googleAuth.getCredentials().catch(() => ({ client_email: undefined }))).client_email;
  return connectGoogleApis({ ...common, auth: googleAuth, serviceAccountEmail: email ?? UNKNOWN_ACCOUNT });
}
