import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { anonymous } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../http/versioning.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { seedMonitoringChecklist } from './monitoring-checklist.seed.js';
import {
  associationsSeed,
  declarationsSeed,
  groupSeed,
  type InstitutionSeed,
  memberInstitutionsSeed,
  otherInstitutionsSeed,
  partnersSeed,
} from './network.data.js';
import { seedPlan } from './plan.seed.js';

export interface Seed {
  name: string;
  run(db: Kysely<DB>): Promise<void>;
}

const audit = { actor: anonymous, requestId: null, label: 'system:seed' };

async function seedNetwork(trx: Kysely<DB>): Promise<void> {
  const now = nowIso();
  const stamp = { version: 1, created_at: now, updated_at: now };
  const associationIds = new Map<string, string>();
  for (const a of associationsSeed) {
    const id = randomUUID();
    associationIds.set(a.code, id);
    await trx
      .insertInto('associations')
      .values({
        id,
        code: a.code,
        name_fr: a.nameFr,
        name_en: a.nameEn,
        founded_on: a.foundedOn,
        website: a.website,
        notes: a.notes,
        ...stamp,
      })
      .execute();
  }
  const association = (code: string) => associationIds.get(code) as string;

  async function insertInstitution(seed: InstitutionSeed, ownsItself: boolean): Promise<string> {
    const id = randomUUID();
    await trx
      .insertInto('institutions')
      .values({
        id,
        country_code: seed.countryCode,
        name_original: seed.nameOriginal,
        name_fr: seed.nameFr,
        name_en: seed.nameEn,
        acronym: null,
        kind: seed.kind,
        website: seed.website,
        data_status: seed.dataStatus,
        notes: seed.notes,
        // A member institution keeps its own record; others belong to the network's registry.
        owner_institution_id: null,
        visibility: 'public',
        ...stamp,
      })
      .execute();
    if (ownsItself) {
      await trx.updateTable('institutions').set({ owner_institution_id: id }).where('id', '=', id).execute();
    }
    await trx
      .insertInto('institution_associations')
      .values([
        { institution_id: id, association_id: association('AOM'), status: seed.aom, note: null },
        { institution_id: id, association_id: association('AOMF'), status: seed.aomf, note: seed.aomfNote ?? null },
      ])
      .execute();
    return id;
  }

  const groupId = randomUUID();
  await trx
    .insertInto('groups')
    .values({
      id: groupId,
      name_fr: groupSeed.nameFr,
      name_en: groupSeed.nameEn,
      description_fr: groupSeed.descriptionFr,
      description_en: groupSeed.descriptionEn,
      ...stamp,
    })
    .execute();
  await trx
    .insertInto('group_associations')
    .values(groupSeed.associations.map((code) => ({ group_id: groupId, association_id: association(code) })))
    .execute();

  let position = 0;
  for (const member of memberInstitutionsSeed) {
    position += 1;
    const institutionId = await insertInstitution(member, true);
    const membershipId = randomUUID();
    await trx
      .insertInto('group_memberships')
      .values({
        id: membershipId,
        group_id: groupId,
        institution_id: institutionId,
        position,
        status: member.membership,
        status_since: null,
        ...stamp,
      })
      .execute();
    await trx
      .insertInto('membership_status_changes')
      .values({
        id: randomUUID(),
        membership_id: membershipId,
        status: member.membership,
        changed_on: null,
        note: 'Projet de plan d’action 2017-2018',
        actor_user_id: null,
        created_at: now,
      })
      .execute();
    // The plan makes each member's representative its contact point but names no one: an empty slot.
    await trx
      .insertInto('contact_points')
      .values({
        id: randomUUID(),
        membership_id: membershipId,
        name: null,
        role_title: 'Représentant de l’institution membre',
        email: null,
        phone: null,
        languages: '[]',
        starts_on: null,
        ends_on: null,
        notes: null,
        owner_institution_id: institutionId,
        visibility: 'group',
        ...stamp,
      })
      .execute();
  }
  for (const other of otherInstitutionsSeed) await insertInstitution(other, false);

  for (const p of partnersSeed) {
    await trx
      .insertInto('partners')
      .values({
        id: randomUUID(),
        name_fr: p.nameFr,
        name_en: p.nameEn,
        acronym_fr: p.acronymFr,
        acronym_en: p.acronymEn,
        kind: p.kind,
        country_code: null,
        website: null,
        notes: p.notes,
        owner_institution_id: null,
        visibility: 'public',
        ...stamp,
      })
      .execute();
  }

  for (const d of declarationsSeed) {
    const id = randomUUID();
    await trx
      .insertInto('declarations')
      .values({
        id,
        title_fr: d.titleFr,
        title_en: d.titleEn,
        adopted_on: d.adoptedOn,
        place: d.place,
        summary_fr: d.summaryFr,
        summary_en: d.summaryEn,
        link: null,
        text: null,
        owner_institution_id: null,
        visibility: 'public',
        ...stamp,
      })
      .execute();
    await trx
      .insertInto('declaration_signatories')
      .values(d.associations.map((code) => ({ declaration_id: id, association_id: association(code) })))
      .execute();
  }
  await recordAudit(trx, audit, { entity: 'seed', entityId: 'network', action: 'create', after: { name: 'network' } });
}

export const seeds: Seed[] = [
  { name: '2026-11-28_network', run: seedNetwork },
  { name: '2026-11-28_plan-2017-2018', run: seedPlan },
  { name: '2026-11-28_monitoring-checklist', run: seedMonitoringChecklist },
];

/**
 * Runs each seed once in the database's life: a later start adds nothing, and never overwrites what people have
 * edited since. Call under the startup lock.
 */
export async function runSeeds(db: Kysely<DB>): Promise<string[]> {
  const ran: string[] = [];
  for (const seed of seeds) {
    const done = await db.selectFrom('seed_runs').select('name').where('name', '=', seed.name).executeTakeFirst();
    if (done) continue;
    await db.transaction().execute(async (trx) => {
      await seed.run(trx);
      await trx.insertInto('seed_runs').values({ name: seed.name, ran_at: nowIso() }).execute();
    });
    ran.push(seed.name);
  }
  return ran;
}
