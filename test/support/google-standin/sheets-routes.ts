/**
 * Sheets v4 routes: spreadsheets.get/create/batchUpdate and values.batchGet/batchUpdate/batchClear.
 * Access follows Google: no such spreadsheet → 404, not shared with the caller (or read-only for a
 * write) → 403.
 */
import { z } from 'zod';
import { applyBatchUpdate } from './batch-update.js';
import {
  DATE_TIME_RENDER_OPTIONS,
  VALUE_INPUT_OPTIONS,
  VALUE_RENDER_OPTIONS,
  type DateTimeRenderOption,
  type RenderOptions,
  type ValueRenderOption,
} from './cell-values.js';
import { invalidArgument, permissionDenied, sheetsNotFound } from './errors.js';
import type { Route, RouteReply, RouteRequest } from './server.js';
import { spreadsheetResource } from './spreadsheet-resource.js';
import {
  SPREADSHEET_MIME_TYPE,
  type SheetProperties,
  type StandinStore,
  type StoredFile,
  type StoredSpreadsheet,
} from './spreadsheets.js';
import {
  clearValues,
  MAJOR_DIMENSIONS,
  readValues,
  resolveRange,
  writeValues,
  type MajorDimension,
  type WriteResult,
} from './values.js';

const ID = '([^/:]+)';

/** The spreadsheet of a file; Drive files of other kinds are refused as Google does. */
function spreadsheetOf(file: StoredFile): StoredSpreadsheet {
  if (!file.spreadsheet) throw invalidArgument('This operation is not supported for this document');
  return file.spreadsheet;
}

function open(
  store: StandinStore,
  request: RouteRequest,
  need: 'read' | 'write',
): { file: StoredFile; spreadsheet: StoredSpreadsheet } {
  const file = store.files.get(request.params[0] ?? '');
  if (!file) throw sheetsNotFound();
  const role = store.roleOf(file, request.account);
  if (!role || (need === 'write' && role !== 'owner' && role !== 'writer')) throw permissionDenied();
  return { file, spreadsheet: spreadsheetOf(file) };
}

