/**
 * batchUpdate requests that put things on a tab's cells: values and formats (updateCells,
 * repeatCell), data validation, protected ranges, the basic filter, conditional formats, charts.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import type { Box } from './a1.js';
import { storedFromExtended, type NumberFormat } from './cell-values.js';
import { maskCovers } from './field-mask.js';
import { newObjectId } from './ids.js';
import {
  anyObject,
  boxOf,
  gridRangeSchema,
  int,
  nonNegative,
  parseRequest,
  tabById,
  type RequestContext,
  type RequestHandler,
} from './request-context.js';
import { cellKey, type GridRange, type StoredTab } from './spreadsheets.js';
import { setCell } from './values.js';

const cellDataSchema = z.looseObject({
  userEnteredValue: anyObject.optional(),
  userEnteredFormat: anyObject.optional(),
});

/** Write one CellData onto a cell, touching only what the mask names. */
function applyCellData(
  tab: StoredTab,
  row: number,
  column: number,
  data: z.output<typeof cellDataSchema>,
  fields: string,
): void {
  if (maskCovers(fields, 'userEnteredValue')) setCell(tab, row, column, storedFromExtended(data.userEnteredValue));
  if (maskCovers(fields, 'userEnteredFormat.numberFormat')) {
    const format = (data.userEnteredFormat as sheets_v4.Schema$CellFormat | undefined)?.numberFormat;
    if (format?.type)
      tab.numberFormats.set(cellKey(row, column), {
        type: format.type,
        ...(format.pattern ? { pattern: format.pattern } : {}),
      } as NumberFormat);
    else tab.numberFormats.delete(cellKey(row, column));
  }
}

function eachCell(box: Box, visit: (row: number, column: number) => void): void {
  for (let row = box.startRow; row < box.endRow; row++)
    for (let column = box.startColumn; column < box.endColumn; column++) visit(row, column);
}

function repeatCell(request: unknown, context: RequestContext): object | undefined {
  const { range, cell, fields } = parseRequest(
    z.looseObject({ range: gridRangeSchema, cell: cellDataSchema.default({}), fields: z.string().min(1) }),
    request,
    context,
  );
  const { tab, box } = boxOf(context, range);
  tab.formats.push({ range: structuredClone(range), cell: structuredClone(cell) as sheets_v4.Schema$CellData, fields });
  if (maskCovers(fields, 'userEnteredValue'))
    eachCell(box, (row, column) => setCell(tab, row, column, storedFromExtended(cell.userEnteredValue)));
  return undefined;
}

const updateCellsSchema = z.looseObject({
  rows: z.array(z.looseObject({ values: z.array(cellDataSchema).default([]) })).default([]),
  fields: z.string().min(1),
  start: z
    .looseObject({ sheetId: int.default(0), rowIndex: nonNegative.default(0), columnIndex: nonNegative.default(0) })
    .optional(),
  range: gridRangeSchema.optional(),
});

/** From `start`, the rows as given; over a `range`, cells the rows leave out are cleared (for the masked fields). */
function updateCells(request: unknown, context: RequestContext): object | undefined {
  const { rows, fields, start, range } = parseRequest(updateCellsSchema, request, context);
  if ((start === undefined) === (range === undefined)) context.fail("Exactly one of 'start' or 'range' must be set.");
  const height = rows.length;
  const width = Math.max(0, ...rows.map((line) => line.values.length));
  const target = range
    ? boxOf(context, range)
    : boxOf(context, {
        sheetId: start?.sheetId ?? 0,
        startRowIndex: start?.rowIndex,
        endRowIndex: (start?.rowIndex ?? 0) + height,
        startColumnIndex: start?.columnIndex,
        endColumnIndex: (start?.columnIndex ?? 0) + width,
      });
  const { tab, box } = target;
  if (height > box.endRow - box.startRow || width > box.endColumn - box.startColumn)
    context.fail('The rows do not fit in the range.');
  eachCell(box, (row, column) => {
    const data = rows[row - box.startRow]?.values[column - box.startColumn];
    if (data || range) applyCellData(tab, row, column, data ?? {}, fields);
  });
  return undefined;
}

function setDataValidation(request: unknown, context: RequestContext): object | undefined {
  const { range, rule } = parseRequest(
    z.looseObject({ range: gridRangeSchema, rule: anyObject.optional() }),
    request,
    context,
  );
  const { tab, box } = boxOf(context, range);
  const same = (other: GridRange) => JSON.stringify(other) === JSON.stringify(range);
  // No rule clears every validation inside the range, as Sheets does; a rule replaces one set on the same range.
  const inside = (other: GridRange) =>
    (other.startRowIndex ?? 0) >= box.startRow &&
    (other.endRowIndex ?? Infinity) <= box.endRow &&
    (other.startColumnIndex ?? 0) >= box.startColumn &&
    (other.endColumnIndex ?? Infinity) <= box.endColumn;
  tab.validations = tab.validations.filter((validation) =>
    rule ? !same(validation.range) : !inside(validation.range),
  );
  if (rule)
    tab.validations.push({
      range: structuredClone(range),
      rule: structuredClone(rule) as sheets_v4.Schema$DataValidationRule,
    });
  return undefined;
}

const protectedRangeSchema = z.looseObject({
  protectedRangeId: nonNegative.optional(),
  range: gridRangeSchema.optional(),
  namedRangeId: z.string().optional(),
});

