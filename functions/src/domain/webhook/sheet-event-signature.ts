import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a unit spreadsheet's Apps Script puts on its calls (sheets-templates/apps-script/Webhook.js):
 * `X-Tonghop-Signature: v1=<hex HMAC-SHA256(unit secret, timestamp + "." + raw body)>` and
 * `X-Tonghop-Timestamp: <unix seconds>`. Each unit's secret is derived from the district's webhook
 * key, so no secret is stored anywhere but in Secret Manager and in that unit's script properties.
 */

export const TIMESTAMP_HEADER = 'x-tonghop-timestamp';
export const SIGNATURE_HEADER = 'x-tonghop-signature';
/** A call is accepted within this many seconds of its timestamp, either way (clock skew). */
export const SIGNATURE_WINDOW_SECONDS = 300;

const SIGNATURE = /^v1=([0-9a-f]{64})$/;

/** A unit's webhook secret: HMAC-SHA256(district key, 'tonghop-unit:' + unit id), hex (64 characters). */
export function unitWebhookSecret(districtKey: string, unitId: string): string {
  return createHmac('sha256', districtKey).update(`tonghop-unit:${unitId}`, 'utf8').digest('hex');
}

/** The header value for a body signed at `timestamp` (unix seconds), as the Apps Script computes it. */
export function signSheetEvent(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest('hex')}`;
}

export type SignatureCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

/** Check a call's signature and timestamp: constant-time comparison, ±5 minutes around `now`. */
export function checkSheetEventSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{9,11}$/.test(timestamp) || !SIGNATURE.test(signature)) return { ok: false, reason: 'malformed' };
  if (Math.abs(input.now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS)
    return { ok: false, reason: 'expired' };
  const expected = Buffer.from(signSheetEvent(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
