/** What the reliability suite tried and what went wrong, printed and asserted at its end. */
export const tally = { inputs: 0, crashes: 0, rowsLost: 0, duplicates: 0, unitsStoppedOthers: 0, reportsRedated: 0 };
