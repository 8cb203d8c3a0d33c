import { describe, expect, it } from 'vitest';

/** What the reliability suite tried and what went wrong, printed and asserted at its end. */
export const tally = { inputs: 0, crashes: 0, rowsLost: 0, duplicates: 0, unitsStoppedOthers: 0, reportsRedated: 0 };

/**
 * The closing check of a reliability file (each file runs in its own process, with its own tally):
 * prints the "Reliability: …" line and asserts more than `minInputs` inputs were tried and nothing went wrong.
 */
export function describeTallySummary(minInputs: number): void {
  describe('reliability summary', () => {
    it('tried every input, with no crash, no row lost and nothing stored twice', () => {
      process.stdout.write(
        `\nReliability: ${tally.inputs} inputs tried, ${tally.crashes} crashes, ${tally.rowsLost} rows lost, ${tally.duplicates} duplicates, ${tally.unitsStoppedOthers} units that stopped others, ${tally.reportsRedated} reports re-dated.\n`,
      );
      expect(tally.inputs).toBeGreaterThan(minInputs);
      const { crashes, rowsLost, duplicates, unitsStoppedOthers, reportsRedated } = tally;
      expect({ crashes, rowsLost, duplicates, unitsStoppedOthers, reportsRedated }).toEqual({ crashes: 0, rowsLost: 0, duplicates: 0, unitsStoppedOthers: 0, reportsRedated: 0 });
    });
  });
}
