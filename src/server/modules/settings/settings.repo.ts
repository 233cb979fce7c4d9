import type { Kysely, Transaction } from 'kysely';
import { securitySettingsValue } from '../../../shared/contract/settings.js';
import type { Role } from '../../../shared/roles.js';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export const SECURITY = 'security';

/** The security settings row (the accounts migration creates it). */
export async function findSecuritySettings(db: Db) {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', SECURITY).executeTakeFirst();
  if (!row) throw new Error('The security settings are missing: run the migrations.');
  // Only Vigie writes this row, through the same schema: a value that does not parse is a bug, not a default.
  return { row, value: securitySettingsValue.parse(JSON.parse(row.value)) };
}

export async function requiredTwoFactorRoles(db: Db): Promise<Role[]> {
  return (await findSecuritySettings(db)).value.requireTwoFactorFor;
}

/** Writes the settings if still at `version`; false when someone else changed them first. */
export async function updateSecuritySettings(
  trx: Transaction<DB>,
  version: number,
  value: { requireTwoFactorFor: Role[] },
  updatedBy: string | null,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('settings')
    .set({ value: JSON.stringify(value), version: version + 1, updated_at: now, updated_by: updatedBy })
    .where('key', '=', SECURITY)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