/** The body checked against `schema`, or 400 naming the first offending field. */
function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalidArgument(
    `Invalid JSON payload received. ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
  );
}

function option<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = query.get(name);
  if (value === null) return fallback;
  if (!allowed.includes(value as T)) throw invalidArgument(`Invalid value at '${name}', "${value}"`);
  return value as T;
}

function renderOptions(
  valueRenderOption: ValueRenderOption = 'FORMATTED_VALUE',
  dateTimeRenderOption: DateTimeRenderOption = 'SERIAL_NUMBER',
): RenderOptions {
  return { valueRenderOption, dateTimeRenderOption };
}

const createSchema = z.looseObject({
  properties: z.looseObject({ title: z.string().optional() }).default({}),
  sheets: z
    .array(
      z.looseObject({
        properties: z
          .looseObject({ title: z.string().optional(), sheetId: z.number().int().min(0).optional() })
          .default({}),
      }),
    )
    .default([]),
});

const valuesUpdateSchema = z.object({
  valueInputOption: z.enum(VALUE_INPUT_OPTIONS),
  data: z
    .array(
      z.object({
        range: z.string(),
        values: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).default([]),
        majorDimension: z.enum(MAJOR_DIMENSIONS).optional(),
      }),
    )
    .default([]),
  includeValuesInResponse: z.boolean().optional(),
  responseValueRenderOption: z.enum(VALUE_RENDER_OPTIONS).optional(),
  responseDateTimeRenderOption: z.enum(DATE_TIME_RENDER_OPTIONS).optional(),
});

/** Counts add up over the data; like Google's JSON, zero totals are left out. */
function totals(results: readonly WriteResult[], sheets: number): Record<string, number> {
  const sum = (pick: (r: WriteResult) => number | undefined) => results.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const all: Record<string, number> = {
    totalUpdatedRows: sum((r) => r.updatedRows),
    totalUpdatedColumns: sum((r) => r.updatedColumns),
    totalUpdatedCells: sum((r) => r.updatedCells),
    totalUpdatedSheets: sheets,
  };
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n > 0));
}

export function sheetsRoutes(store: StandinStore): Route[] {
  const route = (
    method: Route['method'],
    path: string,
    kind: string,
    handle: (request: RouteRequest) => RouteReply,
  ): Route => ({
    method,
    pattern: new RegExp(`^/v4/spreadsheets${path}$`),
    api: 'sheets',
    kind,
    handle,
  });

  return [
    route('POST', '', 'spreadsheets.create', ({ account, body }) => {
      const { properties, sheets } = parseBody(createSchema, body);
      const tabs = sheets.map((sheet, i) => ({
        ...(sheet.properties as Partial<SheetProperties>),
        title: sheet.properties.title ?? `Sheet${i + 1}`,
      }));
      const titles = new Set(tabs.map((tab) => tab.title.toLowerCase()));
      if (titles.size < tabs.length) throw invalidArgument('Invalid sheets: two sheets have the same name.');
      const file = store.create({
        name: properties.title ?? 'Untitled spreadsheet',
        mimeType: SPREADSHEET_MIME_TYPE,
        parents: ['root'],
        owner: account,
        tabs,
      });
      Object.assign(spreadsheetOf(file).properties, properties, { title: file.name });
      return { body: spreadsheetResource(file, spreadsheetOf(file)) };
    }),

    route('GET', `/${ID}`, 'spreadsheets.get', (request) => {
      const { file, spreadsheet } = open(store, request, 'read');
      const view = {
        ranges: request.query.getAll('ranges'),
        includeGridData: request.query.get('includeGridData') === 'true',
      };
      return { body: spreadsheetResource(file, spreadsheet, view) };
    }),

    route('POST', `/${ID}:batchUpdate`, 'spreadsheets.batchUpdate', (request) => {
      const { file } = open(store, request, 'write');
      const body = parseBody(
        z.looseObject({ requests: z.unknown(), includeSpreadsheetInResponse: z.boolean().optional() }),
        request.body,
      );
      const replies = store.mutate(file.id, 'content', (draft) => applyBatchUpdate(draft, body.requests), {
        emailAddress: request.account,
      });
      const updated = store.files.get(file.id);
      const spreadsheet =
        body.includeSpreadsheetInResponse && updated?.spreadsheet
          ? { updatedSpreadsheet: spreadsheetResource(updated, updated.spreadsheet) }
          : {};
      return { body: { spreadsheetId: file.id, replies, ...spreadsheet } };
    }),

    route('GET', `/${ID}/values:batchGet`, 'values.batchGet', (request) => {
      const { file, spreadsheet } = open(store, request, 'read');
      const { query } = request;
      const options = {
        ...renderOptions(
          option(query, 'valueRenderOption', VALUE_RENDER_OPTIONS, 'FORMATTED_VALUE'),
          option(query, 'dateTimeRenderOption', DATE_TIME_RENDER_OPTIONS, 'SERIAL_NUMBER'),
        ),
        majorDimension: option<MajorDimension>(query, 'majorDimension', MAJOR_DIMENSIONS, 'ROWS'),
      };
      const ranges = query.getAll('ranges');
      if (ranges.length === 0) return { body: { spreadsheetId: file.id } };
      return {
        body: { spreadsheetId: file.id, valueRanges: ranges.map((range) => readValues(spreadsheet, range, options)) },
      };
    }),

    route('POST', `/${ID}/values:batchUpdate`, 'values.batchUpdate', (request) => {
      const { file } = open(store, request, 'write');
      if ((request.body as { valueInputOption?: unknown } | undefined)?.valueInputOption === undefined) {
        throw invalidArgument("'valueInputOption' is required but not specified");
      }
      const body = parseBody(valuesUpdateSchema, request.body);
      if (body.data.length === 0) return { body: { spreadsheetId: file.id } };
      const responses = store.mutate(
        file.id,
        'content',
        (draft) => {
          const spreadsheet = spreadsheetOf(draft);
          const results = body.data.map((data) => ({
            tab: resolveRange(spreadsheet, data.range).tab,
            result: writeValues(spreadsheet, data, body.valueInputOption),
          }));
          return results.map(({ tab, result }) => {
            const updatedData = body.includeValuesInResponse
              ? {
                  updatedData: readValues(spreadsheet, result.updatedRange, {
                    ...renderOptions(body.responseValueRenderOption, body.responseDateTimeRenderOption),
                    majorDimension: 'ROWS',
                  }),
                }
              : {};
            return { tab, response: { spreadsheetId: file.id, ...result, ...updatedData } };
          });
        },
        { emailAddress: request.account },
      );
      const sheets = new Set(responses.filter((r) => r.response.updatedCells).map((r) => r.tab.properties.sheetId))
        .size;
      return {
        body: {
          spreadsheetId: file.id,
          ...totals(
            responses.map((r) => r.response),
            sheets,
          ),
          responses: responses.map((r) => r.response),
        },
      };
    }),

    route('POST', `/${ID}/values:batchClear`, 'values.batchClear', (request) => {
      const { file } = open(store, request, 'write');
      const { ranges } = parseBody(z.object({ ranges: z.array(z.string()).default([]) }), request.body);
      if (ranges.length === 0) return { body: { spreadsheetId: file.id } };
      const clearedRanges = store.mutate(
        file.id,
        'content',
        (draft) => ranges.map((range) => clearValues(spreadsheetOf(draft), range)),
        { emailAddress: request.account },
      );
      return { body: { spreadsheetId: file.id, clearedRanges } };
    }),
  ];
}
