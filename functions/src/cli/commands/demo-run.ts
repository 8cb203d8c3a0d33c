import { workbookDistrict } from '../../app/workbook-district.js';
import { districtStores } from '../../app/district-stores.js';
import { openDistrict } from '../../app/open-district.js';
import { runNotify, type NotifyRun } from '../../app/run-notify.js';
import { sweepDistrict } from '../../app/sweep-district.js';
import { FirestoreReviewStore } from '../../adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../adapters/store/firestore-summary-store.js';
import { DEMO_NOW, type DemoDistrict } from '../../demo/demo-district.js';
import { demoFinanceSource } from '../../demo/demo-finance.js';
import type { DemoIntake } from '../../demo/demo-intake.js';
import { playDemoIntake } from '../../demo/play-demo-intake.js';
import { sweepDemoAt, type SweepUnitsAt } from '../../demo/sweep-demo-at.js';
import { takeDemoBranchDecision, takeDemoReviewStep, type DemoReviewPorts } from '../../demo/take-demo-review.js';
import type { DemoBranchReport } from '../../demo/demo-branch-report.js';
import { playDemoBranchReport } from '../../demo/play-demo-branch-report.js';
import { withEarlierSweeps } from '../../demo/with-earlier-sweeps.js';
import { writeDemoDistrict, type WrittenDemoDistrict } from '../../demo/write-demo-district.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { planReadingOf } from '../../domain/plans/plans-in-use.js';
import { ictInstant } from '../../domain/time/ict.js';
import type { FirestoreSession } from '../firestore-session.js';
import { PROGRESS } from '../messages.js';
import type { Progress } from '../output.js';
import { cliRunInput, sweepRunOf, watchCliRun, type SweepRun } from '../run-sweep.js';
import type { CommandContext } from './context.js';

/**
 * The morning notice runs of the demo's history around the training deadline (10g00 15/09/2024):
 * a reminder, the due day, overdue; the escalation comes with the final run at DEMO_NOW.
 */
const DEMO_NOTICE_RUNS = [
  ictInstant('2024-09-13', '07:30'),
  ictInstant('2024-09-15', '07:30'),
  ictInstant('2024-09-17', '07:30'),
];

/** What the demo's run did: the normal run's account (with the history counted in), its notices, and the history's. */
export interface DemoRun {
  readonly run: SweepRun;
  /** The notice run at DEMO_NOW, between the final sweep and the summary. */
  readonly notified: { readonly value: NotifyRun; readonly writes: number };
  /** Notices sent and Firestore writes of the history's notice runs. */
  readonly history: { readonly notices: number; readonly writes: number };
  /** The sample district's files, when this run wrote them (fresh). */
  readonly written: WrittenDemoDistrict | undefined;
  /** Firestore writes of the sweeps: the history's and the normal run's. */
  readonly writes: number;
}

/**
 * The demo's run, composed of the general steps: when fresh, its history is replayed through the
 * sweep job at earlier instants (with that time's notice runs and review decisions) and its intake
 * and chi đoàn report stories are played; then the normal run of the whole district at DEMO_NOW, with the notice run
 * of that instant between the sweep and the summary, so the summary lists its mail.
 */
export async function runDemo(options: {
  readonly context: CommandContext;
  readonly session: FirestoreSession;
  readonly dir: string;
  readonly controlPath: string;
  readonly outboxDir: string;
  readonly district: DemoDistrict;
  readonly forms: FormSpec[];
  readonly intake: DemoIntake;
  readonly branchReport: DemoBranchReport;
  readonly fresh: boolean;
}): Promise<DemoRun> {
  const { context, session, dir, controlPath, outboxDir, district, forms } = options;
  const { config, out } = context;
  const sheets = workbookDistrict(controlPath);
  const earlier = sweepDemoAt({ sheets, store: districtStores(session.db).sweep });
  const history = { notices: 0, writes: 0 };
  let written: WrittenDemoDistrict | undefined;
  if (options.fresh) {
    written = await replayHistory({
      context,
      session,
      dir,
      district,
      forms,
      outboxDir,
      sweepUnitsAt: earlier.sweepAt,
      history,
    });
    const replayed = [...forms, district.finance.spec, district.issued.spec];
    await playDemoIntake({
      controlPath,
      unitsDir: written.unitsDir,
      units: district.units,
      forms: replayed,
      intake: options.intake,
      sweepAt: earlier.sweepAt,
    });
    const { branchReport } = options;
    await playDemoBranchReport({
      controlPath,
      unitsDir: written.unitsDir,
      units: district.units,
      forms: [...replayed, options.intake.shared.spec, options.intake.explicit.spec],
      story: branchReport,
      sweepAt: earlier.sweepAt,
      decide: (decision) =>
        takeDemoBranchDecision(reviewPorts(session), district.units, branchReport.spec.id, decision),
    });
  }
  const opened = await openDistrict(sheets, session.db);
  const normal = { session, out, district: sheets, now: DEMO_NOW, summaryCurrentDays: config.summaryCurrentDays };
  const watch = watchCliRun(out, session, earlier.writes());
  let notified: DemoRun['notified'] | undefined;
  const finished = await sweepDistrict({
    ...cliRunInput(normal, opened),
    hooks: {
      ...watch.hooks,
      afterSweep: async () => {
        notified = await runNotify({
          config,
          db: session.db,
          control: opened.control,
          forms: opened.forms,
          outboxDir,
          now: DEMO_NOW,
          dryRun: false,
          ...journal(session),
        });
      },
    },
  });
  watch.finish();
  const swept = sweepRunOf(normal, opened, finished);
  if (!notified) throw new Error('the demo notice run did not happen');
  const { result } = swept.value;
  return {
    run: { ...swept.value, result: result ? withEarlierSweeps(result, earlier.sweeps) : undefined },
    notified,
    history,
    written,
    writes: earlier.writes() + swept.writes,
  };
}

