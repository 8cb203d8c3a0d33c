import type { FormSpec } from '../../domain/forms/form-spec.js';
import type { Unit } from '../../domain/units/unit.js';

/** What provisioning did for one unit's spreadsheet. */
export interface ProvisionedUnit {
  readonly unitId: string;
  readonly spreadsheetId: string;
  readonly url: string;
  readonly created: boolean;
  /** Tabs added now (form tabs and the help tab); empty when the spreadsheet was complete. */
  readonly tabsAdded: readonly string[];
  /** Contact addresses it was shared with now. */
  readonly sharedWith: readonly string[];
}

/** A unit that gets no spreadsheet, and why (in Vietnamese): its data comes from a file it uploads itself. */
export interface SkippedUnit {
  readonly unitId: string;
  readonly skipped: string;
}

/** Creates or completes unit spreadsheets (Google Sheets). */
export interface UnitProvisioner {
  /** Once before the units: find what exists already. */
  prepare(): Promise<void>;
  /** Throws when the spreadsheet could not be created or completed; the message says why, for the operator. */
  provision(unit: Unit, forms: readonly FormSpec[]): Promise<ProvisionedUnit | SkippedUnit>;
}

/** The control sheet's unit registry, where each unit's spreadsheet id is recorded. */
export interface UnitRegistry {
  /** Add the control sheet's optional tabs when missing (the forms list, the district settings); returns the tabs added. */
  completeControl(): Promise<string[]>;
  /** Write each unit's spreadsheet id into its row ('Tệp báo cáo'); returns how many cells changed. */
  recordSources(sources: ReadonlyMap<string, string>): Promise<number>;
}
