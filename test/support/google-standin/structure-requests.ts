/**
 * batchUpdate requests that change a spreadsheet's structure: tabs, their properties, the grid's
 * size and row/column properties, and the spreadsheet's own properties.
 */
import { z } from 'zod';
import { copyPath, maskPaths, valueAt } from './field-mask.js';
import { newObjectId } from './ids.js';
import {
  anyObject,
  dimensionRangeSchema,
  int,
  nonNegative,
  parseRequest,
  tabById,
  type RequestContext,
  type RequestHandler,
} from './request-context.js';
import { sheetPropertiesResource } from './spreadsheet-resource.js';
import { newTab, parseCellKey, reindex, StandinStore, type SheetProperties, type StoredTab } from './spreadsheets.js';

const gridPropertiesSchema = z.looseObject({
  rowCount: int.min(1).optional(),
  columnCount: int.min(1).optional(),
  frozenRowCount: nonNegative.optional(),
  frozenColumnCount: nonNegative.optional(),
});

const addSheetSchema = z.looseObject({
  properties: z
    .looseObject({
      sheetId: nonNegative.optional(),
      title: z.string().min(1).optional(),
      index: nonNegative.optional(),
      hidden: z.boolean().optional(),
      gridProperties: gridPropertiesSchema.optional(),
    })
    .default({}),
});

const updatePropertiesSchema = z.looseObject({ properties: anyObject, fields: z.string().default('') });

function titleTaken(context: RequestContext, title: string, except?: StoredTab): boolean {
  return context.spreadsheet.sheets.some(
    (tab) => tab !== except && tab.properties.title.toLowerCase() === title.toLowerCase(),
  );
}

function refuseTakenTitle(context: RequestContext, title: string, except?: StoredTab): void {
  if (titleTaken(context, title, except))
    context.fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
}

/** Google names new tabs Sheet2, Sheet3… skipping names in use. */
function defaultTitle(context: RequestContext): string {
  for (let n = context.spreadsheet.sheets.length + 1; ; n++) if (!titleTaken(context, `Sheet${n}`)) return `Sheet${n}`;
}

function moveTab(context: RequestContext, tab: StoredTab, index: number): void {
  const sheets = context.spreadsheet.sheets;
  sheets.splice(sheets.indexOf(tab), 1);
  sheets.splice(Math.min(index, sheets.length), 0, tab);
  reindex(context.spreadsheet);
}

/** Drop the cells a shrunk grid no longer has. */
function dropCellsOutside(tab: StoredTab): void {
  const { rowCount, columnCount } = tab.properties.gridProperties;
  for (const key of [...tab.cells.keys()]) {
    const [row, column] = parseCellKey(key);
    if (row >= rowCount || column >= columnCount) tab.cells.delete(key);
  }
}

function addSheet(request: unknown, context: RequestContext): object | undefined {
  const { properties } = parseRequest(addSheetSchema, request, context);
  if (
    properties.sheetId !== undefined &&
    context.spreadsheet.sheets.some((tab) => tab.properties.sheetId === properties.sheetId)
  ) {
    context.fail(`A sheet with id ${properties.sheetId} already exists.`);
  }
  const title = properties.title ?? defaultTitle(context);
  refuseTakenTitle(context, title);
  const sheetId = properties.sheetId ?? newObjectId(context.spreadsheet);
  const tab = newTab({
    ...(properties as Partial<SheetProperties>),
    sheetId,
    title,
    index: context.spreadsheet.sheets.length,
  });
  context.spreadsheet.sheets.push(tab);
  moveTab(context, tab, properties.index ?? context.spreadsheet.sheets.length);
  return { addSheet: { properties: sheetPropertiesResource(tab.properties) } };
}

function deleteSheet(request: unknown, context: RequestContext): object | undefined {
  const { sheetId } = parseRequest(z.looseObject({ sheetId: int.default(0) }), request, context);
  const tab = tabById(context, sheetId);
  if (context.spreadsheet.sheets.length === 1) context.fail("You can't remove all the sheets in a document.");
  context.spreadsheet.sheets.splice(context.spreadsheet.sheets.indexOf(tab), 1);
  reindex(context.spreadsheet);
  return undefined;
}

