import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleSummarySpreadsheet } from '../../../functions/src/adapters/google/google-summary-spreadsheet.js';
import { GoogleUnitSheets } from '../../../functions/src/adapters/google/google-unit-sheets.js';
import { FirestoreOutputMarks } from '../../../functions/src/adapters/store/firestore-output-marks.js';
import { FirestoreSummaryStore } from '../../../functions/src/adapters/store/firestore-summary-store.js';
import { FirestoreSweepStore } from '../../../functions/src/adapters/store/firestore-sweep-store.js';
import { STANDING_TAB } from '../../../functions/src/domain/feedback/unit-feedback.js';
import { PRINT_SAFE_SYMBOL_CHARACTERS } from '../../../functions/src/domain/status/status-kinds.js';
import { summaryTabLayout } from '../../../functions/src/domain/summary/summary-model.js';
import { STATUS_HEADER } from '../../../functions/src/domain/forms/header-match.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { summarize } from '../../../functions/src/jobs/summarize/summarize.js';
import { sweep } from '../../../functions/src/jobs/sweep/sweep.js';
import { testFirestore } from '../../support/firestore.js';
import { builtinForm } from '../../support/forms.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';
import { titled, type TestCell } from '../../support/workbooks.js';
import { TRAINING_HEADER, trainingRow } from '../../support/builders.js';

