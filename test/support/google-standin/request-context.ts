/**
 * What every `spreadsheets:batchUpdate` request handler works with: the draft spreadsheet, a way
 * to refuse the request in Google's words, and the shared shapes (GridRange) checked with zod.
 */
import { z } from 'zod';
import type { Box } from './a1.js';
import { invalidArgument } from './errors.js';
import type { GridRange, StoredFile, StoredSpreadsheet, StoredTab } from './spreadsheets.js';
import { gridLimitError } from './values.js';

export interface RequestContext {
  /** A draft: it replaces the stored file only when every request of the batch succeeded. */
  readonly file: StoredFile;
  readonly spreadsheet: StoredSpreadsheet;
  /** Refuse this request with Google's 400: `Invalid requests[i].kind: message`. */
  fail(message: string): never;
}

/** Carries out one request on the draft; returns its reply, or undefined for a request Google answers with `{}`. */
export type RequestHandler = (request: unknown, context: RequestContext) => object | undefined;

export const int = z.number().int();
export const nonNegative = int.min(0);

/** Proto3 defaults: a GridRange without sheetId is on sheet 0. */
export const gridRangeSchema = z.looseObject({
  sheetId: int.default(0),
  startRowIndex: nonNegative.optional(),
  endRowIndex: nonNegative.optional(),
  startColumnIndex: nonNegative.optional(),
  endColumnIndex: nonNegative.optional(),
});

export const dimensionRangeSchema = z.looseObject({
  sheetId: int.default(0),
  dimension: z.enum(['ROWS', 'COLUMNS']),
  startIndex: nonNegative.optional(),
  endIndex: nonNegative.optional(),
});

export const anyObject = z.looseObject({});

export function contextFor(file: StoredFile, index: number, kind: string): RequestContext {
  const spreadsheet = file.spreadsheet;
  if (!spreadsheet) throw invalidArgument('This operation is not supported for this document');
  return {
    file,
    spreadsheet,
    fail(message) {
      throw invalidArgument(`Invalid requests[${index}].${kind}: ${message}`);
    },
  };
}

/** The request body checked against `schema`, or Google's 400 naming the first offending field. */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown, context: RequestContext): z.output<S> {
  const parsed = schema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return context.fail(`${issue?.path.join('.') || '(request)'}: ${issue?.message ?? 'invalid'}`);
}

export function tabById(context: RequestContext, sheetId: number): StoredTab {
  return (
    context.spreadsheet.sheets.find((tab) => tab.properties.sheetId === sheetId) ??
    context.fail(`No grid with id: ${sheetId}`)
  );
}

/** The box a GridRange covers (open ends run to the grid's edge); 400 when its sheet is unknown or it leaves the grid. */
export function boxOf(context: RequestContext, range: GridRange): { tab: StoredTab; box: Box } {
  const tab = tabById(context, range.sheetId);
  const { rowCount, columnCount } = tab.properties.gridProperties;
  const box: Box = {
    startRow: range.startRowIndex ?? 0,
    endRow: range.endRowIndex ?? rowCount,
    startColumn: range.startColumnIndex ?? 0,
    endColumn: range.endColumnIndex ?? columnCount,
  };
  if (box.endRow < box.startRow || box.endColumn < box.startColumn)
    context.fail('The range has its end before its start.');
  if (box.endRow > rowCount || box.endColumn > columnCount) context.fail(gridLimitError(tab, box).message);
  return { tab, box };
}
