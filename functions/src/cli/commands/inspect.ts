import type { Firestore } from '@google-cloud/firestore';
import { openConfiguredDistrict } from '../../app/open-district.js';
import type { Config } from '../../config.js';
import { FirestoreInspection } from '../../adapters/store/firestore-inspection.js';
import { openFirestore } from '../firestore-session.js';
import {
  printInspectReport,
  sourceText,
  type InspectedControl,
  type InspectedSource,
  type InspectedSubmission,
} from '../inspect-report.js';
import { INSPECT } from '../messages.js';
import { UsageError } from '../usage-error.js';
import type { CommandContext } from './context.js';

export interface InspectCommandOptions {
  readonly unit?: string;
  readonly form?: string;
  /** Also the values of each valid row (in --json too). */
  readonly rows?: boolean;
}

/** The control sheet's plans and units, for their names; empty when the control cannot be read (ids are shown instead). */
async function controlOf(config: Config, db: Firestore): Promise<InspectedControl> {
  try {
    const district = await openConfiguredDistrict(config, db);
    return { forms: district.forms, units: district.control.units };
  } catch {
    return { forms: [], units: [] };
  }
}

/** `tonghop inspect [--unit <id>] [--form <id>] [--rows]`: what Firestore holds, readable after the demo or a sweep has exited. */
export async function inspectCommand({ config, out }: CommandContext, opts: InspectCommandOptions): Promise<void> {
  const session = await openFirestore(config, out);
  try {
    const store = new FirestoreInspection(session.db);
    const stored = await store.submissions({
      unitId: opts.unit || undefined,
      formId: opts.form || undefined,
      withRows: Boolean(opts.rows),
    });
    const submissions = stored.map((s): InspectedSubmission => ({ ...s, rows: s.rows as InspectedSubmission['rows'] }));
    const sources = await store.sources();
    const control = await controlOf(config, session.db);
    if (submissions.length === 0)
      await refuseUnknownIds(
        store,
        opts,
        control,
        sources.map((s) => s.unitId),
      );
    const shown = sources.filter((s) => !opts.unit || s.unitId === opts.unit);
    const problems = shown.flatMap((s) => s.problems.map((p) => ({ unitId: s.unitId, ...p })));
    const origins: InspectedSource[] = shown
      .map(({ unitId, origin }) => ({ unitId, origin }))
      .sort((a, b) => a.unitId.localeCompare(b.unitId));
    if (out.json) {
      const formName = (formId: string) => control.forms.find((f) => f.id === formId)?.title ?? null;
      const unitName = (unitId: string) => control.units.find((u) => u.id === unitId)?.name ?? null;
      const sourcesJson = origins.map((o) => ({
        unitId: o.unitId,
        unitName: unitName(o.unitId),
        kind: o.origin?.kind ?? null,
        file: o.origin?.file ?? null,
        label: sourceText(o.origin),
      }));
      out.printJson({
        submissions: submissions.map((s) => ({ ...s, formName: formName(s.formId), unitName: unitName(s.unitId) })),
        problems,
        sources: sourcesJson,
      });
      return;
    }
    printInspectReport(out, {
      submissions,
      problems,
      sources: origins,
      control,
      unit: opts.unit,
      rows: Boolean(opts.rows),
    });
  } finally {
    await session.close({ persist: false });
  }
}

/** A filter that matches nothing because its id exists nowhere is a mistyped id, not an empty Firestore. */
async function refuseUnknownIds(
  store: FirestoreInspection,
  opts: InspectCommandOptions,
  control: InspectedControl,
  sourceIds: readonly string[],
): Promise<void> {
  if (opts.unit !== undefined && !control.units.some((u) => u.id === opts.unit) && !sourceIds.includes(opts.unit)) {
    if (!(await store.holdsSubmissionOf('unitId', opts.unit))) throw new UsageError(INSPECT.unknownUnit(opts.unit));
  }
  if (opts.form !== undefined && !control.forms.some((f) => f.id === opts.form)) {
    if (!(await store.holdsSubmissionOf('formId', opts.form)))
      throw new UsageError(INSPECT.unknownForm(opts.form, control.forms.map((f) => f.id).join(', ')));
  }
}
