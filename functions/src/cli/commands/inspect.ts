import type { Firestore } from '@google-cloud/firestore';
import { openConfiguredDistrict } from '../../app/open-district.js';
import type { Config } from '../../config.js';
import { sourceStateFromDoc } from '../../adapters/store/firestore-sweep-store.js';
import { COLLECTIONS } from '../../adapters/store/schema/collections.js';
import { CONVERTERS } from '../../adapters/store/schema/converters.js';
import { SUBMISSION_SUMMARY_FIELDS } from '../../adapters/store/schema/documents.js';
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
    const fields = opts.rows ? [...SUBMISSION_SUMMARY_FIELDS, 'rows'] : SUBMISSION_SUMMARY_FIELDS;
    let query = session.db
      .collection(COLLECTIONS.submissions)
      .select(...fields)
      .withConverter(CONVERTERS.submissionSummaries);
    if (opts.unit) query = query.where('unitId', '==', opts.unit);
    if (opts.form) query = query.where('formId', '==', opts.form);
    const submissions = (await query.get()).docs.map((d): InspectedSubmission => ({
      id: d.id,
      ...d.data(),
      rows: d.data().rows as InspectedSubmission['rows'],
    }));
    const sources = await session.db.collection(COLLECTIONS.sources).withConverter(CONVERTERS.sources).get();
    const control = await controlOf(config, session.db);
    if (submissions.length === 0)
      await refuseUnknownIds(
        session.db,
        opts,
        control,
        sources.docs.map((d) => d.id),
      );
    const problems = sources.docs
      .filter((d) => !opts.unit || d.id === opts.unit)
      .flatMap((d) => d.data().problems.map((p) => ({ unitId: d.id, ...p })));
    const origins: InspectedSource[] = sources.docs
      .filter((d) => !opts.unit || d.id === opts.unit)
      .map((d) => ({ unitId: d.id, origin: sourceStateFromDoc(d.id, d.data()).origin }))
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
  db: Firestore,
  opts: InspectCommandOptions,
  control: InspectedControl,
  sourceIds: readonly string[],
): Promise<void> {
  if (opts.unit !== undefined && !control.units.some((u) => u.id === opts.unit) && !sourceIds.includes(opts.unit)) {
    const stored = await db.collection(COLLECTIONS.submissions).where('unitId', '==', opts.unit).limit(1).get();
    if (stored.empty) throw new UsageError(INSPECT.unknownUnit(opts.unit));
  }
  if (opts.form !== undefined && !control.forms.some((f) => f.id === opts.form)) {
    const stored = await db.collection(COLLECTIONS.submissions).where('formId', '==', opts.form).limit(1).get();
    if (stored.empty) throw new UsageError(INSPECT.unknownForm(opts.form, control.forms.map((f) => f.id).join(', ')));
  }
}
