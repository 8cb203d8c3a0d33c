import { describe, expect, it } from 'vitest';

/** What the reliability suite tried and what went wrong, printed and asserted at its end. */
export const tally = {
  inputs: 0,
  crashes: 0,
  rowsLost: 0,
  duplicates: 0,
  unitsStoppedOthers: 0,
  reportsRedated: 0,
  cellsChangedOnDisk: 0,
};

/**
 * The closing check of a reliability file (each file has its own tally: vitest.config.ts gives these files fresh modules):
 * prints the "Reliability: …" line and asserts more than `minInputs` inputs were tried and nothing went wrong.
 * `cellsChangedOnDisk`: cells a unit typed that differ after our write-back (counted where a scenario writes back).
 */
export function describeTallySummary(minInputs: number): void {
  describe('reliability summary', () => {
    it('tried every input, with no crash, no row lost, nothing stored twice and no typed cell changed', () => {
      process.stdout.write(
        `\nReliability: ${tally.inputs} inputs tried, ${tally.crashes} crashes, ${tally.rowsLost} rows lost, ${tally.duplicates} duplicates, ${tally.unitsStoppedOthers} units that stopped others, ${tally.reportsRedated} reports re-dated, ${tally.cellsChangedOnDisk} cells changed on disk.\n`,
      );
      expect(tally.inputs).toBeGreaterThan(minInputs);
      const { crashes, rowsLost, duplicates, unitsStoppedOthers, reportsRedated, cellsChangedOnDisk } = tally;
      expect({ crashes, rowsLost, duplicates, unitsStoppedOthers, reportsRedated, cellsChangedOnDisk }).toEqual({
        crashes: 0,
        rowsLost: 0,
        duplicates: 0,
        unitsStoppedOthers: 0,
        reportsRedated: 0,
        cellsChangedOnDisk: 0,
      });
    });
  });
}
