import { tablesOf, type SummaryTab } from '../../domain/summary/summary-model.js';
import { displayLength, xlsxCellContent } from './summary-cells.js';
import { characterWidth, SUMMARY_FONTS, textWidth, type FontWidths } from './text-width.js';

/**
 * How a summary tab fits paper, shared by the .xlsx and the Google writers: column widths that
 * hold a Vietnamese word whole, the lines a wrapped cell needs, the row height for them, and
 * when a tab is wide enough to print in landscape.
 */

/** Column widths picked from the content stay within these bounds (characters). */
export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 40;
const WIDTH_PADDING = 2;
/** Wider than this (in characters, all columns) and the tab prints in landscape. */
export const PORTRAIT_MAX_WIDTH = 100;
/** Height of one line of 11 pt text, in points, and of the default row. */
export const LINE_HEIGHT_POINTS = 15;

/** Each column's width: the model's, or the longest header or shown value plus a margin (at most MAX_COLUMN_WIDTH); never narrower than its longest word. */
export function summaryColumnWidths(tab: SummaryTab): number[] {
  const tables = tablesOf(tab);
  const count = Math.max(0, ...tables.map((t) => t.columns.length));
  return Array.from({ length: count }, (_, c) => {
    let width = 0;
    let longestWord = 0;
    for (const table of tables) {
      const column = table.columns[c];
      if (!column) continue;
      const texts = [column.header, ...table.rows.map((row) => xlsxCellContent(row[c] ?? null, column.format).display)];
      // A loop, not Math.max(...rows): a city's tabs hold more rows than a call can take arguments.
      for (const text of texts) longestWord = Math.max(longestWord, longestWordLength(text));
      // The model's width is kept as given; one picked from the content stays within the bounds (longer texts wrap).
      const picked = texts.reduce((widest, text) => Math.max(widest, displayLength(text)), 0) + WIDTH_PADDING;
      width = Math.max(width, column.width ?? Math.min(picked, MAX_COLUMN_WIDTH));
    }
    return Math.max(width, Math.min(longestWord + WIDTH_PADDING, MAX_COLUMN_WIDTH), MIN_COLUMN_WIDTH);
  });
}

/**
 * Lines a text takes when wrapped at word boundaries in a column `width` characters wide, in the font that needs more
 * (text-width.ts). The padding around a column's text is outside its width: the text has all of it. `fontScale`: text
 * wider than the body text by this factor (bold, a bigger size).
 */
export function wrappedLineCount(text: string, width: number, fontScale = 1): number {
  const room = Math.max(1, width / fontScale);
  return Math.max(...SUMMARY_FONTS.map((font) => linesIn(text.normalize('NFC'), room, font)));
}

function linesIn(text: string, room: number, font: FontWidths): number {
  const space = characterWidth(' ', font);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = textWidth(word, font);
      if (used === 0) used = length;
      else if (used + space + length <= room) used += space + length;
      else {
        lines += 1;
        used = length;
      }
      // A word longer than the column is broken where it reaches the edge.
      while (used > room) {
        lines += 1;
        used -= room;
      }
    }
  }
  return Math.max(1, lines);
}

/** Height in points of a row whose cells show these texts in columns of these widths (`fontScale`: see wrappedLineCount). */
export function rowHeightFor(texts: readonly string[], widths: readonly number[], fontScale = 1): number {
  const lines = texts.reduce(
    (most, text, c) =>
      Math.max(most, text === '' ? 1 : wrappedLineCount(text, widths[c] ?? MIN_COLUMN_WIDTH, fontScale)),
    1,
  );
  return lines * LINE_HEIGHT_POINTS;
}

/** Charts side by side below the tables: two, or three when there are many, so the front page stays one legible page. */
export function chartsPerRow(chartCount: number): number {
  return chartCount > 4 ? 3 : 2;
}

/** True when the tab's columns are too wide for a portrait page. */
export function printsInLandscape(widths: readonly number[]): boolean {
  return widths.reduce((sum, w) => sum + w, 0) > PORTRAIT_MAX_WIDTH;
}

function longestWordLength(text: string): number {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .reduce((longest, word) => Math.max(longest, [...word].length), 0);
}
