import type { Firestore } from '@google-cloud/firestore';
import { FirestoreSweepStore } from '../../functions/src/adapters/store/firestore-sweep-store.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { UnitSheetSource } from '../../functions/src/jobs/sweep/ports.js';
import { sweep, type SweepResult } from '../../functions/src/jobs/sweep/sweep.js';
import { builtinForm } from '../support/forms.js';
import type { TestCell } from '../support/workbooks.js';
import { tally } from './tally.js';
import { testUnit } from '../support/builders.js';

/** The form every reliability sweep reads, and what a unit's rows look like. */
export const TAB = 'Đăng ký tập huấn';
export const FORMS = [builtinForm('tap-huan-2024')];
export const SENT_AT = new Date('2024-09-14T02:00:00Z');
export const NOW = new Date('2024-09-16T01:00:00Z');
export const person = (i: number, phone: TestCell = '0983018027'): TestCell[] => [
  i,
  `Đội viên ${i}`,
  'TPT',
  i % 2 ? 'Nữ' : 'Nam',
  '12/3/1990',
  phone,
  null,
  'Tập huấn',
  'Có',
  null,
];
export const school = (id: string, source = `${id}.xlsx`): Unit => testUnit(id, { level: 'Tiểu học', source });

/** Sweep, counting the inputs, a crash if it throws, and rows lost against the rows each readable input holds. */
export async function countedSweep(
  units: readonly Unit[],
  source: UnitSheetSource,
  db: Firestore,
  rowsSent: ReadonlyMap<string, number>,
): Promise<SweepResult | undefined> {
  tally.inputs += units.length;
  let result: SweepResult;
  try {
    result = await sweep({ units, forms: FORMS, source, store: new FirestoreSweepStore(db), now: NOW });
  } catch {
    tally.crashes++;
    return undefined;
  }
  for (const u of result.units) {
    const sent = rowsSent.get(u.unitId);
    if (sent !== undefined && u.current.status === 'ok') tally.rowsLost += Math.abs(sent - u.current.counts.read);
  }
  return result;
}
