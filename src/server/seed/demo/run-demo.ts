import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { nowIso } from '../../http/versioning.js';
import type { DemoPart } from './demo-part.js';
import { demoParts } from './index.js';

/**
 * Loads each demonstration part not loaded yet, each in its own transaction with its mark in `seed_runs`
 * (`demo:<key>`), so that a part runs once per database and an edit of demo data is never overwritten. Called at
 * start-up only when the demo is asked for (`--demo`, `VIGIE_DEMO=1`).
 */
export async function runDemo(db: Kysely<DB>, parts: DemoPart[] = demoParts): Promise<string[]> {
  const ran: string[] = [];
  for (const part of parts) {
    const name = `demo:${part.key}`;
    const done = await db.selectFrom('seed_runs').select('name').where('name', '=', name).executeTakeFirst();
    if (done) continue;
    await db.transaction().execute(async (trx) => {
      await part.run(trx);
      await trx.insertInto('seed_runs').values({ name, ran_at: nowIso() }).execute();
    });
    ran.push(name);
  }
  return ran;
}
