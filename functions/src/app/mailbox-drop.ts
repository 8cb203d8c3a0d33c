import { ControlSpreadsheetRegistry } from '../adapters/google/control-spreadsheet-registry.js';
import { DriveUploadDrop } from '../adapters/google/drive-upload-drop.js';
import { UnitFolderDrop } from '../adapters/workbook/unit-folder-drop.js';
import { ConfigError, type Config } from '../config.js';
import type { UnitFileDrop } from '../jobs/mailbox/ports.js';
import { googleConnection } from './google-district.js';

/**
 * Where an emailed workbook goes, as TONGHOP_SOURCE says: the units folder (workbook mode), or the
 * unit's .xlsx in the district's Drive folder, recorded in the control spreadsheet (Google mode).
 */
export async function mailboxDrop(config: Config, unitsDir: string): Promise<UnitFileDrop> {
  if (config.source === 'workbook') return new UnitFolderDrop(unitsDir, config.sheetLimits);
  const google = config.google;
  if (!google)
    throw new ConfigError(
      'TONGHOP_SOURCE=google needs the Google settings (TONGHOP_DRIVE_FOLDER_ID, TONGHOP_CONTROL_SPREADSHEET_ID).',
    );
  const api = await googleConnection(google);
  return new DriveUploadDrop(
    api,
    google.folderId,
    new ControlSpreadsheetRegistry(api, google.controlSpreadsheetId),
    config.sheetLimits,
  );
}
