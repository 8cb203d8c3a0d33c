import { drive, type drive_v3 } from '@googleapis/drive';
import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import {
  SPREADSHEET_MIME_TYPE,
  XLSX_MIME_TYPE,
  startGoogleStandin,
  type GoogleStandin,
} from '../../support/google-standin/index.js';

/** The stand-in's clock: tests move it to see modifiedTime and quotas change. */
let clock = new Date('2024-09-01T01:00:00.000Z');
let standin: GoogleStandin;
let api: { sheets: sheets_v4.Sheets; drive: drive_v3.Drive };
let folderCounter = 0;

const READER = { token: 'token-of-reader', email: 'reader@example.com' };
const OTHER_OWNER = 'someone-else@example.com';

/** Clients as the application builds them: no retries of their own, so every failure is seen. */
function clientsFor(
  token: string,
  clientOptions: { retry?: boolean; retryConfig?: { retry: number } } = { retry: false },
) {
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: token });
  return {
    sheets: sheets({ version: 'v4', auth, rootUrl: standin.rootUrl, ...clientOptions }),
    drive: drive({ version: 'v3', auth, rootUrl: standin.rootUrl, ...clientOptions }),
  };
}

interface Rejection {
  readonly className: string;
  readonly status: number | undefined;
  readonly data: unknown;
  readonly retryAfter: string | null | undefined;
}

/** What the googleapis client threw; fails the test when the request succeeded. */
async function rejectionOf(request: Promise<unknown>): Promise<Rejection> {
  const outcome = await request.then(
    () => undefined,
    (error: unknown) =>
      error as { constructor: { name: string }; status?: number; response?: { data: unknown; headers: Headers } },
  );
  if (outcome === undefined) return expect.unreachable('the request should have failed');
  return {
    className: outcome.constructor.name,
    status: outcome.status,
    data: outcome.response?.data,
    retryAfter: outcome.response?.headers.get('retry-after'),
  };
}

function newFolder(): string {
  return `folder-${++folderCounter}`;
}

function seedTab(name: string, rows: Parameters<GoogleStandin['createSpreadsheet']>[0]['tabs'][number]['rows'] = []) {
  return standin.createSpreadsheet({ title: `Báo cáo ${name}`, parents: [newFolder()], tabs: [{ name, rows }] });
}

beforeAll(async () => {
  standin = await startGoogleStandin({ now: () => clock });
  standin.addAccount(READER.token, READER.email);
  api = clientsFor(standin.serviceAccount.token);
});

afterAll(async () => {
  await standin?.close();
});

beforeEach(() => {
  standin.clearFaults();
  standin.clearLog();
  standin.quotaPerMinute = undefined;
});

