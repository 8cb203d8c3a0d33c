import { foldForMatch } from '../domain/cells/fold.js';
import type { WritableCell } from '../adapters/sheet-layout/write-sheet-layout.js';
import type { DemoMistake } from './demo-mistakes.js';
import type { RowRecord } from './demo-profile.js';
import type { Prng } from './prng.js';

/**
 * Seed 003's rules across forms, broken on purpose in a chi đoàn's evaluations: one evaluation of a
 * person who never registered, one member evaluated twice in one phase. A registration row rejected
 * for a typing mistake also takes that member's evaluations with it (the member is not registered).
 */

const REGISTRATION = 'ren-luyen-2014-dang-ky';
const EVALUATION = 'ren-luyen-2014-danh-gia';

/** Names of people who never registered: the first one no member carries is used. */
const STRANGERS = ['Võ Thành Trung', 'Đặng Thị Mỹ Linh', 'Lâm Quốc Bảo'];

export interface RuleBreaks {
  /** The planted breaks, as mistakes of the evaluation's 'Họ và tên' column (each rejects one row). */
  readonly breaks: DemoMistake[];
  /** Evaluation rows rejected only because their member's registration row was rejected. */
  readonly cascaded: number;
}

/**
 * Plant the two breaks in rows free of other mistakes whose members registered cleanly (records are changed
 * in place), and count the evaluations a rejected registration row takes with it. Evaluation rows are the
 * registration's members in order, phase after phase.
 */
export function plantRuleBreaks(
  records: ReadonlyMap<string, RowRecord[]>,
  mistakes: readonly DemoMistake[],
  rng: Prng,
): RuleBreaks {
  const registered = records.get(REGISTRATION) ?? [];
  const evaluations = records.get(EVALUATION) ?? [];
  const members = registered.length;
  if (members < 2 || evaluations.length < 2) return { breaks: [], cascaded: 0 };
  const rowsWith = (formId: string) => new Set(mistakes.filter((m) => m.formId === formId).map((m) => m.rowIndex));
  const badRegistration = rowsWith(REGISTRATION);
  const badEvaluation = rowsWith(EVALUATION);
  const clean = (i: number) => !badEvaluation.has(i) && !badRegistration.has(i % members);

  const breaks: DemoMistake[] = [];
  const used = new Set<number>();
  // The second of two neighbouring rows of one phase repeats the first one's name.
  const twice = rng.shuffle(evaluations.map((_, i) => i).filter((i) => i % members > 0 && clean(i) && clean(i - 1)))[0];
  const repeated = twice === undefined ? undefined : evaluations[twice - 1]?.hoTen;
  if (twice !== undefined && repeated !== undefined) {
    breaks.push(breakAt(evaluations, twice, repeated, 'đánh giá một đoàn viên hai lần trong cùng đợt'));
    used.add(twice).add(twice - 1);
  }
  const names = new Set(registered.map((r) => foldForMatch(String(r.hoTen ?? ''))));
  const stranger = STRANGERS.find((name) => !names.has(foldForMatch(name)));
  const unregistered = rng.shuffle(evaluations.map((_, i) => i).filter((i) => clean(i) && !used.has(i)))[0];
  if (stranger !== undefined && unregistered !== undefined) {
    breaks.push(breakAt(evaluations, unregistered, stranger, 'đánh giá một người chưa đăng ký rèn luyện'));
    used.add(unregistered);
  }
  const cascaded = evaluations.filter(
    (_, i) => !badEvaluation.has(i) && !used.has(i) && badRegistration.has(i % members),
  ).length;
  return { breaks, cascaded };
}

function breakAt(evaluations: RowRecord[], rowIndex: number, name: WritableCell, why: string): DemoMistake {
  const record = evaluations[rowIndex];
  if (record) record.hoTen = name;
  return { formId: EVALUATION, rowIndex, columnKey: 'hoTen', value: name, why };
}