const TAB = 'Đăng ký tập huấn';
const INJECTION = '=HYPERLINK("http://x.example","bấm vào đây")';
const FORMS = [builtinForm('tap-huan-2024')];
const SETTINGS = {
  districtName: 'Quận Đoàn thử',
  officeEmail: 'vp@example.com',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const SENT_AT = new Date('2024-09-14T02:00:00Z');
const NOW = new Date('2024-09-20T01:00:00Z');
/** Row 5 is the first data row under titled()'s header in row 4; the status column comes right of 'Ghi chú' (K). */
const FIRST_ROW = 5;
const STATUS_COLUMN = 10;

describe('summary spreadsheet and row feedback on Google Sheets (stand-in, real googleapis client)', () => {
  const firestore = testFirestore('google-summary');
  let standin: GoogleStandin;
  let setClock: (at: Date) => void;
  let summaryId: string;
  const ids: Record<string, string> = {};
  let units: Unit[];
  const school = (id: string): Unit => ({
    id,
    name: `Liên đội ${id}`,
    type: 'lien-doi',
    level: 'Tiểu học',
    cluster: 'Cụm 1',
    contacts: [],
    members: 300,
    source: ids[id] ?? '',
  });

  /** One sweep and one summary with fresh adapters, as a scheduled run would make them. */
  async function runAll(now = NOW) {
    const api = standinApis(standin);
    const sheets = new GoogleUnitSheets(api, TEST_FOLDER_ID);
    const swept = await sweep({
      units,
      forms: FORMS,
      source: sheets,
      store: new FirestoreSweepStore(firestore.db),
      now,
    });
    const summary = await summarize({
      settings: SETTINGS,
      units,
      forms: FORMS,
      store: new FirestoreSummaryStore(firestore.db),
      output: new GoogleSummarySpreadsheet(api, summaryId, new FirestoreOutputMarks(firestore.db)),
      feedback: sheets,
      now,
    });
    return { swept, summary };
  }
  const statusColumnOf = (id: string) => standin.tabValues(id, TAB).map((row) => row[STATUS_COLUMN] ?? null);
  const written = (id: string) =>
    standin.requests
      .filter((r) => r.fileId === id && r.kind === 'values.batchUpdate')
      .map((r) => r.body as sheets_v4.Schema$BatchUpdateValuesRequest);

  beforeAll(async () => {
    ({ standin, setClock } = await standinWithClock(SENT_AT));
    const seed = (id: string, rows: TestCell[][], owner?: string) => {
      const tabs = [
        { name: TAB, rows: titled('ĐĂNG KÝ', TRAINING_HEADER, rows) },
        { name: STANDING_TAB, rows: [] },
      ];
      ids[id] = standin.createSpreadsheet({
        title: `Báo cáo ${id}`,
        parents: [TEST_FOLDER_ID],
        tabs,
        ...(owner ? { owner } : {}),
      });
    };
    seed('som', [
      trainingRow(1, 'Nguyễn Thị Lan'),
      trainingRow(2, 'Trần Văn Minh', { phone: '0912345678', note: INJECTION }),
    ]);
    seed('loi', [trainingRow(1, 'Phạm An'), trainingRow(2, 'Võ Bình', { phone: '12345' })]);
    seed('chi-doc', [trainingRow(1, 'Đỗ Chi')], 'tpt@chi-doc.example');
    // Shared read-only with the service account: readable, but its statuses cannot be written.
    standin.share(ids['chi-doc'] ?? '', standin.serviceAccount.email, 'reader');
    summaryId = standin.createSpreadsheet({ title: 'Tổng hợp', parents: [TEST_FOLDER_ID], tabs: [] });
    units = ['som', 'loi', 'chi-doc'].map(school);
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('writes the summary: the front page and its chart, every tab, frozen headers, filters, widths, safe status symbols, user text as text', async () => {
    standin.clearLog();
    const { summary } = await runAll();
    expect(summary.summary).toEqual({
      written: true,
      location: `https://docs.google.com/spreadsheets/d/${summaryId}/edit`,
    });
    expect(standin.requests.filter((r) => r.fileId === summaryId).map((r) => r.kind)).toEqual([
      'spreadsheets.get',
      'spreadsheets.batchUpdate',
      'values.batchUpdate',
    ]);
    // Created as en_US, the spreadsheet is switched to vi_VN: rates show "75,0 %", money "1.900.000 đ".
    expect(standin.spreadsheet(summaryId).properties).toMatchObject({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
    const tabs = standin.spreadsheet(summaryId).sheets.map((s) => s.properties.title);
    for (const tab of summary.model.tabs) expect(tabs).toContain(tab.name);
    const overview = standin.sheetOf(summaryId, 'Tổng quan');
    expect(overview.properties.gridProperties.frozenRowCount).toBeGreaterThan(0);
    expect(overview.basicFilter).toBeDefined();
    expect(overview.charts).toHaveLength(0);
    // The same layout as the workbook: the front page first, unfrozen, with one chart per current plan below its tables.
    expect(tabs[0]).toBe('Bảng điều khiển');
    const dashboard = standin.sheetOf(summaryId, 'Bảng điều khiển');
    expect(dashboard.properties.gridProperties.frozenRowCount).toBe(0);
    expect(dashboard.charts).toHaveLength(1);
    const dashboardModel = summary.model.tabs[0];
    expect(dashboard.charts[0]?.position?.overlayPosition?.anchorCell?.rowIndex).toBe(
      dashboardModel ? summaryTabLayout(dashboardModel).chartRow - 1 : -1,
    );
    // Every column gets the workbook's width, so Vietnamese words are never cut.
    const widthsSet = overview.dimensionProperties
      .filter((d) => d.range?.dimension === 'COLUMNS')
      .map((d) => d.range?.startIndex);
    expect(widthsSet).toEqual(Array.from({ length: summary.model.tabs[1]?.columns.length ?? 0 }, (_, i) => i));
    // Print areas are not in the Sheets API: reference tabs (raw rows, archives) are marked grey instead, the others keep no colour.
    const reference = summary.model.tabs.filter((t) => t.reference).map((t) => t.name);
    expect(reference).toContain(TAB);
    for (const tab of summary.model.tabs) {
      const colour = standin.sheetOf(summaryId, tab.name).properties.tabColorStyle;
      expect([tab.name, colour]).toEqual([
        tab.name,
        tab.reference ? { rgbColor: { red: 0xbf / 255, green: 0xbf / 255, blue: 0xbf / 255 } } : undefined,
      ]);
    }
    const progress = standin.sheetOf(summaryId, 'Tiến độ đơn vị');
    expect(progress.conditionalFormats.length).toBeGreaterThanOrEqual(6);
    // Status cells use only the symbols every common font draws.
    const statuses = standin
      .tabValues(summaryId, 'Tiến độ đơn vị')
      .flat()
      .filter((v): v is string => typeof v === 'string' && /^(✓|✗|!|○)/.test(v));
    expect(statuses.length).toBeGreaterThan(0);
    for (const v of statuses)
      expect([...(v.split(' ')[0] ?? '')].every((ch) => PRINT_SAFE_SYMBOL_CHARACTERS.includes(ch))).toBe(true);
    const data = standin.tabValues(
      summaryId,
      summary.model.tabs.find((t) => t.rows.some((r) => r.includes(INJECTION)))?.name ?? '',
    );
    const cell = data.flat().find((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    // RAW input: the unit's text is stored as the text it is, never as a formula.
    expect(cell).toBe(INJECTION);
    expect(data.flat().some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });

  it('writes each row status and the standing tab with one values.batchUpdate per spreadsheet, never touching typed cells', async () => {
    expect(statusColumnOf(ids.som ?? '').slice(FIRST_ROW - 2)).toEqual([STATUS_HEADER, '✓ Hợp lệ', '✓ Hợp lệ']);
    const loi = statusColumnOf(ids.loi ?? '');
    expect(loi[FIRST_ROW - 1]).toBe('✓ Hợp lệ');
    expect(loi[FIRST_ROW]).toMatch(/^✗ .*Số điện thoại/);
    expect(written(ids.som ?? '')).toHaveLength(1);
    expect(written(ids.som ?? '')[0]?.valueInputOption).toBe('RAW');
    // Read once (the sweep's export); the feedback is planned against those tabs, with no Sheets read.
    expect(standin.requests.filter((r) => r.fileId === ids.som && r.kind === 'files.export')).toHaveLength(1);
    expect(standin.requests.filter((r) => r.fileId === ids.som && r.kind === 'values.batchGet')).toHaveLength(0);
    const standing = standin.tabValues(ids.som ?? '', STANDING_TAB);
    expect(String(standing[0]?.[0])).toBe(`${STANDING_TAB} — Liên đội som`);
    expect(standing.flat()).toContain('Đăng ký tập huấn');
    const typed = standin.tabValues(ids.som ?? '', TAB).map((row) => row.slice(0, STATUS_COLUMN));
    expect(typed[FIRST_ROW]?.[9]).toBe(INJECTION);
  });

  it('says which unit cannot be given its statuses and what to do, and goes on with the others', async () => {
    expect(statusColumnOf(ids['chi-doc'] ?? '').every((v) => v === null)).toBe(true);
    const { summary } = await runAll(new Date('2024-09-20T01:00:00Z'));
    expect(summary.feedback.refused).toEqual([
      {
        unitId: 'chi-doc',
        message: expect.stringMatching(
          /^Hệ thống không có quyền mở bảng tính báo cáo của Liên đội chi-doc .*chia sẻ bảng tính với tonghop@demo-tonghop\.iam\.gserviceaccount\.com \(quyền Người chỉnh sửa\)/,
        ),
      },
    ]);
  });

  it('costs no request at all when nothing changed: no sweep read, no summary rewrite, no feedback', async () => {
    standin.share(ids['chi-doc'] ?? '', standin.serviceAccount.email, 'writer');
    await runAll();
    standin.clearLog();
    const { swept, summary } = await runAll();
    expect(swept.totals.writes).toBe(0);
    expect(summary.summary?.written).toBe(false);
    expect(summary.feedback.unitsWritten).toBe(0);
    expect(standin.requests.map((r) => r.kind)).toEqual(['files.list']);
  });

  it('after a unit edits one row: reads that spreadsheet only and rewrites only the cells whose value changed', async () => {
    setClock(new Date('2024-09-20T02:00:00Z'));
    const before = standin.tabValues(ids.loi ?? '', TAB);
    standin.editCells(ids.loi ?? '', TAB, `F${FIRST_ROW + 1}`, [['0912 345 678']]);
    standin.clearLog();
    const { swept } = await runAll(new Date('2024-09-20T03:00:00Z'));
    expect(swept.totals).toMatchObject({ unitsRead: 1, submissionsWritten: 1 });
    expect(standin.requests.filter((r) => r.kind === 'files.export').map((r) => r.fileId)).toEqual([ids.loi]);
    expect(standin.count('values.batchGet')).toBe(0);
    const bodies = written(ids.loi ?? '');
    expect(bodies).toHaveLength(1);
    const ranges = (bodies[0]?.data ?? []).map((d) => d.range ?? '');
    const formTabRanges = ranges.filter((r) => r.startsWith(`'${TAB}'`));
    // The only form-tab cell written is the status of the edited row.
    expect(formTabRanges).toEqual([`'${TAB}'!K${FIRST_ROW + 1}:K${FIRST_ROW + 1}`]);
    expect(ranges.every((r) => r.startsWith(`'${TAB}'`) || r.startsWith(`'${STANDING_TAB}'`))).toBe(true);
    const after = standin.tabValues(ids.loi ?? '', TAB);
    expect(after[FIRST_ROW]?.[STATUS_COLUMN]).toBe('✓ Hợp lệ');
    after.forEach((row, r) =>
      row.slice(0, STATUS_COLUMN).forEach((value, c) => {
        if (!(r === FIRST_ROW && c === 5))
          expect(value, `row ${r + 1} column ${c + 1}`).toEqual(before[r]?.[c] ?? null);
      }),
    );
  });
});
