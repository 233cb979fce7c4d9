import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';
import { changedTables, type Digester, openDigester } from './support/digest.js';

describe.each(testEngines())('the database digest on %s', (engine) => {
  let t: TestApp;
  let digester: Digester;
  beforeAll(async () => {
    t = await startTestApp(engine);
    digester = await openDigester(t);
  });
  afterAll(async () => {
    await digester.close();
    await t.close();
  });

  it('notices an edited, added or deleted row in any table, and ignores bookkeeping', async () => {
    const start = await digester.digest();
    expect(start.size).toBeGreaterThan(20);
    expect(changedTables(start, await digester.digest())).toEqual([]);

    const partner = await t.db.selectFrom('partners').select(['id', 'notes']).executeTakeFirstOrThrow();
    await t.db.updateTable('partners').set({ notes: 'changed' }).where('id', '=', partner.id).execute();
    const edited = await digester.digest();
    expect(changedTables(start, edited)).toEqual(['partners']);

    await t.db.updateTable('partners').set({ notes: partner.notes }).where('id', '=', partner.id).execute();
    expect(changedTables(start, await digester.digest())).toEqual([]);

    const link = await t.db.selectFrom('institution_associations').selectAll().executeTakeFirstOrThrow();
    await t.db
      .updateTable('institution_associations')
      .set({ note: 'x' })
      .where('institution_id', '=', link.institution_id)
      .where('association_id', '=', link.association_id)
      .execute();
    expect(changedTables(start, await digester.digest())).toEqual(['institution_associations']);
    await t.db
      .deleteFrom('institution_associations')
      .where('institution_id', '=', link.institution_id)
      .where('association_id', '=', link.association_id)
      .execute();
    await t.db.insertInto('institution_associations').values(link).execute();
    expect(changedTables(start, await digester.digest())).toEqual([]);

    await t.db.insertInto('login_failures').values({ key: 'x@y.z', ip: null, at: new Date().toISOString() }).execute();
    expect(changedTables(start, await digester.digest())).toEqual([]);
  });
});
