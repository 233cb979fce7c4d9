import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { openTestDatabase, testEngines } from '../../../../tests/support/databases.js';
import type { Activity } from '../../../shared/contract/activities.js';
import { anonymous } from '../../auth/actor.js';
import { createBackup } from '../../operations/backup/create-backup.js';
import { restoreBackup } from '../../operations/backup/restore-backup.js';
import { prepareDatabase } from '../../startup.js';
import { runDemo } from './run-demo.js';

const silent = { info() {} };

describe.each(testEngines())('demonstration data on %s', (engine) => {
  let plain: TestApp;
  let demo: TestApp;
  beforeAll(async () => {
    [plain, demo] = await Promise.all([startTestApp(engine), startTestApp(engine, { VIGIE_DEMO: '1' })]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), demo?.close()]);
  });

  const countOf = async (t: TestApp, table: 'activities' | 'statement_responses' | 'activity_follow_ups') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('is never loaded without being asked for', async () => {
    expect(plain.config.demo).toBe(false);
    expect(await countOf(plain, 'activities')).toBe(0);
    const marks = await plain.db.selectFrom('seed_runs').select('name').where('name', 'like', 'demo:%').execute();
    expect(marks).toEqual([]);
  });

  it('loads the real 2016–2018 events once, attributed to their institutions, partners and plan actions', async () => {
    expect(demo.config.demo).toBe(true);
    const counts = {
      activities: await countOf(demo, 'activities'),
      responses: await countOf(demo, 'statement_responses'),
      followUps: await countOf(demo, 'activity_follow_ups'),
    };
    expect(counts).toEqual({ activities: 11, responses: 1, followUps: 1 });
    // Starting again (another process, a restart) loads nothing twice.
    await prepareDatabase(demo.testDatabase.database, demo.config, silent);
    expect(await runDemo(demo.db)).toEqual([]);
    expect(await countOf(demo, 'activities')).toBe(counts.activities);

    const admin = await signIn(demo.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const list = async (query: string) =>
      (await request(demo.app, admin)('GET', `/api/v1/activities?pageSize=100&${query}`)).json() as {
        items: Activity[];
        total: number;
      };
    const all = await list('sort=startsAt');
    expect(
      all.items
        .slice(0, 2)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['meeting', 'training']);
    const rabat = all.items.find((a) => a.kind === 'training' && a.startsAt === '2016-11-22');
    expect(rabat?.partners.map((p) => p.acronymEn).sort()).toEqual(['IOM', 'UNHCR', 'UNICEF']);
    expect(rabat?.institutions.filter((i) => i.role === 'participant')).toHaveLength(13);
    expect(rabat?.actions.map((a) => a.title)).toEqual([
      'Formations conjointes AOM/AOMF sur les droits des enfants migrants',
    ]);

    const madrid = (await list('kind=study_visit&q=Madrid')).items[0];
    expect(madrid).toMatchObject({ city: 'Madrid', startsUtc: '2017-12-17T23:00:00.000Z' });
    expect(madrid?.institutions.find((i) => i.role === 'host')?.countryCode).toBe('ES');
    expect(madrid?.partners.map((p) => p.nameFr)).toContain('Fundación Merced Migraciones');

    const moncton = (await list('kind=course')).items[0];
    expect(moncton).toMatchObject({ timeZone: 'America/Moncton', startsUtc: '2017-06-25T03:00:00.000Z' });

    const [statement] = (await list('kind=statement')).items;
    expect(statement).toMatchObject({ kind: 'statement', daysToReply: 53 });
    const [body] = (await list('kind=dialogue_body')).items;
    expect(body).toMatchObject({ overdue: true, lastMeetingAt: '2017-10-10T09:00:00.000Z' });
    expect((await list(`bodyId=${body?.id}`)).total).toBe(3);
    expect((await list('axis=3')).total).toBe(3);

    // The plan's progress counts them.
    const trainings = rabat?.actions[0]?.id;
    const action = await request(demo.app, admin)('GET', `/api/v1/actions/${trainings}`);
    expect(action.json().links).toEqual([{ entity: 'activity', count: 2 }]);
  });

  it('survives a backup and a restore whole: meetings keep their dialogue body, trainees their training', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-demo-backup-'));
    const target = await openTestDatabase(engine, dir);
    try {
      const file = path.join(dir, 'demo.vigie-backup');
      const cli = { actor: anonymous, requestId: null, label: 'cli:backup' };
      await createBackup(demo.testDatabase.database, { file, dataDir: demo.config.dataDir, audit: cli });
      await restoreBackup(target.database, { file, dataDir: dir, audit: { ...cli, label: 'cli:restore' } });
      const meetings = (db: typeof demo.db) =>
        db.selectFrom('activities').select(['id', 'body_id']).where('body_id', 'is not', null).orderBy('id').execute();
      expect(await meetings(target.database.db)).toEqual(await meetings(demo.db));
      expect(await meetings(demo.db)).toHaveLength(3);
      const trainees = (db: typeof demo.db) =>
        db.selectFrom('training_participants').selectAll().orderBy('activity_id').orderBy('audience').execute();
      expect(await trainees(target.database.db)).toEqual(await trainees(demo.db));
    } finally {
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