/** The demo's review decisions, each taken once its instant has come (the replay calls takeUntil in time order). */
function demoReviewSteps(
  session: FirestoreSession,
  district: DemoDistrict,
): { takeUntil(instant: Date): Promise<void> } {
  const review = district.review;
  const pending = [...(review?.steps ?? [])];
  const ports = reviewPorts(session);
  return {
    async takeUntil(instant) {
      for (let step = pending[0]; review && step && step.at <= instant; step = pending[0]) {
        pending.shift();
        await takeDemoReviewStep(ports, review, step);
      }
    },
  };
}

/** The stores the demo's review decisions are taken with. */
function reviewPorts(session: FirestoreSession): DemoReviewPorts {
  return { submissions: new FirestoreSummaryStore(session.db), reviews: new FirestoreReviewStore(session.db) };
}

/** The session's notice journal, for runNotify (embedded mode only). */
const journal = (session: FirestoreSession) => (session.noticeJournal ? { noticeJournal: session.noticeJournal } : {});

/** Replay the district's sends day by day through the sweep; a notice run scheduled before a day's sends runs first. */
async function replayHistory(options: {
  context: CommandContext;
  session: FirestoreSession;
  dir: string;
  district: DemoDistrict;
  forms: FormSpec[];
  outboxDir: string;
  sweepUnitsAt: SweepUnitsAt;
  history: { notices: number; writes: number };
}): Promise<WrittenDemoDistrict> {
  const { context, session, dir, district, forms, outboxDir, sweepUnitsAt, history } = options;
  const { config, out } = context;
  const control = { settings: district.settings, units: district.units, plans: planReadingOf(forms), problems: [] };
  const pending = [...DEMO_NOTICE_RUNS];
  // From the day the district added a plan to the control, the control (and so each sweep and notice run) has it too.
  const plansAt = (at: Date) => [
    ...forms,
    ...(at >= district.finance.at ? [district.finance.spec] : []),
    ...(at > district.issued.at ? [district.issued.spec] : []),
  ];
  const shared = { sources: [demoFinanceSource(district.finance)], registry: district.units };
  const reviews = demoReviewSteps(session, district);
  const notifyUntil = async (instant: Date) => {
    for (let at = pending[0]; at && at <= instant; at = pending[0]) {
      // The district's review decisions made before this notice run: it mails them.
      await reviews.takeUntil(at);
      pending.shift();
      const notified = await runNotify({
        config,
        db: session.db,
        control,
        forms: plansAt(at),
        outboxDir,
        now: at,
        dryRun: false,
        ...journal(session),
      });
      history.notices += notified.value.result.outcomes.filter((o) => o.result === 'sent').length;
      history.writes += notified.writes;
    }
  };
  let progress: Progress | undefined;
  try {
    const written = await writeDemoDistrict(dir, district, {
      reset: true,
      onProgress: (done, total) => (progress ??= out.progress(PROGRESS.demoHistory, total)).tick(done),
      sweepAt: async (unitIds, at) => {
        await notifyUntil(at);
        await sweepUnitsAt(
          district.units.filter((u) => unitIds.includes(u.id)),
          plansAt(at),
          at,
          ...(at >= district.finance.at ? [shared] : []),
        );
      },
    });
    await notifyUntil(DEMO_NOW);
    await reviews.takeUntil(DEMO_NOW);
    return written;
  } finally {
    progress?.stop();
  }
}
