import type { Firestore } from '@google-cloud/firestore';
import type { Config } from '../config.js';
import type { FormSpec } from '../domain/forms/form-spec.js';
import { formsInUse, openForms } from '../domain/plans/plans-in-use.js';
import type { ControlReading } from '../domain/units/read-control.js';
import type { ControlCache } from './control-cache.js';
import { openDistrictSheets, type DistrictSheets, type WorkbookPaths } from './district-sheets.js';
import { districtStores, type DistrictStores } from './district-stores.js';

/** A district opened for one run: its sheets, its control reading, its plans, its problems, its stores. */
export interface District {
  readonly sheets: DistrictSheets;
  readonly control: ControlReading;
  /** Every plan in use, closed ones included: swept, counted and summarized. */
  readonly forms: readonly FormSpec[];
  /** The plans still reminded of and given tabs (not closed). */
  readonly openForms: readonly FormSpec[];
  /** The control sheet's problems (registry, plans, settings), for the summary, the digest and the operator log. */
  readonly problems: readonly string[];
  readonly stores: DistrictStores;
  /** Whether the control reading came from the cache (its fingerprint had not moved). */
  readonly controlCached: boolean;
}

/** A control reading's plans and problems: every plan in use, the open ones, the problems to show. */
export function plansOfControl(
  control: ControlReading,
): Pick<District, 'control' | 'forms' | 'openForms' | 'problems'> {
  return { control, forms: formsInUse(control.plans), openForms: openForms(control.plans), problems: control.problems };
}

/**
 * Open a district: read its control sheet (through `cache` when given), take its plans and
 * problems, and the stores of `db`. The one place CLI commands and Cloud Functions open a district.
 */
export async function openDistrict(sheets: DistrictSheets, db: Firestore, cache?: ControlCache): Promise<District> {
  const { control, cached } = cache ? await cache.read(sheets) : { control: await sheets.readControl(), cached: false };
  return { sheets, ...plansOfControl(control), stores: districtStores(db), controlCached: cached };
}

/** Open the district as configured (TONGHOP_SOURCE: workbooks or Google Sheets); `paths` are the CLI's workbook options. */
export async function openConfiguredDistrict(
  config: Config,
  db: Firestore,
  paths: WorkbookPaths = {},
  cache?: ControlCache,
): Promise<District> {
  return openDistrict(await openDistrictSheets(config, db, paths), db, cache);
}
