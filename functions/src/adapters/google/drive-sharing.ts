import type { GoogleApis, SpreadsheetId } from './google-apis.js';

/** The roles tonghop gives on the spreadsheets it shares. */
export type SharedRole = 'reader' | 'writer';

/**
 * Give each address exactly `role` on a file, and take access away from `revoke` (addresses tonghop shared the
 * file with before and no longer should, e.g. a cơ sở's former secretary). Drive's `permissions.create` never
 * lowers an existing permission (a writer asked to become a reader stays a writer), so the file's permissions
 * are listed first: an absent address is created (Drive mails the link), a different role is updated, a revoked
 * one deleted. The owner is never changed. One list request, then only the changes.
 */
export async function shareExactly(
  api: GoogleApis,
  fileId: SpreadsheetId,
  emails: readonly string[],
  role: SharedRole,
  revoke: readonly string[] = [],
): Promise<void> {
  const listed = await api.pacer.run('drive', 'permissions.list', () =>
    api.drive.permissions.list({
      fileId,
      fields: 'permissions(id,emailAddress,role)',
      supportsAllDrives: true,
    }),
  );
  const byEmail = new Map(
    (listed.data.permissions ?? []).flatMap((p) =>
      p.emailAddress && p.id ? [[p.emailAddress.toLowerCase(), { id: p.id, role: p.role }] as const] : [],
    ),
  );
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  for (const emailAddress of wanted) {
    const existing = byEmail.get(emailAddress);
    if (!existing) {
      await api.pacer.run('drive', 'permissions.create', () =>
        api.drive.permissions.create({
          fileId,
          sendNotificationEmail: true,
          supportsAllDrives: true,
          requestBody: { type: 'user', role, emailAddress },
        }),
      );
    } else if (existing.role !== role && existing.role !== 'owner') {
      await api.pacer.run('drive', 'permissions.update', () =>
        api.drive.permissions.update({
          fileId,
          permissionId: existing.id,
          supportsAllDrives: true,
          requestBody: { role },
        }),
      );
    }
  }
  for (const email of revoke.map((e) => e.toLowerCase()).filter((e) => !wanted.has(e))) {
    const existing = byEmail.get(email);
    if (!existing || existing.role === 'owner') continue;
    await api.pacer.run('drive', 'permissions.delete', () =>
      api.drive.permissions.delete({ fileId, permissionId: existing.id, supportsAllDrives: true }),
    );
  }
}
