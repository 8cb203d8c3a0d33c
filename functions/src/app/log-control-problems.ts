import { controlProblemPlacesText } from '../domain/units/control-problem-places.js';
import type { OperatorFields, OperatorLog } from './operator-log.js';

/**
 * Control problems are never silent: one operator line with their count and where they are (tab
 * and row only: the messages may quote what district staff typed, names and emails among it).
 * The messages themselves go to the summary's "Lỗi dữ liệu" tab and the district digest.
 */
export function logControlProblems(log: OperatorLog, problems: readonly string[], fields: OperatorFields = {}): void {
  if (problems.length === 0) return;
  log(
    'WARNING',
    `control sheet has ${problems.length} problem(s); fix them in the control sheet (listed in the summary's "Lỗi dữ liệu" tab and by \`tonghop plans check\`)`,
    { ...fields, controlProblems: problems.length, places: controlProblemPlacesText(problems) },
  );
}