describe('values', () => {
  it('stores RAW values verbatim and returns them unformatted as JSON numbers and booleans', async () => {
    const spreadsheetId = seedTab('Danh sách');
    const written = await api.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          {
            range: "'Danh sách'!A1",
            values: [
              ['Tên', 'Tuổi', 'Đoàn viên'],
              ['An', 17, true],
              ['=1+1', '42'],
            ],
          },
        ],
      },
    });
    expect(written.data).toMatchObject({
      spreadsheetId,
      totalUpdatedRows: 3,
      totalUpdatedColumns: 3,
      totalUpdatedCells: 8,
      totalUpdatedSheets: 1,
      responses: [
        { spreadsheetId, updatedRange: "'Danh sách'!A1:C3", updatedRows: 3, updatedColumns: 3, updatedCells: 8 },
      ],
    });

    const read = await api.sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ["'Danh sách'!A1:J20"],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(read.data.valueRanges).toEqual([
      {
        range: "'Danh sách'!A1:J20",
        majorDimension: 'ROWS',
        values: [
          ['Tên', 'Tuổi', 'Đoàn viên'],
          ['An', 17, true],
          ['=1+1', '42'],
        ],
      },
    ]);
    expect(standin.tabValues(spreadsheetId, 'Danh sách')[2]).toEqual(['=1+1', '42']);
  });

  it('parses USER_ENTERED input as typing would: formulas, numbers, booleans, a leading apostrophe', async () => {
    const spreadsheetId = seedTab('Nhập');
    await api.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: [{ range: 'Nhập!A1', values: [['=SUM(B1:C1)', '42', 'TRUE', "'007", '=1+1']] }],
      },
    });
    const render = async (valueRenderOption: string) =>
      (await api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ['Nhập!A1:E1'], valueRenderOption })).data
        .valueRanges?.[0]?.values;

    expect(await render('FORMULA')).toEqual([['=SUM(B1:C1)', 42, true, '007', '=1+1']]);
    expect(await render('UNFORMATTED_VALUE')).toEqual([['#NAME?', 42, true, '007', '#NAME?']]);
    expect(await render('FORMATTED_VALUE')).toEqual([['#NAME?', '42', 'TRUE', '007', '#NAME?']]);
    expect(standin.tabValues(spreadsheetId, 'Nhập')).toEqual([
      [{ formula: '=SUM(B1:C1)' }, 42, true, '007', { formula: '=1+1' }],
    ]);
  });

  it('leaves out trailing empty cells and rows, fills holes with "" and omits values for an empty range', async () => {
    const spreadsheetId = seedTab('Thưa', [['a', null, 'c'], [], [null, 'x'], [null, null]]);
    const { data } = await api.sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ['Thưa!A1:D10', 'Thưa!F5:G6', 'Thưa'],
    });
    expect(data.valueRanges).toEqual([
      { range: "'Thưa'!A1:D10", majorDimension: 'ROWS', values: [['a', '', 'c'], [], ['', 'x']] },
      { range: "'Thưa'!F5:G6", majorDimension: 'ROWS' },
      { range: "'Thưa'!A1:Z1000", majorDimension: 'ROWS', values: [['a', '', 'c'], [], ['', 'x']] },
    ]);
  });

  it('keeps a cell given null, clears a cell given ""', async () => {
    const spreadsheetId = seedTab('Sửa', [['a', 'b', 'c']]);
    await api.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: [{ range: "'Sửa'!A1:C1", values: [[null, '', 'z']] }] },
    });
    expect(standin.tabValues(spreadsheetId, 'Sửa')).toEqual([['a', null, 'z']]);
  });

  it('returns seeded dates as serial numbers, or as dd/mm/yyyy when formatted', async () => {
    const spreadsheetId = seedTab('Ngày', [[new Date(Date.UTC(2024, 8, 15)), new Date(Date.UTC(2024, 8, 15, 8, 30))]]);
    const read = async (valueRenderOption: string, dateTimeRenderOption: string) =>
      (
        await api.sheets.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges: ["'Ngày'!A1:B1"],
          valueRenderOption,
          dateTimeRenderOption,
        })
      ).data.valueRanges?.[0]?.values;
    expect(await read('UNFORMATTED_VALUE', 'SERIAL_NUMBER')).toEqual([[45550, 45550 + 8.5 / 24]]);
    expect(await read('UNFORMATTED_VALUE', 'FORMATTED_STRING')).toEqual([['15/09/2024', '15/09/2024 08:30:00']]);
    expect(await read('FORMATTED_VALUE', 'SERIAL_NUMBER')).toEqual([['15/09/2024', '15/09/2024 08:30:00']]);
  });

  it('refuses a range on a missing tab with 400 for the whole request', async () => {
    const spreadsheetId = seedTab('Có');
    const failure = await rejectionOf(
      api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Có'!A1:B2", 'Không có!A1:B2'] }),
    );
    expect(failure).toMatchObject({
      className: 'GaxiosError',
      status: 400,
      data: {
        error: {
          code: 400,
          status: 'INVALID_ARGUMENT',
          message: 'Unable to parse range: Không có!A1:B2',
          errors: [{ domain: 'global', reason: 'badRequest' }],
        },
      },
    });
  });

  it('requires valueInputOption, and refuses writes past the grid until rows are appended', async () => {
    const spreadsheetId = seedTab('Lưới');
    const noOption = await rejectionOf(
      api.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: { data: [{ range: "'Lưới'!A1", values: [['x']] }] },
      }),
    );
    expect(noOption).toMatchObject({
      status: 400,
      data: { error: { message: "'valueInputOption' is required but not specified" } },
    });

    const write = () =>
      api.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: { valueInputOption: 'RAW', data: [{ range: "'Lưới'!A1001", values: [['x']] }] },
      });
    expect(await rejectionOf(write())).toMatchObject({
      status: 400,
      data: { error: { message: "Range ('Lưới'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26" } },
    });

    const sheetId = standin.sheetOf(spreadsheetId, 'Lưới').properties.sheetId;
    await api.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [{ appendDimension: { sheetId, dimension: 'ROWS', length: 10 } }] },
    });
    await write();
    expect(standin.sheetOf(spreadsheetId, 'Lưới').properties.gridProperties.rowCount).toBe(1010);
    expect(standin.tabValues(spreadsheetId, 'Lưới')[1000]).toEqual(['x']);
  });

  it('reads column, row, open-ended and first-tab A1 ranges, by rows or by columns', async () => {
    const spreadsheetId = seedTab('Bảng', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ]);
    const { data } = await api.sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ['Bảng!B:C', 'Bảng!2:3', 'Bảng!B2:C', 'A1:B1', "'Bảng'!C3"],
    });
    expect(data.valueRanges?.map((v) => [v.range, v.values])).toEqual([
      [
        "'Bảng'!B1:C1000",
        [
          ['b', 'c'],
          ['e', 'f'],
          ['h', 'i'],
        ],
      ],
      [
        "'Bảng'!A2:Z3",
        [
          ['d', 'e', 'f'],
          ['g', 'h', 'i'],
        ],
      ],
      [
        "'Bảng'!B2:C1000",
        [
          ['e', 'f'],
          ['h', 'i'],
        ],
      ],
      ["'Bảng'!A1:B1", [['a', 'b']]],
      ["'Bảng'!C3", [['i']]],
    ]);
    const byColumns = await api.sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ['Bảng!A1:B2'],
      majorDimension: 'COLUMNS',
    });
    expect(byColumns.data.valueRanges?.[0]).toMatchObject({
      majorDimension: 'COLUMNS',
      values: [
        ['a', 'd'],
        ['b', 'e'],
      ],
    });
  });

  it('clears ranges with values:batchClear', async () => {
    const spreadsheetId = seedTab('Xoá', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const { data } = await api.sheets.spreadsheets.values.batchClear({
      spreadsheetId,
      requestBody: { ranges: ["'Xoá'!B1:B2"] },
    });
    expect(data.clearedRanges).toEqual(["'Xoá'!B1:B2"]);
    expect(standin.tabValues(spreadsheetId, 'Xoá')).toEqual([['a'], ['c']]);
  });
});

