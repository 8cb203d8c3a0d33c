import { columnIndex } from '../../domain/sheets/a1.js';

/**
 * Counts a worksheet part's rows, cells and highest column from its XML as it streams in, chunk
 * by chunk, holding only a partial tag between chunks. `<dimension>` is ignored: a file may claim
 * A1:A2 and hold a million rows. Cells without an `r` attribute sit right after the previous one.
 */
export class SheetXmlScanner {
  rows = 0;
  cells = 0;
  maxColumn = 0;
  private columnInRow = 0;
  private pending = '';

  /** Feed the next chunk of the part's bytes. */
  push(chunk: Uint8Array): void {
    let text = this.pending + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    this.pending = '';
    const lastOpen = text.lastIndexOf('<');
    if (lastOpen >= 0 && text.indexOf('>', lastOpen) < 0) {
      // A tag cut by the chunk boundary: kept for the next chunk (a tag longer than this is not a row or a cell).
      if (text.length - lastOpen <= MAX_PENDING_TAG) this.pending = text.slice(lastOpen);
      text = text.slice(0, lastOpen);
    }
    for (const match of text.matchAll(ROW_OR_CELL)) {
      if (match[1] === 'row') {
        this.rows++;
        this.columnInRow = 0;
        continue;
      }
      this.cells++;
      const letters = CELL_REF.exec(match[2] ?? '')?.[1];
      this.columnInRow = letters ? columnIndex(letters) + 1 : this.columnInRow + 1;
      if (this.columnInRow > this.maxColumn) this.maxColumn = this.columnInRow;
    }
  }
}

const MAX_PENDING_TAG = 4096;
/** `<row …>` and `<c …>` with any namespace prefix; not `<col>`, `<cols>` or `<cfRule>`. */
const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)(?=[\s>/])([^>]*)>/g;
const CELL_REF = /\sr\s*=\s*["']\$?([A-Za-z]{1,7})\$?\d*["']/;
