import type { StoredSubmission } from '../../domain/summary/district-picture.js';
import type { SummaryStore } from '../summarize/ports.js';
import type { SourceState } from '../sweep/ports.js';

/** What one unit's ingest reads and writes: only that unit's documents and the statistics it touches. */
export interface UnitScopeStore extends Pick<SummaryStore, 'saveStats' | 'saveSourceState' | 'loadPlanDefinitions'> {
  loadUnitSubmissions(unitId: string): Promise<StoredSubmission[]>;
  /** Every unit's submission for one (form, period): what its statistics are computed from. */
  loadFormPeriodSubmissions(formId: string, periodId: string): Promise<StoredSubmission[]>;
  loadSourceState(unitId: string): Promise<SourceState | undefined>;
  /** Inputs hash of the stored statistics of (form, period), if any. */
  loadStatsHash(formId: string, periodId: string): Promise<string | undefined>;
}
