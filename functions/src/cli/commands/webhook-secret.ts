import { ConfigError } from '../../config.js';
import { unitWebhookSecret } from '../../domain/webhook/sheet-event-signature.js';
import type { CommandContext } from './context.js';

/**
 * `tonghop webhook-secret --unit th-a`: the secret to paste into that unit's spreadsheet
 * (Tổng hợp ▸ Cài đặt kết nối…), derived from TONGHOP_WEBHOOK_KEY. For the operator's terminal only.
 */
export async function webhookSecretCommand({ config, out }: CommandContext, opts: { unit: string }): Promise<void> {
  const key = config.functions.webhookKey;
  if (!key)
    throw new ConfigError(
      'Set TONGHOP_WEBHOOK_KEY (in production: TONGHOP_WEBHOOK_KEY=$(gcloud secrets versions access latest --secret=tonghop-webhook-key)).',
    );
  const secret = unitWebhookSecret(key, opts.unit);
  if (out.json) out.printJson({ unitId: opts.unit, secret });
  else out.print(secret);
}
