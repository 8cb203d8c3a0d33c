import type { SubmissionContent } from './build-submissions.js';

/**
 * Firestore refuses a document over 1 MiB (1,048,576 bytes), and a refused write used to stop the
 * whole sweep. A submission's stored fields must fit with room for its metadata (dates, revision,
 * the locked-change record), so the limit is set well below it.
 */
export const MAX_SUBMISSION_BYTES = 900_000;

/**
 * Stored size of a value as Firestore counts it (firebase.google.com/docs/firestore/storage-size):
 * strings are UTF-8 bytes + 1, numbers 8, booleans and null 1, maps the sum of their field names
 * (bytes + 1) and values, arrays the sum of their elements.
 */
export function firestoreValueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8') + 1;
  if (value instanceof Date) return 8;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + firestoreValueSize(item), 0);
  if (typeof value === 'object') {
    return Object.entries(value).reduce(
      (sum, [name, item]) =>
        item === undefined ? sum : sum + Buffer.byteLength(name, 'utf8') + 1 + firestoreValueSize(item),
      0,
    );
  }
  return 8;
}

/** Stored size of a submission's content (rows, rejected rows and their cells), the part that grows with the sheet. */
export function submissionContentSize(content: SubmissionContent): number {
  return firestoreValueSize({
    rows: content.rows,
    rejected: content.rejected,
    nilRows: content.nilRows,
    id: content.id,
    contentHash: content.contentHash,
  });
}