function addProtectedRange(request: unknown, context: RequestContext): object | undefined {
  const { protectedRange } = parseRequest(z.looseObject({ protectedRange: protectedRangeSchema }), request, context);
  if (!protectedRange.range)
    context.fail('The stand-in protects GridRanges only (namedRangeId is not supported); set protectedRange.range.');
  const { tab } = boxOf(context, protectedRange.range);
  const everyRange = context.spreadsheet.sheets.flatMap((t) => t.protectedRanges);
  if (
    protectedRange.protectedRangeId !== undefined &&
    everyRange.some((p) => p.protectedRangeId === protectedRange.protectedRangeId)
  ) {
    context.fail(`A protected range with id ${protectedRange.protectedRangeId} already exists.`);
  }
  const stored = {
    ...structuredClone(protectedRange),
    protectedRangeId: protectedRange.protectedRangeId ?? newObjectId(context.spreadsheet),
  } as sheets_v4.Schema$ProtectedRange;
  tab.protectedRanges.push(stored);
  return { addProtectedRange: { protectedRange: structuredClone(stored) } };
}

function deleteProtectedRange(request: unknown, context: RequestContext): object | undefined {
  const { protectedRangeId } = parseRequest(z.looseObject({ protectedRangeId: int }), request, context);
  const tab = context.spreadsheet.sheets.find((t) =>
    t.protectedRanges.some((p) => p.protectedRangeId === protectedRangeId),
  );
  if (!tab) context.fail(`No protected range with id: ${protectedRangeId}`);
  tab.protectedRanges = tab.protectedRanges.filter((p) => p.protectedRangeId !== protectedRangeId);
  return undefined;
}

function setBasicFilter(request: unknown, context: RequestContext): object | undefined {
  const { filter } = parseRequest(
    z.looseObject({ filter: z.looseObject({ range: gridRangeSchema }) }),
    request,
    context,
  );
  boxOf(context, filter.range).tab.basicFilter = structuredClone(filter) as sheets_v4.Schema$BasicFilter;
  return undefined;
}

function clearBasicFilter(request: unknown, context: RequestContext): object | undefined {
  const { sheetId } = parseRequest(z.looseObject({ sheetId: int.default(0) }), request, context);
  delete tabById(context, sheetId).basicFilter;
  return undefined;
}

function addConditionalFormatRule(request: unknown, context: RequestContext): object | undefined {
  const schema = z.looseObject({
    rule: z.looseObject({ ranges: z.array(gridRangeSchema).min(1) }),
    index: nonNegative.default(0),
  });
  const { rule, index } = parseRequest(schema, request, context);
  const tabs = new Set(rule.ranges.map((range) => boxOf(context, range).tab));
  const [tab] = tabs;
  if (!tab || tabs.size > 1) context.fail('All ranges of a conditional format rule must be on the same sheet.');
  if (index > tab.conditionalFormats.length)
    context.fail(`Index ${index} is past the end of the ${tab.conditionalFormats.length} rules of the sheet.`);
  tab.conditionalFormats.splice(index, 0, structuredClone(rule) as sheets_v4.Schema$ConditionalFormatRule);
  return undefined;
}

function deleteConditionalFormatRule(request: unknown, context: RequestContext): object | undefined {
  const { sheetId, index } = parseRequest(
    z.looseObject({ sheetId: int.default(0), index: nonNegative.default(0) }),
    request,
    context,
  );
  const tab = tabById(context, sheetId);
  const [rule] = tab.conditionalFormats.splice(index, 1);
  if (!rule) context.fail(`No conditional format on sheet: ${sheetId} at index: ${index}`);
  return { deleteConditionalFormatRule: { rule } };
}

const chartSchema = z.looseObject({
  chartId: nonNegative.optional(),
  spec: anyObject,
  position: z.looseObject({
    overlayPosition: z
      .looseObject({
        anchorCell: z.looseObject({
          sheetId: int.default(0),
          rowIndex: nonNegative.optional(),
          columnIndex: nonNegative.optional(),
        }),
      })
      .optional(),
  }),
});

function chartTab(context: RequestContext, objectId: number): StoredTab | undefined {
  return context.spreadsheet.sheets.find((tab) => tab.charts.some((chart) => chart.chartId === objectId));
}

/** Charts floating over a tab (overlayPosition) only: charts on their own sheet are not modelled. */
function addChart(request: unknown, context: RequestContext): object | undefined {
  const { chart } = parseRequest(z.looseObject({ chart: chartSchema }), request, context);
  const anchor = chart.position.overlayPosition?.anchorCell;
  if (!anchor)
    context.fail('The stand-in supports charts with position.overlayPosition only (not newSheet or sheetId).');
  const tab = tabById(context, anchor.sheetId);
  if (chart.chartId !== undefined && chartTab(context, chart.chartId))
    context.fail(`An object with id ${chart.chartId} already exists.`);
  const stored = {
    ...structuredClone(chart),
    chartId: chart.chartId ?? newObjectId(context.spreadsheet),
  } as sheets_v4.Schema$EmbeddedChart;
  tab.charts.push(stored);
  return { addChart: { chart: structuredClone(stored) } };
}

function deleteEmbeddedObject(request: unknown, context: RequestContext): object | undefined {
  const { objectId } = parseRequest(z.looseObject({ objectId: int }), request, context);
  const tab = chartTab(context, objectId);
  if (!tab) context.fail(`No object with id: ${objectId}`);
  tab.charts = tab.charts.filter((chart) => chart.chartId !== objectId);
  return undefined;
}

export const CONTENT_REQUESTS = {
  repeatCell,
  updateCells,
  setDataValidation,
  addProtectedRange,
  deleteProtectedRange,
  setBasicFilter,
  clearBasicFilter,
  addConditionalFormatRule,
  deleteConditionalFormatRule,
  addChart,
  deleteEmbeddedObject,
} as const satisfies Record<string, RequestHandler>;
