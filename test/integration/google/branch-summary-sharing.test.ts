import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleBranchSummaries } from '../../../functions/src/adapters/google/google-branch-summaries.js';
import { FirestoreOutputMarks } from '../../../functions/src/adapters/store/firestore-output-marks.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testFirestore } from '../../support/firestore.js';
import { standinApis, standinWithClock, TEST_FOLDER_ID } from '../../support/google.js';
import type { GoogleStandin } from '../../support/google-standin/index.js';

const NOW = new Date('2024-09-20T01:00:00Z');
const SECRETARY = 'bithu@anlac.edu.vn';
const DEPUTY = 'phobithu@anlac.edu.vn';

const branch = (emails: readonly string[]): Unit => ({
  id: 'dtn-an-lac',
  name: 'Đoàn cơ sở phường An Lạc',
  type: 'co-so-doan',
  level: 'Khối địa bàn dân cư',
  cluster: 'Cụm 4',
  contacts: emails.map((email, i) => ({ name: `Liên hệ ${i + 1}`, email })),
  members: 40,
  source: 'dtn-an-lac.xlsx',
});

/**
 * Sharing a cơ sở Đoàn's summary spreadsheet as its review turns on and off and its contacts change: Drive's
 * permissions.create never lowers a role (the stand-in answers as Drive does), so the adapter lists and updates.
 */
describe("a cơ sở Đoàn's Google summary is shared with exactly its contacts, at exactly the role", () => {
  const firestore = testFirestore('branch-summary-sharing');
  let standin: GoogleStandin;
  let outputs: GoogleBranchSummaries;
  let marks: FirestoreOutputMarks;
  let fileId: string;

  const rolesOf = () =>
    Object.fromEntries(
      standin
        .fileOf(fileId)
        .permissions.filter((p) => p.role !== 'owner')
        .map((p) => [p.emailAddress, p.role]),
    );

  beforeAll(async () => {
    ({ standin } = await standinWithClock(NOW));
    marks = new FirestoreOutputMarks(firestore.db);
    outputs = new GoogleBranchSummaries(standinApis(standin), TEST_FOLDER_ID, marks);
  });
  afterAll(async () => {
    await standin.close();
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('the stand-in, like Drive, does not lower a writer when asked to create a reader permission', async () => {
    const api = standinApis(standin);
    const { data: file } = await api.drive.files.create({
      requestBody: { name: 'Thử', mimeType: 'application/vnd.google-apps.spreadsheet', parents: [TEST_FOLDER_ID] },
    });
    const share = (role: string) =>
      api.drive.permissions.create({
        fileId: file.id ?? '',
        sendNotificationEmail: false,
        requestBody: { type: 'user', role, emailAddress: SECRETARY },
      });
    const writer = await share('writer');
    const reader = await share('reader');
    expect(reader.data).toMatchObject({ id: writer.data.id, role: 'writer' });
    const { data: updated } = await api.drive.permissions.update({
      fileId: file.id ?? '',
      permissionId: writer.data.id ?? '',
      requestBody: { role: 'reader' },
    });
    expect(updated.role).toBe('reader');
    await api.drive.permissions.delete({ fileId: file.id ?? '', permissionId: writer.data.id ?? '' });
    const { data: listed } = await api.drive.permissions.list({ fileId: file.id ?? '' });
    expect(listed.permissions?.map((p) => p.role)).toEqual(['owner']);
    const owner = listed.permissions?.[0]?.id ?? '';
    await expect(api.drive.permissions.delete({ fileId: file.id ?? '', permissionId: owner })).rejects.toThrow(/owner/);
  });

  it('shares as writer while the cơ sở reviews, and as reader once review is turned off', async () => {
    await outputs.outputFor(branch([SECRETARY]), true);
    fileId = (JSON.parse((await marks.read('branch-summary-dtn-an-lac')) ?? '{}') as { id: string }).id;
    expect(rolesOf()).toEqual({ [SECRETARY]: 'writer' });
    await outputs.outputFor(branch([SECRETARY]), false);
    expect(rolesOf()).toEqual({ [SECRETARY]: 'reader' });
  });

  it('a new secretary gets access and the former one loses it; an unchanged branch costs no Drive request', async () => {
    await outputs.outputFor(branch([DEPUTY]), false);
    expect(rolesOf()).toEqual({ [DEPUTY]: 'reader' });
    standin.clearLog();
    await outputs.outputFor(branch([DEPUTY]), false);
    expect(standin.count()).toBe(0);
  });
});
