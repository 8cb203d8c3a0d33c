import type { CompiledForm } from '../forms/compile-form.js';
import type { FooterRow } from '../forms/footer-rows.js';
import { readFormTab, type SheetTab, type TabProblem } from '../forms/read-form-tab.js';
import type { FormSpec } from '../forms/form-spec.js';
import { applyCrossFormRules, type StoredRows } from '../rules/apply-cross-form-rules.js';
import { buildSubmissions, type SubmissionContent } from '../submissions/build-submissions.js';
import type { Unit } from '../units/unit.js';
import { routeSharedRows, type UnroutedRow } from './route-shared-rows.js';
import type { SharedSource } from './shared-source.js';

/** A shared sheet read: each unit's submissions with its rows' own times, the rows no unit took, and the counts. */
export interface SharedSheetReading {
  readonly headerRowNumber: number | undefined;
  readonly submissions: readonly SubmissionContent[];
  /** Each routed row's own time, by row number (rows of every unit: row numbers are the shared sheet's). */
  readonly timestamps: ReadonlyMap<number, Date>;
  readonly unrouted: readonly UnroutedRow[];
  readonly footerRows: readonly FooterRow[];
  readonly problems: readonly TabProblem[];
  /** rowsIn = stored rows (valid + rejected of every submission) + unrouted + footer rows. */
  readonly counts: {
    readonly rowsIn: number;
    readonly read: number;
    readonly valid: number;
    readonly rejected: number;
    readonly nil: number;
  };
}

/** The rules across forms for a shared sheet: every plan, and each unit's stored rows of the forms this one refers to. */
export interface SharedSheetRules {
  readonly specs: ReadonlyMap<string, FormSpec>;
  readonly storedOf: (unitId: string) => ReadonlyMap<string, StoredRows>;
}

/**
 * Route a shared sheet's rows to their units and read each unit's rows as its own tab of the form, with the
 * rules across forms applied per unit as to a unit's own file ('Phải có trong' against that unit's rows).
 * Throws when a row would be lost or counted twice (conservation: rows in = stored + unrouted + footer).
 */
export function readSharedSheet(
  tab: SheetTab,
  source: SharedSource,
  form: CompiledForm,
  units: readonly Unit[],
  rules?: SharedSheetRules,
): SharedSheetReading {
  const routing = routeSharedRows(tab, source, form.spec, units);
  const submissions: SubmissionContent[] = [];
  const timestamps = new Map<number, Date>();
  const footerRows: FooterRow[] = [];
  const problems: TabProblem[] = [...routing.problems];
  for (const routed of routing.units) {
    const reading = readFormTab(form, routed.tab);
    const routedRows = routed.tab.rows.filter(
      (r) => routing.headerRowNumber === undefined || r.rowNumber > routing.headerRowNumber,
    ).length;
    if (reading.rowsRead + reading.footer.length !== routedRows) {
      throw new Error(
        `Shared row conservation violated for unit ${routed.unit.id}: ${routedRows} routed, ${reading.rowsRead} read, ${reading.footer.length} footer`,
      );
    }
    // The header is the same for every unit: its problems are said once.
    for (const p of reading.problems) if (!problems.some((q) => q.message === p.message)) problems.push(p);
    const ruled = rules
      ? applyCrossFormRules(new Map([[form.spec.id, reading]]), rules.specs, rules.storedOf(routed.unit.id)).get(
          form.spec.id,
        )
      : undefined;
    submissions.push(...buildSubmissions(form.spec, routed.unit.id, ruled?.reading ?? reading, ruled?.coverage));
    footerRows.push(...reading.footer);
    for (const [row, at] of routed.timestamps) timestamps.set(row, at);
  }
  const stored = submissions.reduce(
    (sum, s) => ({
      read: sum.read + s.counts.read,
      valid: sum.valid + s.counts.valid,
      rejected: sum.rejected + s.counts.rejected,
      nil: sum.nil + s.counts.nil,
    }),
    { read: 0, valid: 0, rejected: 0, nil: 0 },
  );
  if (stored.read + routing.rejected.length + footerRows.length !== routing.rowsIn) {
    throw new Error(
      `Shared row conservation violated for ${source.id}: ${routing.rowsIn} rows in, ${stored.read} stored, ${routing.rejected.length} unrouted, ${footerRows.length} footer`,
    );
  }
  return {
    headerRowNumber: routing.headerRowNumber,
    submissions,
    timestamps,
    unrouted: routing.rejected,
    footerRows,
    problems,
    counts: {
      rowsIn: routing.rowsIn,
      read: stored.read + routing.rejected.length,
      valid: stored.valid,
      rejected: stored.rejected + routing.rejected.length,
      nil: stored.nil,
    },
  };
}
