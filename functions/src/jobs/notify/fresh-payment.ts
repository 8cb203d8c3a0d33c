import type { PaymentDue, PlannedNotice } from '../../domain/notices/decide-notices.js';
import type { RenderedMail } from '../../domain/notices/render-notice.js';
import { renderPaymentNotice } from '../../domain/notices/render-payment-notice.js';
import { reconcileFees } from '../../domain/finance/reconcile-fees.js';
import { periodsStartedBy } from '../../domain/periods/schedule.js';

import type { NotifyInput } from './notify.js';
import { submissionId } from '../../domain/ids/document-ids.js';

/**
 * A payment reminder computed again from the unit's stored registration and receipts right before
 * sending: the message with the còn nợ of now, or undefined when the unit no longer owes.
 */
export async function freshPayment(
  input: NotifyInput,
  notice: PlannedNotice & { readonly payment: PaymentDue },
): Promise<RenderedMail | undefined> {
  const receiptsForm = input.forms.find((f) => f.id === notice.formId);
  const metric = receiptsForm?.metrics.find((m) => m.id === notice.payment.metricId);
  const feeForm = metric?.type === 'balance' ? input.forms.find((f) => f.id === metric.against.formId) : undefined;
  const fee = metric?.type === 'balance' ? feeForm?.metrics.find((m) => m.id === metric.against.metricId) : undefined;
  const unit = input.units.find((u) => u.id === notice.unitId);
  if (!receiptsForm || metric?.type !== 'balance' || !feeForm || fee?.type !== 'fee-per-row' || !unit) return undefined;
  const ids = [receiptsForm, feeForm].flatMap((spec) =>
    periodsStartedBy(spec, input.now).map((p) => submissionId(spec.id, p.id, unit.id)),
  );
  const stored = (await Promise.all(ids.map((id) => input.store.loadSubmission(id)))).flatMap((s) => (s ? [s] : []));
  const account = reconcileFees([receiptsForm, feeForm], [unit], stored)
    .reconciliations.find((r) => r.metric.id === metric.id)
    ?.units.find((u) => u.unitId === unit.id);
  if (!account || account.balance <= 0) return undefined;
  const payment = { metricId: metric.id, owed: account.owed, paid: account.paid, balance: account.balance };
  return renderPaymentNotice(
    { ...notice, payment },
    {
      feeForm,
      receiptsForm,
      unit,
      settings: input.settings,
      feePerRow: fee.amount,
      ...(metric.payAt ? { payAt: metric.payAt } : {}),
    },
  );
}