const FIXED_SHEET_FIELDS = ['sheetId', 'sheetType'];

function updateSheetProperties(request: unknown, context: RequestContext): object | undefined {
  const { properties, fields } = parseRequest(updatePropertiesSchema, request, context);
  const sheetId = valueAt(properties, 'sheetId');
  const tab = tabById(context, typeof sheetId === 'number' ? sheetId : 0);
  const paths = maskPaths(fields);
  if (paths.length === 0) context.fail('You must specify which fields you want updated.');
  const expanded = paths.includes('*')
    ? Object.keys(properties).filter((key) => !FIXED_SHEET_FIELDS.includes(key))
    : paths;
  const updated = structuredClone(tab.properties) as SheetProperties & Record<string, unknown>;
  for (const path of expanded) {
    if (FIXED_SHEET_FIELDS.some((fixed) => path === fixed || path.startsWith(`${fixed}.`)))
      context.fail(`The field '${path}' cannot be updated.`);
    if (path !== 'index') copyPath(updated, properties, path);
  }
  const grid = gridPropertiesSchema.safeParse(updated.gridProperties ?? {});
  if (!grid.success || grid.data.rowCount === undefined || grid.data.columnCount === undefined)
    context.fail('gridProperties must keep rowCount and columnCount of at least 1.');
  if (typeof updated.title !== 'string' || updated.title === '') context.fail('A sheet must have a title.');
  refuseTakenTitle(context, updated.title, tab);
  if (updated.hidden === true && context.spreadsheet.sheets.every((t) => t === tab || t.properties.hidden))
    context.fail("You can't hide all the sheets in a document.");
  tab.properties = updated;
  dropCellsOutside(tab);
  const index = valueAt(properties, 'index');
  if (expanded.includes('index') && typeof index === 'number') moveTab(context, tab, index);
  return undefined;
}

function updateSpreadsheetProperties(request: unknown, context: RequestContext): object | undefined {
  const { properties, fields } = parseRequest(updatePropertiesSchema, request, context);
  const paths = maskPaths(fields);
  if (paths.length === 0) context.fail('You must specify which fields you want updated.');
  const expanded = paths.includes('*') ? Object.keys(properties) : paths;
  const updated = structuredClone(context.spreadsheet.properties);
  for (const path of expanded) copyPath(updated, properties, path);
  if (typeof updated.title !== 'string' || updated.title === '') context.fail('A spreadsheet must have a title.');
  context.spreadsheet.properties = updated;
  StandinStore.rename(context.file, updated.title);
  return undefined;
}

function appendDimension(request: unknown, context: RequestContext): object | undefined {
  const schema = z.looseObject({ sheetId: int.default(0), dimension: z.enum(['ROWS', 'COLUMNS']), length: int.min(1) });
  const { sheetId, dimension, length } = parseRequest(schema, request, context);
  const grid = tabById(context, sheetId).properties.gridProperties;
  if (dimension === 'ROWS') grid.rowCount += length;
  else grid.columnCount += length;
  return undefined;
}

/** Stored as asked (pixel sizes, hidden rows); nothing reads them back but `sheetOf`. */
function updateDimensionProperties(request: unknown, context: RequestContext): object | undefined {
  const schema = z.looseObject({ range: dimensionRangeSchema, properties: anyObject, fields: z.string().min(1) });
  const parsed = parseRequest(schema, request, context);
  tabById(context, parsed.range.sheetId).dimensionProperties.push(structuredClone(parsed));
  return undefined;
}

/** Accepted and ignored: the stand-in has no column widths to fit. */
function autoResizeDimensions(request: unknown, context: RequestContext): object | undefined {
  const { dimensions } = parseRequest(z.looseObject({ dimensions: dimensionRangeSchema }), request, context);
  tabById(context, dimensions.sheetId);
  return undefined;
}

export const STRUCTURE_REQUESTS = {
  addSheet,
  deleteSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
  appendDimension,
  updateDimensionProperties,
  autoResizeDimensions,
} as const satisfies Record<string, RequestHandler>;
