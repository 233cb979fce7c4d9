import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { securitySettings, securitySettingsUpdate } from '../../../shared/contract/settings.js';
import { roleHas } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { nowIso, versionConflict } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { findSecuritySettings, SECURITY, updateSecuritySettings } from './settings.repo.js';

type Settings = z.input<typeof securitySettings>;

function administrator(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (!roleHas(actor.user.role, 'manage:settings:any')) throw new AppError(403, 'forbidden');
  return actor;
}

async function readSettings(db: Kysely<DB>): Promise<Settings> {
  const { row, value } = await findSecuritySettings(db);
  return { ...value, version: row.version, updatedAt: row.updated_at };
}

async function changeSettings(
  db: Kysely<DB>,
  context: AuditContext & { actor: Actor },
  body: z.output<typeof securitySettingsUpdate>,
): Promise<Settings> {
  const actor = administrator(context.actor);
  const applied = await db.transaction().execute(async (trx) => {
    const before = await findSecuritySettings(trx);
    const after = { requireTwoFactorFor: body.requireTwoFactorFor };
    if (!(await updateSecuritySettings(trx, body.version, after, actor.user.id, nowIso()))) return false;
    await recordAudit(trx, context, {
      entity: 'settings',
      entityId: SECURITY,
      action: 'update',
      before: before.value,
      after,
      version: body.version + 1,
    });
    return true;
  });
  const current = await readSettings(db);
  if (!applied) throw versionConflict(current, ['requireTwoFactorFor']);
  return current;
}

export const settingsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/settings/security',
    operationId: 'getSecuritySettings',
    summary: 'Security settings (administrators): the roles that must use two-factor authentication',
    tag: 'settings',
    access: 'user',
    response: securitySettings,
    handler: async ({ db, actor }) => {
      administrator(actor);
      return readSettings(db);
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/settings/security',
    operationId: 'updateSecuritySettings',
    summary:
      'Change the security settings (administrators; send their version). Members of a role that must use ' +
      'two-factor authentication and do not yet can only enrol until they do.',
    tag: 'settings',
    access: 'user',
    body: securitySettingsUpdate,
    response: securitySettings,
    handler: ({ db, actor, requestId, body }) => changeSettings(db, { actor, requestId }, body),
  }),
];