describe('spreadsheets', () => {
  it("creates a spreadsheet in the caller's root with a Sheet1 tab, and reads it back", async () => {
    const created = await api.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Tổng hợp' } } });
    const spreadsheetId = created.data.spreadsheetId ?? '';
    expect(created.data).toMatchObject({
      properties: { title: 'Tổng hợp', locale: 'en_US', timeZone: 'Asia/Ho_Chi_Minh' },
      sheets: [
        { properties: { sheetId: 0, title: 'Sheet1', index: 0, gridProperties: { rowCount: 1000, columnCount: 26 } } },
      ],
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
    });
    expect(spreadsheetId).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(standin.fileOf(spreadsheetId)).toMatchObject({ parents: ['root'], owner: standin.serviceAccount.email });
  });

  it('answers batchUpdate with one reply per request and applies them', async () => {
    const spreadsheetId = seedTab('Gốc', [['Tên', 'Số']]);
    const { data } = await api.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { addSheet: { properties: { title: 'Thống kê', gridProperties: { rowCount: 50, columnCount: 5 } } } },
          {
            updateSheetProperties: {
              properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
              fields: 'gridProperties.frozenRowCount',
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
                description: 'Tiêu đề',
                warningOnly: true,
              },
            },
          },
          {
            setBasicFilter: {
              filter: {
                range: { sheetId: 0, startRowIndex: 0, endRowIndex: 10, startColumnIndex: 0, endColumnIndex: 2 },
              },
            },
          },
          {
            addChart: {
              chart: {
                spec: { title: 'Số lượng', basicChart: { chartType: 'COLUMN' } },
                position: { overlayPosition: { anchorCell: { sheetId: 0, rowIndex: 2, columnIndex: 3 } } },
              },
            },
          },
          { autoResizeDimensions: { dimensions: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 2 } } },
        ],
      },
    });
    const [addSheet, frozen, protect, filter, chart, resize] = data.replies ?? [];
    expect(addSheet?.addSheet?.properties).toMatchObject({
      title: 'Thống kê',
      index: 1,
      sheetType: 'GRID',
      gridProperties: { rowCount: 50, columnCount: 5 },
    });
    expect(addSheet?.addSheet?.properties?.sheetId).toEqual(expect.any(Number));
    expect(frozen).toEqual({});
    expect(protect?.addProtectedRange?.protectedRange).toMatchObject({
      protectedRangeId: expect.any(Number),
      description: 'Tiêu đề',
      warningOnly: true,
      range: { sheetId: 0 },
    });
    expect(filter).toEqual({});
    expect(chart?.addChart?.chart).toMatchObject({
      chartId: expect.any(Number),
      spec: { title: 'Số lượng' },
      position: { overlayPosition: { anchorCell: { sheetId: 0 } } },
    });
    expect(resize).toEqual({});

    const got = await api.sheets.spreadsheets.get({ spreadsheetId });
    const first = got.data.sheets?.[0];
    expect(got.data.sheets?.map((sheet) => sheet.properties?.title)).toEqual(['Gốc', 'Thống kê']);
    expect(first?.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect(first?.protectedRanges).toHaveLength(1);
    expect(first?.basicFilter?.range).toMatchObject({ sheetId: 0, endRowIndex: 10 });
    expect(first?.charts?.[0]?.chartId).toBe(chart?.addChart?.chart?.chartId);

    await api.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          { deleteEmbeddedObject: { objectId: chart?.addChart?.chart?.chartId } },
          { clearBasicFilter: { sheetId: 0 } },
        ],
      },
    });
    expect(standin.sheetOf(spreadsheetId, 'Gốc')).toMatchObject({ charts: [] });
    expect(standin.sheetOf(spreadsheetId, 'Gốc').basicFilter).toBeUndefined();
  });

  it('stores formats, validations, conditional formats and dimension properties, and renames the spreadsheet', async () => {
    const spreadsheetId = seedTab('Định dạng', [['Tên', 'Ngày', 'Có mặt']]);
    await api.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: 'userEnteredFormat.textFormat.bold',
            },
          },
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
              cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
              rows: [
                {
                  values: [
                    { userEnteredValue: { stringValue: 'An' } },
                    { userEnteredValue: { numberValue: 45550 } },
                    { userEnteredValue: { formulaValue: '=B2>0' } },
                  ],
                },
              ],
              fields: 'userEnteredValue',
            },
          },
          {
            setDataValidation: {
              range: { sheetId: 0, startRowIndex: 1, endRowIndex: 100, startColumnIndex: 2, endColumnIndex: 3 },
              rule: {
                condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Có' }, { userEnteredValue: 'Không' }] },
                strict: true,
              },
            },
          },
          {
            addConditionalFormatRule: {
              rule: {
                ranges: [{ sheetId: 0, startRowIndex: 1 }],
                booleanRule: { condition: { type: 'BLANK' }, format: { backgroundColor: { red: 1 } } },
              },
              index: 0,
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
              properties: { pixelSize: 200 },
              fields: 'pixelSize',
            },
          },
          { updateSpreadsheetProperties: { properties: { title: 'Đã đổi tên' }, fields: 'title' } },
        ],
      },
    });
    const read = await api.sheets.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ["'Định dạng'!A2:C2"],
      valueRenderOption: 'FORMULA',
    });
    expect(read.data.valueRanges?.[0]?.values).toEqual([['An', 45550, '=B2>0']]);
    const shown = await api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Định dạng'!A2:B2"] });
    expect(shown.data.valueRanges?.[0]?.values).toEqual([['An', '15/09/2024']]);
    const tab = standin.sheetOf(spreadsheetId, 'Định dạng');
    expect(tab.formats.map((format) => format.fields)).toEqual([
      'userEnteredFormat.textFormat.bold',
      'userEnteredFormat.numberFormat',
    ]);
    expect(tab.validations).toMatchObject([{ range: { sheetId: 0, startColumnIndex: 2 }, rule: { strict: true } }]);
    expect(tab.conditionalFormats).toHaveLength(1);
    expect(tab.dimensionProperties).toMatchObject([{ properties: { pixelSize: 200 }, fields: 'pixelSize' }]);
    expect((await api.drive.files.get({ fileId: spreadsheetId })).data.name).toBe('Đã đổi tên');

    const { data } = await api.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [{ deleteConditionalFormatRule: { sheetId: 0, index: 0 } }] },
    });
    expect(data.replies?.[0]?.deleteConditionalFormatRule?.rule?.booleanRule?.condition?.type).toBe('BLANK');
    const lastTab = await rejectionOf(
      api.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: { requests: [{ deleteSheet: { sheetId: 0 } }] },
      }),
    );
    expect(lastTab).toMatchObject({
      status: 400,
      data: { error: { message: "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document." } },
    });
  });

  it('returns grid data for the requested ranges only', async () => {
    const spreadsheetId = standin.createSpreadsheet({
      title: 'Lưới dữ liệu',
      tabs: [
        {
          name: 'Một',
          rows: [
            ['a', 1],
            [null, { formula: '=B1*2', value: 2 }],
          ],
        },
        { name: 'Hai', rows: [['z']] },
      ],
    });
    const { data } = await api.sheets.spreadsheets.get({
      spreadsheetId,
      ranges: ["'Một'!A1:B2"],
      includeGridData: true,
    });
    expect(data.sheets?.map((sheet) => sheet.properties?.title)).toEqual(['Một']);
    expect(data.sheets?.[0]?.data?.[0]?.rowData).toEqual([
      {
        values: [
          { userEnteredValue: { stringValue: 'a' }, effectiveValue: { stringValue: 'a' }, formattedValue: 'a' },
          { userEnteredValue: { numberValue: 1 }, effectiveValue: { numberValue: 1 }, formattedValue: '1' },
        ],
      },
      {
        values: [
          {},
          { userEnteredValue: { formulaValue: '=B1*2' }, effectiveValue: { numberValue: 2 }, formattedValue: '2' },
        ],
      },
    ]);
  });

  it('rejects a whole batch when one request is unknown or names an unknown sheet, applying none of it', async () => {
    const spreadsheetId = seedTab('Nguyên');
    const before = standin.fileOf(spreadsheetId).version;
    const unknown = await rejectionOf(
      api.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [{ addSheet: { properties: { title: 'Mới' } } }, { mergeCellz: {} } as sheets_v4.Schema$Request],
        },
      }),
    );
    expect(unknown).toMatchObject({
      status: 400,
      data: {
        error: { status: 'INVALID_ARGUMENT', message: "Invalid requests[1]: unknown request kind 'mergeCellz'" },
      },
    });

    const badSheet = await rejectionOf(
      api.sheets.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [
            { addSheet: {} },
            { repeatCell: { range: { sheetId: 999 }, cell: {}, fields: 'userEnteredFormat' } },
          ],
        },
      }),
    );
    expect(badSheet).toMatchObject({
      status: 400,
      data: { error: { message: 'Invalid requests[1].repeatCell: No grid with id: 999' } },
    });
    expect(standin.spreadsheet(spreadsheetId).sheets.map((tab) => tab.properties.title)).toEqual(['Nguyên']);
    expect(standin.fileOf(spreadsheetId).version).toBe(before);
  });
});

