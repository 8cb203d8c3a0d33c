/**
 * Drive's sharing endpoints as the stand-in serves them: permissions list, create, update and delete.
 * As in Drive, `create` for someone who already has a permission never lowers it: a stronger role is
 * granted, a weaker or equal one leaves the permission as it is and answers with it. Lowering a role takes
 * `update` (or `delete` then `create`), which is what our adapters must do (odeke-em/drive#793 hit this).
 */
import { z } from 'zod';
import { driveBadRequest, driveForbidden, driveInsufficientPermissions, driveInvalidValue } from './errors.js';
import { StandinApiError } from './errors.js';
import { openFile, parseBody } from './drive-routes.js';
import { permissionIdFor } from './ids.js';
import type { Route } from './server.js';
import { isRole, StandinStore, type Permission, type Role } from './spreadsheets.js';

/** How much a role grants, for "never lower on create": a commenter may do more than a reader. */
const STRENGTH: Readonly<Record<Role, number>> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

const permissionSchema = z.looseObject({ type: z.string(), role: z.string(), emailAddress: z.string().optional() });
const permissionUpdateSchema = z.looseObject({ role: z.string() });

/** Drive's 404 for a permission id the file does not have. */
function permissionNotFound(permissionId: string): StandinApiError {
  return new StandinApiError(404, `Permission not found: ${permissionId}.`, 'NOT_FOUND', 'notFound', {
    location: 'permissionId',
    locationType: 'parameter',
  });
}

export function drivePermissionRoutes(store: StandinStore): Route[] {
  const route = (method: Route['method'], path: string, kind: string, handle: Route['handle']): Route => ({
    method,
    pattern: new RegExp(`^/drive/v3/files${path}$`),
    api: 'drive',
    kind,
    handle,
  });

  return [
    route('GET', '/([^/]+)/permissions', 'permissions.list', (request) => {
      const { file } = openFile(store, request, 'reader');
      return { body: { kind: 'drive#permissionList', permissions: structuredClone(file.permissions) } };
    }),

    route('POST', '/([^/]+)/permissions', 'permissions.create', (request) => {
      const { file, role: callerRole } = openFile(store, request, 'writer');
      const spec = parseBody(permissionSchema, request.body);
      if (spec.type !== 'user' && spec.type !== 'group')
        throw driveBadRequest("The Google stand-in shares with people only: use type 'user' or 'group'.");
      if (!isRole(spec.role)) throw driveInvalidValue('permission.role');
      if (!spec.emailAddress)
        throw driveBadRequest('The permission emailAddress field is required for a user or group.');
      const email = spec.emailAddress;
      const role: Role = spec.role;
      const type = spec.type === 'group' ? 'group' : 'user';
      if (role === 'owner') {
        if (request.query.get('transferOwnership') !== 'true') {
          throw driveForbidden(
            "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
            'forbidden',
          );
        }
        if (callerRole !== 'owner') throw driveInsufficientPermissions(file.id);
      }
      const permission = store.mutate(file.id, 'metadata', (draft) => {
        const existing = draft.permissions.find((p) => p.emailAddress.toLowerCase() === email.toLowerCase());
        if (role === 'owner') {
          for (const p of draft.permissions) if (p.role === 'owner') p.role = 'writer';
          draft.owner = email;
        }
        if (existing) {
          // Drive grants a stronger role and keeps a stronger one it already gave: create never lowers access.
          if (STRENGTH[role] > STRENGTH[existing.role]) existing.role = role;
          return structuredClone(existing);
        }
        const created: Permission = {
          kind: 'drive#permission',
          id: permissionIdFor(email),
          type,
          role,
          emailAddress: email,
        };
        draft.permissions.push(created);
        return structuredClone(created);
      });
      return { body: permission };
    }),

    route('PATCH', '/([^/]+)/permissions/([^/]+)', 'permissions.update', (request) => {
      const { file } = openFile(store, request, 'writer');
      const permissionId = request.params[1] ?? '';
      const { role } = parseBody(permissionUpdateSchema, request.body);
      if (!isRole(role)) throw driveInvalidValue('permission.role');
      if (role === 'owner')
        throw driveForbidden('The stand-in transfers ownership through permissions.create only.', 'forbidden');
      const permission = store.mutate(file.id, 'metadata', (draft) => {
        const existing = draft.permissions.find((p) => p.id === permissionId);
        if (!existing) throw permissionNotFound(permissionId);
        if (existing.role === 'owner')
          throw driveForbidden(
            'The owner of a file cannot be given another role; transfer ownership first.',
            'invalidOwnershipTransfer',
          );
        existing.role = role;
        return structuredClone(existing);
      });
      return { body: permission };
    }),

    route('DELETE', '/([^/]+)/permissions/([^/]+)', 'permissions.delete', (request) => {
      const { file } = openFile(store, request, 'writer');
      const permissionId = request.params[1] ?? '';
      store.mutate(file.id, 'metadata', (draft) => {
        const index = draft.permissions.findIndex((p) => p.id === permissionId);
        if (index < 0) throw permissionNotFound(permissionId);
        if (draft.permissions[index]?.role === 'owner')
          throw driveForbidden('The owner of a file cannot be removed.', 'cannotRemoveOwner');
        draft.permissions.splice(index, 1);
      });
      return { status: 204 };
    }),
  ];
}
