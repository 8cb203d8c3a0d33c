import type { Unit } from '../../domain/units/unit.js';
import { RunStoppingError } from '../run-stopping-error.js';
import type { SourceState, SweepStore } from './ports.js';
import type { UnitSweepResult } from './sweep-unit.js';

/** What the unit and the district read when handling a unit's file failed unexpectedly. */
export function unitFailureMessage(unit: Unit): string {
  return `Hệ thống gặp lỗi khi xử lý tệp '${unit.source}' của đơn vị; dữ liệu đã lưu trước đó vẫn giữ nguyên và các đơn vị khác không bị ảnh hưởng. Quận Đoàn đã được báo và sẽ kiểm tra; lượt tổng hợp sau sẽ đọc lại tệp.`;
}

/**
 * Run `work` for one unit so that its failure stays its own: a RunStoppingError (store, quota,
 * credentials) still stops the run; anything else becomes this unit's problem, recorded with a
 * fingerprint of null so the next sweep reads the file again, and the other units go on.
 */
export async function isolateUnit(
  unit: Unit,
  previous: SourceState | undefined,
  store: SweepStore,
  work: () => Promise<UnitSweepResult>,
  onUnitError?: (unitId: string, error: unknown) => void,
): Promise<UnitSweepResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RunStoppingError) throw error;
    onUnitError?.(unit.id, error);
    const problems = [{ severity: 'error' as const, message: unitFailureMessage(unit) }];
    const current = {
      status: 'unreadable' as const,
      counts: previous?.counts ?? { read: 0, valid: 0, rejected: 0, nil: 0 },
    };
    const failed = {
      unitId: unit.id,
      outcome: 'unreadable' as const,
      rowsRead: 0,
      rowsValid: 0,
      rowsRejected: 0,
      problems,
      current,
    };
    // Failing the same way again is no news: a re-run writes nothing.
    if (
      previous?.status === 'unreadable' &&
      previous.specsHash === '' &&
      previous.problems[0]?.message === problems[0]?.message
    )
      return { ...failed, outcome: 'unchanged', submissionsWritten: 0, writes: 0 };
    const state: SourceState = {
      unitId: unit.id,
      specsHash: '',
      submissionHashes: previous?.submissionHashes ?? {},
      counts: current.counts,
      tabs: previous?.tabs ?? [],
      status: 'unreadable',
      fingerprint: null,
      contentHash: null,
      problems,
      // When "Bấm nộp" forms were submitted is not the failure's to forget.
      ...(previous?.explicit ? { explicit: previous.explicit } : {}),
    };
    return { ...failed, ...(await store.saveSourceState(state)) };
  }
}

/**
 * An unexpected error as an operator log line: its class, code and where it was thrown, never its
 * message (library messages may quote a cell the unit typed — personal data stays out of logs).
 */
export function operatorSummaryOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frame = error.stack
    ?.split('\n')
    .find((line) => line.trim().startsWith('at '))
    ?.trim();
  return [error.name, code === undefined ? undefined : `code ${String(code)}`, frame].filter(Boolean).join(', ');
}