describe('drive files', () => {
  it("lists a folder's untrashed spreadsheets the caller can see, page by page", async () => {
    const folder = newFolder();
    const visible = Array.from({ length: 5 }, (_, i) =>
      standin.createSpreadsheet({ title: `Đơn vị ${i + 1}`, parents: [folder], tabs: [] }),
    );
    const trashed = standin.createSpreadsheet({ title: 'Đã xoá', parents: [folder], tabs: [] });
    await api.drive.files.update({ fileId: trashed, requestBody: { trashed: true } });
    standin.createSpreadsheet({ title: 'Của người khác', parents: [folder], owner: OTHER_OWNER, tabs: [] });
    standin.createSpreadsheet({ title: 'Thư mục khác', parents: [newFolder()], tabs: [] });

    const q = `'${folder}' in parents and trashed = false and mimeType = '${SPREADSHEET_MIME_TYPE}'`;
    const pages: drive_v3.Schema$File[][] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await api.drive.files.list({
        q,
        pageSize: 2,
        pageToken,
        fields: 'nextPageToken, files(id, name, mimeType, modifiedTime, version)',
      });
      pages.push(data.files ?? []);
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((file) => file.id)).toEqual(visible);
    expect(pages[0]?.[0]).toMatchObject({
      name: 'Đơn vị 1',
      mimeType: SPREADSHEET_MIME_TYPE,
      modifiedTime: clock.toISOString(),
      version: '1',
    });
  });

  it("refuses a q outside the grammar with Drive's Invalid Value", async () => {
    const failure = await rejectionOf(api.drive.files.list({ q: "fullText contains 'x'" }));
    expect(failure).toMatchObject({
      status: 400,
      data: {
        error: {
          code: 400,
          message: 'Invalid Value',
          errors: [
            { domain: 'global', reason: 'invalid', message: 'Invalid Value', location: 'q', locationType: 'parameter' },
          ],
        },
      },
    });
  });

  it('moves modifiedTime and version when someone types or the API writes, and filters on modifiedTime', async () => {
    const spreadsheetId = seedTab('Theo dõi', [['a']]);
    const seeded = await api.drive.files.get({ fileId: spreadsheetId });
    expect(seeded.data).toMatchObject({
      version: '1',
      modifiedTime: clock.toISOString(),
      trashed: false,
      webViewLink: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
    });

    const since = clock.toISOString();
    clock = new Date(clock.getTime() + 60_000);
    standin.editCells(spreadsheetId, 'Theo dõi', 'B2', [['gõ tay', null]]);
    const typed = await api.drive.files.get({ fileId: spreadsheetId });
    expect(typed.data).toMatchObject({ version: '2', modifiedTime: clock.toISOString() });
    expect(standin.tabValues(spreadsheetId, 'Theo dõi')).toEqual([['a'], [null, 'gõ tay']]);

    clock = new Date(clock.getTime() + 60_000);
    await api.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: [{ range: "'Theo dõi'!A1", values: [['b']] }] },
    });
    expect((await api.drive.files.get({ fileId: spreadsheetId })).data).toMatchObject({
      version: '3',
      modifiedTime: clock.toISOString(),
    });

    const changed = await api.drive.files.list({
      q: `'${standin.fileOf(spreadsheetId).parents[0]}' in parents and modifiedTime > '${since}'`,
    });
    expect(changed.data.files?.map((file) => file.id)).toEqual([spreadsheetId]);
  });

  it('hides files not shared with the caller (Sheets 403, Drive 404) and reports deleted ones as not found', async () => {
    const foreign = standin.createSpreadsheet({
      title: 'Riêng',
      owner: OTHER_OWNER,
      tabs: [{ name: 'A', rows: [['x']] }],
    });
    expect(await rejectionOf(api.sheets.spreadsheets.get({ spreadsheetId: foreign }))).toMatchObject({
      status: 403,
      data: { error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' } },
    });
    expect(await rejectionOf(api.drive.files.get({ fileId: foreign }))).toMatchObject({
      status: 404,
      data: { error: { message: `File not found: ${foreign}.`, errors: [{ reason: 'notFound', location: 'fileId' }] } },
    });

    const gone = seedTab('Mất');
    standin.deleteFile(gone);
    expect(await rejectionOf(api.drive.files.get({ fileId: gone }))).toMatchObject({ status: 404 });
    expect(
      await rejectionOf(api.sheets.spreadsheets.values.batchGet({ spreadsheetId: gone, ranges: ['A1'] })),
    ).toMatchObject({
      status: 404,
      data: { error: { status: 'NOT_FOUND', message: 'Requested entity was not found.' } },
    });
  });

  it('lets a reader read but not write, and refuses unknown tokens with 401', async () => {
    const spreadsheetId = standin.createSpreadsheet({
      title: 'Chia sẻ',
      sharedWith: [],
      tabs: [{ name: 'A', rows: [['x']] }],
    });
    standin.share(spreadsheetId, READER.email, 'reader');
    const reader = clientsFor(READER.token);
    const read = await reader.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ['A!A1'] });
    expect(read.data.valueRanges?.[0]?.values).toEqual([['x']]);
    const write = reader.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'A!A1', values: [['y']] }] },
    });
    expect(await rejectionOf(write)).toMatchObject({ status: 403, data: { error: { status: 'PERMISSION_DENIED' } } });

    standin.unshare(spreadsheetId, READER.email);
    expect(await rejectionOf(reader.drive.files.get({ fileId: spreadsheetId }))).toMatchObject({ status: 404 });
    expect(await rejectionOf(clientsFor('no-such-token').sheets.spreadsheets.get({ spreadsheetId }))).toMatchObject({
      status: 401,
      data: { error: { status: 'UNAUTHENTICATED' } },
    });
  });

  it('copies a spreadsheet deeply for the caller, and shares it idempotently', async () => {
    const source = standin.createSpreadsheet({
      title: 'Mẫu',
      owner: OTHER_OWNER,
      sharedWith: [standin.serviceAccount.email],
      tabs: [{ name: 'Biểu', rows: [['Tên'], ['An']] }],
    });
    const folder = newFolder();
    const { data: copy } = await api.drive.files.copy({
      fileId: source,
      requestBody: { name: 'Bản sao', parents: [folder] },
    });
    expect(copy).toMatchObject({ name: 'Bản sao', parents: [folder], mimeType: SPREADSHEET_MIME_TYPE, version: '1' });
    const copyId = copy.id ?? '';
    expect(copyId).not.toBe(source);
    expect(standin.tabValues(copyId, 'Biểu')).toEqual([['Tên'], ['An']]);
    expect(standin.fileOf(copyId).owner).toBe(standin.serviceAccount.email);
    standin.editCells(source, 'Biểu', 'A3', [['Bình']]);
    expect(standin.tabValues(copyId, 'Biểu')).toHaveLength(2);

    const share = (role: string) =>
      api.drive.permissions.create({
        fileId: copyId,
        sendNotificationEmail: false,
        requestBody: { type: 'user', role, emailAddress: 'bithu@example.com' },
      });
    const first = await share('reader');
    const again = await share('writer');
    expect(again.data.id).toBe(first.data.id);
    expect(again.data).toMatchObject({ type: 'user', role: 'writer', emailAddress: 'bithu@example.com' });
    const { data } = await api.drive.permissions.list({ fileId: copyId });
    expect(data.permissions?.map((p) => [p.emailAddress, p.role])).toEqual([
      [standin.serviceAccount.email, 'owner'],
      ['bithu@example.com', 'writer'],
    ]);
  });

  it('creates, renames, moves, trashes and deletes files', async () => {
    const [from, to] = [newFolder(), newFolder()];
    const { data: created } = await api.drive.files.create({
      requestBody: { name: 'Mới', mimeType: SPREADSHEET_MIME_TYPE, parents: [from] },
    });
    const fileId = created.id ?? '';
    expect(standin.spreadsheet(fileId).sheets.map((tab) => tab.properties.title)).toEqual(['Sheet1']);

    const { data: moved } = await api.drive.files.update({
      fileId,
      addParents: to,
      removeParents: from,
      requestBody: { name: 'Đổi tên', trashed: true },
    });
    expect(moved).toMatchObject({ name: 'Đổi tên', parents: [to], trashed: true });
    expect((await api.sheets.spreadsheets.get({ spreadsheetId: fileId })).data.properties?.title).toBe('Đổi tên');
    expect(await rejectionOf(api.drive.files.update({ fileId, requestBody: { parents: [from] } }))).toMatchObject({
      status: 403,
    });

    await api.drive.files.delete({ fileId });
    expect(await rejectionOf(api.drive.files.get({ fileId }))).toMatchObject({ status: 404 });
  });

  it('uploads bytes with files.create and files.update on the upload URI (multipart and media), honouring modifiedTime', async () => {
    const folder = newFolder();
    const body = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff]);
    const perCall = { rootUrl: standin.rootUrl };
    const { data: created } = await api.drive.files.create(
      {
        requestBody: { name: 'bao-cao.xlsx', parents: [folder], modifiedTime: '2024-09-14T02:00:00.000Z' },
        media: { mimeType: XLSX_MIME_TYPE, body: Readable.from(body) },
        fields: 'id',
      },
      perCall,
    );
    const fileId = created.id ?? '';
    expect(standin.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/upload/drive/v3/files',
      kind: 'files.create.upload',
      query: expect.stringContaining('uploadType=multipart'),
    });
    expect(standin.fileOf(fileId)).toMatchObject({
      name: 'bao-cao.xlsx',
      mimeType: XLSX_MIME_TYPE,
      parents: [folder],
      version: 1,
      modifiedTime: new Date('2024-09-14T02:00:00.000Z'),
    });
    const download = await api.drive.files.get({ fileId, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(download.data as unknown as ArrayBuffer).equals(body)).toBe(true);

    await api.drive.files.update(
      { fileId, media: { mimeType: XLSX_MIME_TYPE, body: Readable.from(Buffer.from('v2')) } },
      perCall,
    );
    expect(standin.requests.at(-1)?.query).toContain('uploadType=media');
    expect(standin.fileOf(fileId)).toMatchObject({
      version: 2,
      modifiedTime: clock,
      content: new Uint8Array(Buffer.from('v2')),
    });

    const resumable = standin.rootUrl + `upload/drive/v3/files?uploadType=resumable`;
    const refused = await fetch(resumable, {
      method: 'POST',
      headers: { authorization: `Bearer ${standin.serviceAccount.token}` },
    });
    expect(refused.status).toBe(400);
    expect(
      await rejectionOf(
        api.drive.files.update(
          { fileId: seedTab('Trang'), media: { mimeType: XLSX_MIME_TYPE, body: Readable.from(body) } },
          perCall,
        ),
      ),
    ).toMatchObject({ status: 403 });
  });
});

