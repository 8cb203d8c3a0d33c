import Table from 'cli-table3';
import { spreadsheetUrl } from '../../adapters/google/google-apis.js';
import { openProvisioningDistrict, provisionDistrict } from '../../app/provision-district.js';
import { ConfigError } from '../../config.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { COMPACT_TABLE } from '../table-style.js';
import { PROGRESS } from '../messages.js';
import type { CommandContext } from './context.js';

export interface ProvisionCommandOptions {
  /** A spreadsheet carrying the Apps Script menu: new unit spreadsheets are copies of it. */
  readonly template?: string;
}

/** `tonghop provision`: one spreadsheet per unit in the district's Drive folder, shared and recorded in the control spreadsheet. */
export async function provisionCommand({ config, out }: CommandContext, opts: ProvisionCommandOptions): Promise<void> {
  const google = config.google;
  if (!google)
    throw new ConfigError(
      'tonghop provision creates Google spreadsheets: set TONGHOP_SOURCE=google with TONGHOP_DRIVE_FOLDER_ID and TONGHOP_CONTROL_SPREADSHEET_ID (for .xlsx workbooks, use `tonghop templates`).',
    );
  const district = await openProvisioningDistrict(google);
  const { control } = district;
  // A closed plan's tab is not added to units that lack it; problems of the control sheet are shown first.
  for (const problem of control.problems) out.log(`Bảng điều khiển: ${problem}`);
  const progress = out.progress(PROGRESS.provision, control.units.length);
  const { result, summary, requests } = await provisionDistrict(district, {
    template: opts.template,
    onUnitDone: (done) => progress.tick(done),
  }).finally(() => progress.stop());
  if (out.json) {
    out.printJson({
      ...result,
      summarySpreadsheet: { ...summary, url: spreadsheetUrl(summary.id) },
      controlProblems: control.problems,
      googleRequests: requests,
    });
    return;
  }
  const names = new Map(control.units.map((u) => [u.id, u.name]));
  const table = new Table({ head: ['Đơn vị', 'Bảng tính', 'Trang thêm mới', 'Chia sẻ mới với'], ...COMPACT_TABLE });
  for (const u of result.units) {
    table.push([
      names.get(u.unitId) ?? u.unitId,
      `${u.created ? 'tạo mới' : 'đã có'}: ${u.url}`,
      u.tabsAdded.join(', ') || '—',
      u.sharedWith.join(', ') || '—',
    ]);
  }
  out.print(table.toString());
  for (const f of result.failed) out.print(`  ✗ ${names.get(f.unitId) ?? f.unitId}: ${f.message}`);
  for (const s of result.skipped) out.print(`  – ${s.skipped}`);
  for (const p of control.problems) out.print(`  ! ${p}`);
  if (result.controlTabsAdded.length > 0)
    out.print(`Bảng điều khiển: đã thêm trang ${result.controlTabsAdded.map((t) => `'${t}'`).join(', ')}.`);
  const created = result.units.filter((u) => u.created).length;
  const uploads = result.skipped.length > 0 ? `${n(result.skipped.length)} nộp tệp Excel (không tạo bảng tính), ` : '';
  out.print(
    `Đơn vị: ${n(result.units.length)} có bảng tính (${n(created)} tạo mới), ${uploads}${n(result.failed.length)} lỗi; ${n(result.recorded)} mã bảng tính mới ghi vào bảng điều khiển.`,
  );
  out.print(`Bảng tổng hợp: ${spreadsheetUrl(summary.id)}${summary.created ? ' (tạo mới)' : ''}`);
  if (!google.summarySpreadsheetId)
    out.print(`Đặt TONGHOP_SUMMARY_SPREADSHEET_ID=${summary.id} cho các lệnh sweep, summary và các Cloud Functions.`);
  out.print(
    `Google: ${n(requests.requests.read)} lượt đọc, ${n(requests.requests.write)} lượt ghi Trang tính, ${n(requests.requests.drive)} lượt Drive.`,
  );
}
