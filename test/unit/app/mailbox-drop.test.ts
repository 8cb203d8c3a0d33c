import { describe, expect, it } from 'vitest';
import { DriveUploadDrop } from '../../../functions/src/adapters/google/drive-upload-drop.js';
import { UnitFolderDrop } from '../../../functions/src/adapters/workbook/unit-folder-drop.js';
import { mailboxDrop } from '../../../functions/src/app/mailbox-drop.js';
import { loadConfig } from '../../../functions/src/config.js';

const GOOGLE = {
  TONGHOP_SOURCE: 'google',
  TONGHOP_DRIVE_FOLDER_ID: '1FolderOfQuanDoan1xyz',
  TONGHOP_CONTROL_SPREADSHEET_ID: '1ControlSpreadsheetIdOfQuanDoan1',
  TONGHOP_SUMMARY_SPREADSHEET_ID: '1SummarySpreadsheetIdOfQuanDoan1',
  // A bearer token: the clients are made without any network call.
  TONGHOP_GOOGLE_ACCESS_TOKEN: 'token',
  TONGHOP_GOOGLE_API_ROOT: 'http://127.0.0.1:9/',
};

describe('mailboxDrop', () => {
  it.each([
    ['workbook mode: the units folder', {}, UnitFolderDrop],
    ['Google mode: the Drive folder', GOOGLE, DriveUploadDrop],
  ] as const)('%s', async (_name, env, expected) => {
    expect(await mailboxDrop(loadConfig({ ...env }), '/tmp/units')).toBeInstanceOf(expected);
  });
});
