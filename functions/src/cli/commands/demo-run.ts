import { workbookDistrict } from '../../app/workbook-district.js';
import { districtStores } from '../../app/district-stores.js';
import { openDistrict } from '../../app/open-district.js';
import { runNotify, type NotifyRun } from '../../app/run-notify.js';
import { sweepDistrict } from '../../app/sweep-district.js';
import { DEMO_NOTICE_RUNS, DEMO_NOW, demoPlansAt, type DemoDistrict } from '../../demo/demo-district.js';
import { demoFinanceSource } from '../../demo/demo-finance.js';
import { demoCouncilSources } from '../../demo/demo-council.js';
import type { DemoIntake } from '../../demo/demo-intake.js';
import { playDemoIntake } from '../../demo/play-demo-intake.js';
import { sweepDemoAt, type SweepUnitsAt } from '../../demo/sweep-demo-at.js';
import { demoReviewPorts, demoReviewSchedule, takeDemoBranchDecision } from '../../demo/take-demo-review.js';
import type { DemoBranchReport } from '../../demo/demo-branch-report.js';
import { playDemoBranchReport } from '../../demo/play-demo-branch-report.js';
import { withEarlierSweeps } from '../../demo/with-earlier-sweeps.js';
import { writeDemoDistrict, type WrittenDemoDistrict } from '../../demo/write-demo-district.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { planReadingOf } from '../../domain/plans/plans-in-use.js';
import type { FirestoreSession } from '../firestore-session.js';
import { PROGRESS } from '../messages.js';
import type { Progress } from '../output.js';
import { cliRunInput, sweepRunOf, watchCliRun, type SweepRun } from '../run-sweep.js';
import type { CommandContext } from './context.js';

/** What the demo's run did: the normal run's account (with the history counted in), its notices, and the history's. */
export interface DemoRun {
  readonly run: SweepRun;
  /** The notice run at DEMO_NOW, after the demo's final sweep and before the normal run's summary. */
  readonly notified: { readonly value: NotifyRun; readonly writes: number };
  /** Notices sent and Firestore writes of the history's notice runs. */
  readonly history: { readonly notices: number; readonly writes: number };
  /** The sample district's files, when this run wrote them (fresh). */
  readonly written: WrittenDemoDistrict | undefined;
  /** Firestore writes of the sweeps: the history's, the final morning's and the normal run's. */
  readonly writes: number;
}

/**
 * The demo's run, composed of the general steps: when fresh, its history is replayed through the
 * sweep job at earlier instants (with that time's notice runs and review decisions) and its intake
 * and chi đoàn report stories, and the cơ sở Đoàn's check of those reports, are played; then its final
 * morning (a sweep of the whole district and the notice run at DEMO_NOW), and the normal run at DEMO_NOW,
 * whose summary lists that morning's mail.
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
  /** The plan the cơ sở Đoàn fill about their chi đoàn (demo/demo-parent-check.ts), in the same shape. */
  readonly parentCheck: DemoBranchReport;
  readonly fresh: boolean;
}): Promise<DemoRun> {
  const { context, session, dir, controlPath, outboxDir, district, forms } = options;
  const { config, out } = context;
  const sheets = workbookDistrict(controlPath);
  const earlier = sweepDemoAt({ sheets, store: districtStores(session.db).sweep, registry: district.units });
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
        takeDemoBranchDecision(demoReviewPorts(session.db), district.units, branchReport.spec.id, decision),
    });
    await playDemoBranchReport({
      controlPath,
      unitsDir: written.unitsDir,
      units: district.units,
      forms: [...replayed, options.intake.shared.spec, options.intake.explicit.spec, branchReport.spec],
      story: options.parentCheck,
      sweepAt: earlier.sweepAt,
      decide: () => Promise.resolve(),
    });
  }
  const opened = await openDistrict(sheets, session.db);
  // The demo's final morning, as its history's days: the sweep at DEMO_NOW, then that instant's notice run. The
  // normal run that follows finds the files as this sweep left them, and its summary lists the morning's mail.
  const { units, sharedSources = [] } = opened.control;
  await earlier.sweepAt(units, opened.forms, DEMO_NOW, { sources: sharedSources, registry: units });
  const notified = await runNotify({
    config,
    db: session.db,
    control: opened.control,
    forms: opened.forms,
    outboxDir,
    now: DEMO_NOW,
    dryRun: false,
    ...journal(session),
  });
  const normal = { session, out, district: sheets, now: DEMO_NOW, summaryCurrentDays: config.summaryCurrentDays };
  const watch = watchCliRun(out, session, earlier.writes());
  const finished = await sweepDistrict({ ...cliRunInput(normal, opened), hooks: watch.hooks });
  watch.finish();
  const swept = sweepRunOf(normal, opened, finished);
  const { result } = swept.value;
  return {
    run: { ...swept.value, result: result ? withEarlierSweeps(result, earlier.sweeps) : undefined },
    notified,
    history,
    written,
    writes: earlier.writes() + swept.writes,
  };
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
  const plansAt = (at: Date) => demoPlansAt(district, forms, at);
  // The shared books the control declares at `at`: Hội đồng Đội's (2023), then the finance desk's (2024).
  const councilSources = demoCouncilSources(district.council);
  const sharedAt = (at: Date) => ({
    sources: [
      ...(at >= district.council.at ? councilSources : []),
      ...(at >= district.finance.at ? [demoFinanceSource(district.finance, 2 + councilSources.length)] : []),
    ],
    registry: district.units,
  });
  const reviews = demoReviewSchedule(session.db, district);
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
          ...(at >= district.council.at ? [sharedAt(at)] : []),
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
