import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { recommendationCreate } from '../../../shared/contract/monitoring.js';
import type { DB, RecommendationTable } from '../../db/schema.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudits } from '../audit/record-audit.js';
import { newRecommendationRow } from '../monitoring/recommendations.service.js';
import { writableVisit } from '../monitoring/visit-access.js';

type Create = z.output<typeof recommendationCreate>;

// Rows per INSERT: well under SQLite's limit of bound parameters.
const ROWS_PER_INSERT = 500;

/**
 * Recommendations that name no finding and repeat no earlier one: `createRecommendation`'s only rule for them is
 * that the visit is one the importer may write, which holds for every row of that visit alike. So each visit is
 * checked once, the rows built by the service's own `newRecommendationRow`, inserted a few hundred at a time and
 * audited as the service audits them, in one pass (a preview checks the visits only). Rows naming a finding or an
 * earlier recommendation go through the service one by one.
 */
export const bulkRecommendations = {
  accepts: (input: unknown) => {
    const create = input as Create;
    return !create.findingId && !create.repeatsId;
  },

  async create(
    trx: Transaction<DB>,
    db: Kysely<DB>,
    context: AuditContext,
    inputs: unknown[],
    write: boolean,
  ): Promise<({ id: string } | { error: unknown })[]> {
    const visits = new Map<string, { owner: string | null } | { error: unknown }>();
    for (const { visitId } of inputs as Create[]) {
      if (visits.has(visitId)) continue;
      try {
        const visit = await writableVisit(db, context.actor, visitId);
        visits.set(visitId, { owner: visit.owner_institution_id });
      } catch (error) {
        visits.set(visitId, { error });
      }
    }
    const now = nowIso();
    const results: ({ id: string } | { error: unknown })[] = [];
    const rows: { row: RecommendationTable; owner: string | null }[] = [];
    for (const input of inputs as Create[]) {
      const visit = visits.get(input.visitId);
      if (!visit || 'error' in visit) {
        results.push({ error: visit?.error });
        continue;
      }
      const row = newRecommendationRow(input, now);
      rows.push({ row, owner: visit.owner });
      results.push({ id: row.id });
    }
    // A preview stops here: the rule is checked, and rows built by the service's own function need no trial write.
    if (!write) return results;
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await trx
        .insertInto('recommendations')
        .values(rows.slice(start, start + ROWS_PER_INSERT).map(({ row }) => row))
        .execute();
    }
    await recordAudits(
      trx,
      context,
      rows.map(({ row, owner }) => ({
        entity: 'recommendation',
        entityId: row.id,
        action: 'create',
        after: row,
        institutionId: owner,
      })),
    );
    return results;
  },
};
