import { performance } from 'node:perf_hooks';
import type { Firestore } from '@google-cloud/firestore';
import { createSmtpMailer } from '../functions/src/adapters/mail/smtp-mailer.js';
import { FirestoreNoticeLedger } from '../functions/src/adapters/store/firestore-notice-ledger.js';
import { FirestoreSummaryStore } from '../functions/src/adapters/store/firestore-summary-store.js';
import { DEFAULT_NOTICE_POLICY } from '../functions/src/domain/notices/notice-kinds.js';
import { notify, type NotifyResult } from '../functions/src/jobs/notify/notify.js';
import type { Mailer } from '../functions/src/jobs/notify/ports.js';
import type { City } from './city.js';
import { measure, type Measured } from './measure.js';
import { startSmtpSink } from './smtp-sink.js';

export interface CityNotices {
  readonly run: Measured<NotifyResult>;
  /** Messages the SMTP server accepted (notices and the digest). */
  readonly accepted: number;
  readonly notices: number;
  readonly overdueUnits: number;
  /** From the first message handed to the pool to the last one accepted. */
  readonly sendingMs: number;
}

/**
 * One morning run of `notify` on what the sweeps stored, through the pooled SMTP transport to a
 * local server. The recipient budgets are lifted so that every overdue unit gets its notice in
 * this run (the real ones hold a city's mail back over several days).
 */
export async function notifyCity(db: Firestore, city: City, now: Date): Promise<CityNotices> {
  const sink = await startSmtpSink();
  const pooled = createSmtpMailer({ url: sink.url, from: '"Thành Đoàn (thử tải)" <no-reply@tonghop.invalid>' });
  let first: number | undefined;
  let last = 0;
  const mailer: Mailer = {
    description: pooled.description,
    async send(mail) {
      first ??= performance.now();
      const sent = await pooled.send(mail);
      last = performance.now();
      return sent;
    },
    close: () => pooled.close(),
  };
  try {
    const run = await measure(() =>
      notify({
        settings: city.settings,
        units: city.units.map((u) => u.profile.unit),
        forms: city.specs,
        store: new FirestoreSummaryStore(db),
        ledger: new FirestoreNoticeLedger(db),
        mailer,
        policy: { ...DEFAULT_NOTICE_POLICY, perRunBudget: 1_000_000, perDayBudget: 1_000_000 },
        now,
        sheetLinkOf: (unit) => `tệp ${unit.source}`,
      }).finally(() => mailer.close()),
    );
    const sent = run.value.outcomes.filter((o) => o.result === 'sent');
    return {
      run,
      accepted: sink.accepted(),
      notices: sent.length,
      overdueUnits: new Set(sent.map((o) => o.notice.unitId)).size,
      sendingMs: first === undefined ? 0 : last - first,
    };
  } finally {
    await sink.close();
  }
}