describe('faults, quotas and the request log', () => {
  it('fails the next request with 429 and Retry-After, then serves the one after', async () => {
    const spreadsheetId = seedTab('Hạn mức', [['x']]);
    standin.failNext(1, 429, { retryAfterSeconds: 1 });
    const failure = await rejectionOf(
      api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Hạn mức'!A1"] }),
    );
    expect(failure).toMatchObject({
      status: 429,
      retryAfter: '1',
      data: { error: { code: 429, status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'rateLimitExceeded' }] } },
    });
    expect((failure.data as { error: { message: string } }).error.message).toMatch(
      /^Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'/,
    );
    const next = await api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Hạn mức'!A1"] });
    expect(next.data.valueRanges?.[0]?.values).toEqual([['x']]);
  });

  it('fails only the requests a predicate picks', async () => {
    const spreadsheetId = seedTab('Chọn', [['x']]);
    standin.failNext(1, 503, { match: (request) => request.kind === 'files.list' });
    await api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Chọn'!A1"] });
    expect(await rejectionOf(api.drive.files.list({}))).toMatchObject({
      status: 503,
      data: { error: { status: 'UNAVAILABLE' } },
    });
    await api.drive.files.list({});
  });

  it('is retried by the client itself unless retry is off (retry: false or retryConfig.retry = 0)', async () => {
    const spreadsheetId = seedTab('Thử lại', [['x']]);
    standin.failNext(1, 503);
    await clientsFor(standin.serviceAccount.token, {}).sheets.spreadsheets.get({ spreadsheetId });
    expect(standin.requests.map((r) => r.status)).toEqual([503, 200]);

    standin.failNext(1, 503);
    expect(
      await rejectionOf(
        clientsFor(standin.serviceAccount.token, { retryConfig: { retry: 0 } }).sheets.spreadsheets.get({
          spreadsheetId,
        }),
      ),
    ).toMatchObject({ status: 503 });
  });

  it('fails the same requests again for the same seed', async () => {
    const spreadsheetId = seedTab('Ngẫu nhiên');
    const run = async () => {
      standin.failRandomly({ rate: 0.5, statuses: [500, 503], seed: 42 });
      const statuses: (number | undefined)[] = [];
      for (let i = 0; i < 12; i++) {
        statuses.push(
          await api.sheets.spreadsheets.get({ spreadsheetId }).then(
            (r) => r.status,
            (error: { status?: number }) => error.status,
          ),
        );
      }
      return statuses;
    };
    const first = await run();
    expect(first).toContain(200);
    expect(first.some((status) => status === 500 || status === 503)).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('enforces a per-account quota per minute, reads and writes apart', async () => {
    const spreadsheetId = seedTab('Phút');
    standin.quotaPerMinute = 2;
    const get = () => api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Phút'!A1"] });
    await get();
    await get();
    expect(await rejectionOf(get())).toMatchObject({ status: 429 });
    await api.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data: [{ range: "'Phút'!A1", values: [['w']] }] },
    });
    clock = new Date(clock.getTime() + 61_000);
    await get();
  });

  it("answers a route it does not serve with 404 in Google's error shape", async () => {
    const response = await fetch(`${standin.rootUrl}v4/spreadsheets/x/values/A1`, {
      headers: { authorization: `Bearer ${standin.serviceAccount.token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 404, status: 'NOT_FOUND', errors: [{ domain: 'global', reason: 'notFound' }] },
    });
    expect(standin.requests[0]).toMatchObject({ kind: 'unknown', status: 404 });
  });

  it('waits latencyMs before every answer', async () => {
    const spreadsheetId = seedTab('Chậm');
    standin.latencyMs = 60;
    const started = performance.now();
    await api.sheets.spreadsheets.get({ spreadsheetId });
    standin.latencyMs = 0;
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('logs each request with its kind, account, file and status', async () => {
    const spreadsheetId = seedTab('Nhật ký', [['x']]);
    await api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Nhật ký'!A1", "'Nhật ký'!B2"] });
    await api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Nhật ký'!A1"] });
    await api.drive.files.list({ q: 'trashed = false' });
    await rejectionOf(api.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ['Thiếu!A1'] }));

    expect(standin.count()).toBe(4);
    expect(standin.count('values.batchGet')).toBe(3);
    expect(standin.count('files.list')).toBe(1);
    expect(standin.requests[0]).toMatchObject({
      api: 'sheets',
      kind: 'values.batchGet',
      method: 'GET',
      path: `/v4/spreadsheets/${spreadsheetId}/values:batchGet`,
      account: standin.serviceAccount.email,
      fileId: spreadsheetId,
      status: 200,
      at: clock.getTime(),
    });
    // The client repeats `ranges=` once per range and percent-encodes quotes and '!' too.
    expect(standin.requests[0]?.query).toMatch(/^ranges=%27Nh[^&]*%27%21A1&ranges=%27Nh[^&]*%27%21B2$/);
    expect(new URLSearchParams(standin.requests[0]?.query).getAll('ranges')).toEqual(["'Nhật ký'!A1", "'Nhật ký'!B2"]);
    expect(standin.requests[3]).toMatchObject({ status: 400 });
  });
});
