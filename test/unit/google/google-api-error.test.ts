import { describe, expect, it } from 'vitest';
import {
  GoogleApiError,
  parseRetryAfter,
  toGoogleApiError,
} from '../../../functions/src/adapters/google/google-api-error.js';
import { unitSheetError } from '../../../functions/src/adapters/google/unit-sheet-errors.js';
import { SheetReadError } from '../../../functions/src/domain/sheets/sheet-read-error.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';

/** What a GaxiosError carries (the parts we read). */
const gaxios = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error('Request failed'), { response: { status, data: body, headers: new Headers(headers) } });
const googleBody = (code: number, status: string, message: string) => ({
  error: { code, message, status, errors: [{ message, domain: 'global', reason: 'x' }] },
});

const UNIT: Unit = {
  id: 'th-a',
  name: 'Liên đội Tiểu học A',
  type: 'lien-doi',
  level: '',
  cluster: '',
  contacts: [],
  source: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
};
const SA = 'tonghop@du-an.iam.gserviceaccount.com';

describe('toGoogleApiError', () => {
  it.each([
    [401, 'UNAUTHENTICATED', 'unauthenticated', false],
    [403, 'PERMISSION_DENIED', 'no-access', false],
    [404, 'NOT_FOUND', 'not-found', false],
    [400, 'INVALID_ARGUMENT', 'bad-request', false],
    [429, 'RESOURCE_EXHAUSTED', 'quota', true],
    [500, 'INTERNAL', 'unavailable', true],
    [503, 'UNAVAILABLE', 'unavailable', true],
  ] as const)('HTTP %i %s → %s (transient: %s)', (status, googleStatus, failure, transient) => {
    const error = toGoogleApiError(gaxios(status, googleBody(status, googleStatus, 'Something')), 'values.batchGet');
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({
      failure,
      status,
      transient,
      message: `values.batchGet failed (HTTP ${status}): ${googleStatus}: Something`,
    });
  });

  it("tells Drive's export size refusal from a 403 of access, whether the body is in response.data or (streamed, gaxios 7) in the message", () => {
    const body = {
      error: {
        code: 403,
        message: 'This file is too large to be exported.',
        status: 'PERMISSION_DENIED',
        errors: [
          { message: 'This file is too large to be exported.', domain: 'global', reason: 'exportSizeLimitExceeded' },
        ],
      },
    };
    expect(toGoogleApiError(gaxios(403, body), 'files.export')).toMatchObject({
      failure: 'export-too-large',
      transient: false,
    });
    const streamed = Object.assign(new Error(JSON.stringify(body)), {
      status: 403,
      response: { status: 403, data: undefined },
    });
    expect(toGoogleApiError(streamed, 'files.export')).toMatchObject({
      failure: 'export-too-large',
      message: 'files.export failed (HTTP 403): PERMISSION_DENIED: This file is too large to be exported.',
    });
    expect(toGoogleApiError(gaxios(403, googleBody(403, 'PERMISSION_DENIED', 'No')), 'files.export').failure).toBe(
      'no-access',
    );
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(
      toGoogleApiError(gaxios(429, googleBody(429, 'RESOURCE_EXHAUSTED', 'Quota'), { 'retry-after': '7' }), 'x')
        .retryAfterMs,
    ).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('treats a dropped connection as transient and an unknown failure as not', () => {
    expect(
      toGoogleApiError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'files.list'),
    ).toMatchObject({ failure: 'network', status: 0, transient: true });
    expect(toGoogleApiError(gaxios(418, 'teapot'), 'files.list')).toMatchObject({
      failure: 'unknown',
      transient: false,
      message: 'files.list failed (HTTP 418): teapot',
    });
    // A bug is not retried as if the network had dropped.
    expect(toGoogleApiError(new TypeError('api.sheets is undefined'), 'values.batchGet')).toMatchObject({
      failure: 'unknown',
      transient: false,
    });
    expect(
      toGoogleApiError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'files.list'),
    ).toMatchObject({ failure: 'network', transient: true });
  });
});

describe('unitSheetError', () => {
  it('names the unit, its spreadsheet and the fix for 403 and 404', () => {
    const denied = unitSheetError(UNIT, new GoogleApiError('no-access', 'x', 403), SA);
    expect(denied).toBeInstanceOf(SheetReadError);
    expect((denied as SheetReadError).message).toBe(
      `Hệ thống không có quyền mở bảng tính báo cáo của Liên đội Tiểu học A (mã bảng tính ${UNIT.source}). Hãy chia sẻ bảng tính với ${SA} (quyền Người chỉnh sửa) rồi chờ lượt tổng hợp sau.`,
    );
    const gone = unitSheetError(UNIT, new GoogleApiError('not-found', 'x', 404), SA) as SheetReadError;
    expect(gone.failure).toBe('not-found');
    expect(gone.message).toMatch(/^Không tìm thấy bảng tính báo cáo của Liên đội Tiểu học A .*Thùng rác/);
    expect(gone.message.normalize('NFC')).toBe(gone.message);
  });

  it('leaves quota, outages and credentials to the operator: the sweep stops instead of skipping the unit', () => {
    for (const failure of ['quota', 'unavailable', 'unauthenticated', 'network'] as const) {
      const error = new GoogleApiError(failure, 'x', 0);
      expect(unitSheetError(UNIT, error, SA)).toBe(error);
    }
  });
});
