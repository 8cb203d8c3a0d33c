import { connectGoogle } from '../adapters/google/connect-google.js';
import { ControlSpreadsheetRegistry } from '../adapters/google/control-spreadsheet-registry.js';
import type { GoogleApis, SpreadsheetId } from '../adapters/google/google-apis.js';
import { ensureSummarySpreadsheet } from '../adapters/google/google-summary-spreadsheet.js';
import { readControlSpreadsheet } from '../adapters/google/read-control-spreadsheet.js';
import type { PacerStats } from '../adapters/google/request-pacer.js';
import { GoogleUnitProvisioner } from '../adapters/google/unit-spreadsheet-provisioner.js';
import type { GoogleConfig } from '../config.js';
import { provision, type ProvisionResult } from '../jobs/provision/provision.js';
import { plansOfControl, type District } from './open-district.js';

/** A Google district opened for provisioning: its connection, control reading, plans and problems (no summary spreadsheet needed yet). */
export interface ProvisioningDistrict extends Pick<District, 'control' | 'forms' | 'openForms' | 'problems'> {
  readonly google: GoogleConfig;
  readonly api: GoogleApis;
}

/** Connect to Google and read the control spreadsheet. */
export async function openProvisioningDistrict(google: GoogleConfig): Promise<ProvisioningDistrict> {
  const api = await connectGoogle(google);
  return { google, api, ...plansOfControl(await readControlSpreadsheet(api, google.controlSpreadsheetId)) };
}

/**
 * One spreadsheet per unit in the district's Drive folder with the tabs of its open plans (a
 * closed plan's tab is not added), shared and recorded in the control spreadsheet; then the
 * district summary spreadsheet, created when TONGHOP_SUMMARY_SPREADSHEET_ID is not set.
 */
export async function provisionDistrict(
  district: ProvisioningDistrict,
  options: { readonly template?: string; readonly onUnitDone?: (done: number, total: number) => void },
): Promise<{
  readonly result: ProvisionResult;
  readonly summary: { readonly id: SpreadsheetId; readonly created: boolean };
  readonly requests: PacerStats;
}> {
  const { google, api, control } = district;
  const result = await provision({
    units: control.units,
    forms: district.openForms,
    provisioner: new GoogleUnitProvisioner(api, google.folderId, options.template),
    registry: new ControlSpreadsheetRegistry(api, google.controlSpreadsheetId),
    ...(options.onUnitDone ? { onUnitDone: options.onUnitDone } : {}),
  });
  const summary = google.summarySpreadsheetId
    ? { id: google.summarySpreadsheetId, created: false }
    : await ensureSummarySpreadsheet(api, google.folderId, control.settings.districtName, control.settings.officeEmail);
  return { result, summary, requests: api.pacer.stats() };
}
