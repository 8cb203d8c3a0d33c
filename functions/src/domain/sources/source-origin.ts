/** Where a unit's data came from, as the sweep that last read it saw it. */
export const SOURCE_KINDS = ['workbook', 'google-sheet', 'drive-xlsx', 'mailbox', 'shared'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A source's kind and the file (name, or Drive id) it was read from. */
export interface SourceOrigin {
  readonly kind: SourceKind;
  readonly file: string;
}

/**
 * The origin to record after a sweep looked at a unit's file: what the reader reports, except that a
 * workbook (or Drive .xlsx) the mailbox placed stays 'mailbox' for as long as its fingerprint has not moved (the
 * scheduled sweep reads the same file the mail brought; only a file replaced by hand becomes 'workbook').
 */
export function originAfterRead(
  reported: SourceOrigin,
  previous: SourceOrigin | undefined,
  sameFileAsBefore: boolean,
): SourceOrigin {
  if (
    (reported.kind === 'workbook' || reported.kind === 'drive-xlsx') &&
    previous?.kind === 'mailbox' &&
    previous.file === reported.file &&
    sameFileAsBefore
  )
    return previous;
  return reported;
}

/** The Vietnamese words for where a unit's data comes from ("Nguồn: …" in `tonghop inspect`). */
export function sourceOriginLabel(origin: SourceOrigin): string {
  switch (origin.kind) {
    case 'google-sheet':
      return 'Google Trang tính';
    case 'drive-xlsx':
      return 'Tệp Excel trên Drive';
    case 'workbook':
      return 'Tệp Excel trong thư mục';
    case 'mailbox':
      return 'Thư điện tử';
    case 'shared':
      return `Bảng chung '${origin.file}'`;
  }
}

/** Two origins name the same kind and file. */
export function sameOrigin(a: SourceOrigin | undefined, b: SourceOrigin | undefined): boolean {
  return a?.kind === b?.kind && a?.file === b?.file;
}
