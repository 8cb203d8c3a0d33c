import type Table from 'cli-table3';

/** Result tables without lines between rows: denser, and still aligned with Vietnamese diacritics. */
export const COMPACT_TABLE: Table.TableConstructorOptions = {
  chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  style: { head: [], border: [], compact: true },
};
