import { REMOVED, type RetentionKind } from '../../operations/retention/registry.js';
import { recordAudit } from '../audit/record-audit.js';

const PERSONAL = ['name', 'email', 'phone'] as const;

/**
 * A former contact point's name, email and phone, once their term has ended longer ago than the retention period.
 * The row stays, with its role, dates, languages and notes, so the member's history and every count stay whole.
 * Each cleared contact point gets its own audit event (which fields, never their values) and a new version, so an
 * edit made from before the purge is refused as stale.
 */
export const formerContactPoints: RetentionKind = {
  kind: 'formerContactPoints',
  summary: 'Name, email and phone of contact points whose term ended; the contact point, its role and dates stay',
  defaultDays: 730,
  minimumDays: 90,
  maximumDays: 3650,
  async purge(trx, { cutoff, now, audit }) {
    const rows = await trx
      .selectFrom('contact_points')
      .select(['id', 'version', 'name', 'email', 'phone', 'owner_institution_id'])
      .where('ends_on', 'is not', null)
      .where('ends_on', '<', cutoff.toISOString().slice(0, 10))
      .where((eb) => eb.or(PERSONAL.map((field) => eb(field, 'is not', null))))
      .execute();
    let count = 0;
    for (const row of rows) {
      const result = await trx
        .updateTable('contact_points')
        .set({ name: null, email: null, phone: null, version: row.version + 1, updated_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) continue;
      const cleared = PERSONAL.filter((field) => row[field] !== null);
      await recordAudit(trx, audit, {
        entity: 'contact_point',
        entityId: row.id,
        action: 'retention_purge',
        before: Object.fromEntries(cleared.map((field) => [field, REMOVED])),
        after: Object.fromEntries(cleared.map((field) => [field, null])),
        version: row.version + 1,
        institutionId: row.owner_institution_id,
      });
      count += 1;
    }
    return [{ entity: 'contact_point', count, effect: 'cleared' }];
  },
};
