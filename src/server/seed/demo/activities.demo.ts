import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type ActivityKind, axisOfKind } from '../../../shared/contract/activities.js';
import { anonymous } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { nowIso } from '../../http/versioning.js';
import * as repo from '../../modules/activities/activities.repo.js';
import { prepareDetails } from '../../modules/activities/activities.service.js';
import { spanOf } from '../../modules/activities/activity-time.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { linkRecord } from '../../modules/plan/actions.repo.js';
import type { DemoPart } from './demo-part.js';

/**
 * The real 2016–2018 events of the working group (public sources, see the network reference), attributed to the
 * institutions and partners they name. Where the sources are silent (a statement's reply, a national dialogue
 * body's meetings) the records say so in their notes: they illustrate the features, they are not history.
 */

const audit = { actor: anonymous, requestId: null, label: 'system:demo' };
const ILLUSTRATIVE = 'Exemple illustratif des données de démonstration : non tiré des sources publiques.';

interface ActivitySpec {
  kind: ActivityKind;
  title: string;
  allDay?: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  city?: string;
  countryCode?: string;
  owner: string | null;
  visibility?: string;
  notes?: string;
  organisers?: string[];
  participants?: string[];
  host?: string;
  partners?: { partnerId: string; role: string }[];
  themes?: string[];
  actions?: string[];
  details: Record<string, unknown>;
}

async function record(trx: Kysely<DB>, spec: ActivitySpec): Promise<string> {
  const allDay = spec.allDay ?? true;
  const span = spanOf(allDay, spec.startsAt, spec.endsAt, spec.timeZone);
  const details = prepareDetails(spec.kind, spec.details);
  const now = nowIso();
  const row: repo.ActivityRow = {
    id: randomUUID(),
    kind: spec.kind,
    axis: axisOfKind[spec.kind],
    title: spec.title,
    all_day: allDay ? 1 : 0,
    starts_local: spec.startsAt,
    ends_local: spec.endsAt,
    time_zone: spec.timeZone,
    starts_utc: span.startsUtc,
    ends_utc: span.endsUtc,
    city: spec.city ?? null,
    country_code: spec.countryCode ?? null,
    online: 0,
    body_id: details.bodyId,
    cadence_months: details.cadenceMonths,
    details: details.json,
    notes: spec.notes ?? null,
    owner_institution_id: spec.owner,
    visibility: spec.visibility ?? 'public',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await repo.insertActivity(trx, row);
  const links = [
    ...(spec.organisers ?? []).map((institutionId) => ({ institutionId, role: 'organiser' })),
    ...(spec.participants ?? []).map((institutionId) => ({ institutionId, role: 'participant' })),
    ...(spec.host ? [{ institutionId: spec.host, role: 'host' }] : []),
  ];
  await repo.replaceInstitutions(trx, row.id, links);
  await repo.replacePartners(trx, row.id, spec.partners ?? []);
  await repo.replaceThemes(trx, row.id, spec.themes ?? []);
  if (details.trainees) await repo.replaceTrainees(trx, row.id, details.trainees);
  for (const actionId of spec.actions ?? []) await linkRecord(trx, actionId, 'activity', row.id);
  await recordAudit(trx, audit, {
    entity: 'activity',
    entityId: row.id,
    action: 'create',
    after: row,
    institutionId: row.owner_institution_id,
  });
  return row.id;
}

async function institutionOf(trx: Kysely<DB>, countryCode: string): Promise<string> {
  const row = await trx
    .selectFrom('institutions')
    .select('id')
    .where('country_code', '=', countryCode)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function seededPartner(trx: Kysely<DB>, acronymEn: string): Promise<string> {
  return (await trx.selectFrom('partners').select('id').where('acronym_en', '=', acronymEn).executeTakeFirstOrThrow())
    .id;
}

async function newPartner(
  trx: Kysely<DB>,
  nameFr: string,
  kind: string,
  countryCode: string | null,
  acronym: string | null = null,
): Promise<string> {
  const now = nowIso();
  const id = randomUUID();
  const row = {
    id,
    name_fr: nameFr,
    name_en: null,
    acronym_fr: acronym,
    acronym_en: acronym,
    kind,
    country_code: countryCode,
    website: null,
    notes: null,
    owner_institution_id: null,
    visibility: 'public',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('partners').values(row).execute();
  await recordAudit(trx, audit, { entity: 'partner', entityId: id, action: 'create', after: row, institutionId: null });
  return id;
}

async function action(
  trx: Kysely<DB>,
  axisId: string,
  planId: string,
  title: string,
  spec: { lead?: string | null; plannedStart: string; plannedEnd: string; completedOn?: string },
): Promise<string> {
  const now = nowIso();
  const lead = spec.lead ?? null;
  const row = {
    id: randomUUID(),
    plan_id: planId,
    axis_id: axisId,
    title,
    description: null,
    lead_institution_id: lead,
    status: spec.completedOn ? 'done' : 'in_progress',
    planned_start: spec.plannedStart,
    planned_end: spec.plannedEnd,
    completed_on: spec.completedOn ?? null,
    funder_partner_id: null,
    budget_minor: null,
    budget_currency: null,
    comments: null,
    carried_from_id: null,
    owner_institution_id: lead,
    visibility: 'group',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('plan_actions').values(row).execute();
  await recordAudit(trx, audit, {
    entity: 'plan_action',
    entityId: row.id,
    action: 'create',
    after: row,
    institutionId: lead,
  });
  return row.id;
}

export const activitiesDemo: DemoPart = {
  key: 'activities',
  async run(trx) {
    const plan = await trx
      .selectFrom('plans')
      .select('id')
      .where('starts_on', '=', '2017-01-01')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const axes = await trx.selectFrom('plan_axes').select(['id', 'number']).where('plan_id', '=', plan.id).execute();
    const axis = (number: string) => {
      const found = axes.find((a) => a.number === number);
      if (!found) throw new Error(`the seeded plan has no axis ${number}`);
      return found.id;
    };
    const institutions = new Map<string, string>();
    for (const code of [
      'AL',
      'BE',
      'BJ',
      'BI',
      'CA',
      'CI',
      'DJ',
      'ES',
      'FR',
      'MA',
      'MK',
      'MR',
      'MT',
      'MU',
      'SN',
      'TR',
    ]) {
      institutions.set(code, await institutionOf(trx, code));
    }
    const of = (code: string) => institutions.get(code) as string;
    const AL = of('AL');
    const BE = of('BE');
    const BJ = of('BJ');
    const BI = of('BI');
    const CA = of('CA');
    const CI = of('CI');
    const DJ = of('DJ');
    const ES = of('ES');
    const FR = of('FR');
    const MA = of('MA');
    const MK = of('MK');
    const MR = of('MR');
    const MT = of('MT');
    const MU = of('MU');
    const SN = of('SN');
    const TR = of('TR');
    const unicef = await seededPartner(trx, 'UNICEF');
    const unhcr = await seededPartner(trx, 'UNHCR');
    const iom = await seededPartner(trx, 'IOM');
    const merced = await newPartner(trx, 'Fundación Merced Migraciones', 'civil_society', 'ES');
    const raices = await newPartner(trx, 'Fundación Raíces', 'civil_society', 'ES');
    const platform = await newPartner(trx, 'Plate-forme Mineurs en exil', 'civil_society', 'BE');
    const caritas = await newPartner(trx, 'Caritas International', 'civil_society', 'BE');
    const fedasil = await newPartner(
      trx,
      'Fedasil (Agence fédérale pour l’accueil des demandeurs d’asile)',
      'government',
      'BE',
      'Fedasil',
    );
    const guardianship = await newPartner(trx, 'Service des Tutelles (SPF Justice)', 'government', 'BE');
    const oif = await newPartner(
      trx,
      'Organisation internationale de la Francophonie',
      'international_organisation',
      null,
      'OIF',
    );
    const moncton = await newPartner(trx, 'Université de Moncton', 'academic', 'CA');

    const groupMeetings = await action(trx, axis('1'), plan.id, 'Réunions du groupe de travail conjoint AOM/AOMF', {
      plannedStart: '2016-11-22',
      plannedEnd: '2018-12-31',
    });
    const dialogue = await action(
      trx,
      axis('1'),
      plan.id,
      'Instance de dialogue avec les autorités et la société civile (Maroc)',
      {
        lead: MA,
        plannedStart: '2017-01-01',
        plannedEnd: '2018-12-31',
      },
    );
    const trainings = await action(
      trx,
      axis('2'),
      plan.id,
      'Formations conjointes AOM/AOMF sur les droits des enfants migrants',
      {
        plannedStart: '2016-11-22',
        plannedEnd: '2017-12-31',
        completedOn: '2017-10-19',
      },
    );
    const statements = await action(
      trx,
      axis('2'),
      plan.id,
      'Recommandations aux autorités après les visites de terrain',
      {
        lead: MK,
        plannedStart: '2017-03-01',
        plannedEnd: '2018-06-30',
      },
    );
    const studyVisits = await action(trx, axis('3.1'), plan.id, 'Visites d’étude à Madrid (2017) et Bruxelles (2018)', {
      plannedStart: '2017-12-01',
      plannedEnd: '2018-06-30',
      completedOn: '2018-06-21',
    });
    const course = await action(trx, axis('3.2'), plan.id, 'Participation au cours d’été de Moncton (juin 2017)', {
      plannedStart: '2017-06-25',
      plannedEnd: '2017-06-30',
      completedOn: '2017-06-30',
    });

    const rabatParticipants = [AL, CA, CI, DJ, FR, MT, MA, MR, SN, TR];
    await record(trx, {
      kind: 'training',
      title:
        'Formation conjointe AOM/AOMF : le rôle des ombudsmans dans la protection des droits des enfants migrants durant leur parcours migratoire',
      startsAt: '2016-11-22',
      endsAt: '2016-11-24',
      timeZone: 'Africa/Casablanca',
      city: 'Rabat',
      countryCode: 'MA',
      owner: null,
      notes:
        '7e session de formation de l’AOM, 18e de l’AOMF, au Centre de formation et d’échange en médiation. ' +
        'Experts de Macédoine, de France, du Bénin, d’Espagne et du Maroc, de l’UNICEF, du HCR et de l’OIM.',
      organisers: [MA],
      host: MA,
      participants: [...rabatParticipants, MK, BJ, ES],
      partners: [
        { partnerId: unicef, role: 'expert' },
        { partnerId: unhcr, role: 'expert' },
        { partnerId: iom, role: 'expert' },
      ],
      themes: ['crc', 'unaccompanied_children', 'asylum', 'detention'],
      actions: [trainings],
      details: {
        audiences: ['ombudsman_staff'],
        participants: [{ audience: 'ombudsman_staff', sex: 'unknown', count: 20 }],
        trainers: ['11 experts'],
        materials: 'Six modules.',
      },
    });
    const firstMeeting = await record(trx, {
      kind: 'meeting',
      title: 'Première réunion du groupe de travail conjoint AOM/AOMF',
      startsAt: '2016-11-22',
      endsAt: '2016-11-24',
      timeZone: 'Africa/Casablanca',
      city: 'Rabat',
      countryCode: 'MA',
      owner: null,
      visibility: 'group',
      organisers: [MA],
      participants: rabatParticipants,
      actions: [groupMeetings],
      details: {
        agenda: 'Constitution du groupe de travail ; proposition d’un plan d’action 2017–2018.',
        decisions: ['Proposer aux deux associations un plan d’action conjoint 2017–2018 en cinq axes.'],
      },
    });
    await trx
      .insertInto('activity_follow_ups')
      .values({
        id: randomUUID(),
        activity_id: firstMeeting,
        text: 'Diffuser le projet de plan d’action 2017–2018 aux membres pour observations',
        owner: 'Secrétariat permanent de l’AOMF',
        due_on: '2017-01-31',
        status: 'done',
        version: 1,
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    await record(trx, {
      kind: 'course',
      title: 'Cours international d’été de Moncton sur les droits de l’enfant (6e édition)',
      startsAt: '2017-06-25',
      endsAt: '2017-06-30',
      timeZone: 'America/Moncton',
      city: 'Moncton',
      countryCode: 'CA',
      owner: null,
      notes: 'Institutions participantes du groupe à confirmer.',
      organisers: [CA],
      partners: [{ partnerId: moncton, role: 'host' }],
      themes: ['crc', 'identity_minorities'],
      actions: [course],
      details: {
        courseName:
          '6th International Summer Course on the Rights of the Child: Children, Minorities and Identity (UNCRC articles 8 and 30)',
        courseOrganiser: 'Université de Moncton, avec le Défenseur des enfants et de la jeunesse du Nouveau-Brunswick',
      },
    });
    await record(trx, {
      kind: 'training',
      title: '8e formation de l’AOM : déontologie des forces de sécurité et droits des migrants',
      startsAt: '2017-10-18',
      endsAt: '2017-10-19',
      timeZone: 'Africa/Casablanca',
      city: 'Casablanca',
      countryCode: 'MA',
      owner: MA,
      organisers: [MA],
      host: MA,
      themes: ['security_forces_ethics', 'non_discrimination', 'xenophobia'],
      actions: [trainings],
      details: {
        audiences: ['ombudsman_staff'],
        participants: [{ audience: 'ombudsman_staff', sex: 'unknown', count: 26 }],
        evaluation: '7 recommandations adoptées.',
      },
    });
    await record(trx, {
      kind: 'study_visit',
      title: 'Visite d’étude à Madrid auprès du Defensor del Pueblo',
      startsAt: '2017-12-18',
      endsAt: '2017-12-20',
      timeZone: 'Europe/Madrid',
      city: 'Madrid',
      countryCode: 'ES',
      owner: ES,
      host: ES,
      participants: [FR, AL, TR, MK, MT],
      partners: [
        { partnerId: merced, role: 'host' },
        { partnerId: raices, role: 'participant' },
      ],
      themes: ['asylum', 'trafficking', 'age_assessment', 'unaccompanied_children'],
      actions: [studyVisits],
      details: {
        programme: 'Enfants demandeurs d’asile, traite, évaluation de l’âge des mineurs non accompagnés.',
        placesVisited: ['Centre d’accueil pour demandeurs d’asile de Merced Migraciones'],
        missionReportHtml: '<p>Rapport de mission publié par le groupe de travail.</p>',
      },
    });
    await record(trx, {
      kind: 'study_visit',
      title: 'Visite d’étude de l’AOMF à Bruxelles auprès du Délégué général aux droits de l’enfant',
      startsAt: '2018-06-19',
      endsAt: '2018-06-21',
      timeZone: 'Europe/Brussels',
      city: 'Bruxelles',
      countryCode: 'BE',
      owner: BE,
      host: BE,
      participants: [BJ, CI, DJ, SN, BI, MU, FR, CA],
      partners: [
        { partnerId: oif, role: 'funder' },
        { partnerId: fedasil, role: 'participant' },
        { partnerId: guardianship, role: 'participant' },
        { partnerId: platform, role: 'participant' },
        { partnerId: caritas, role: 'participant' },
      ],
      themes: ['guardianship', 'unaccompanied_children', 'asylum'],
      actions: [studyVisits],
      details: {
        programme: 'Rencontres avec Fedasil, le service des Tutelles, la Plate-forme Mineurs en exil et Caritas.',
        placesVisited: ['Samu social (Woluwe)', 'Centre d’accueil du Petit-Château'],
      },
    });

    const statement = await record(trx, {
      kind: 'statement',
      title: 'Recommandations après les visites de Tabanovce et Vizbegovo',
      startsAt: '2017-04-10',
      endsAt: '2017-04-10',
      timeZone: 'Europe/Skopje',
      city: 'Skopje',
      countryCode: 'MK',
      owner: MK,
      notes: `Recommandations tirées des visites des 13–14 mars 2017 ; date d’envoi et réponse : ${ILLUSTRATIVE}`,
      themes: ['unaccompanied_children', 'trafficking', 'asylum'],
      actions: [statements],
      details: {
        statementType: 'recommendation',
        addressee: 'Ministère de l’Intérieur',
        textHtml:
          '<ul><li>Mieux informer les migrants</li><li>Identifier et orienter les personnes vulnérables</li>' +
          '<li>Coopération régionale</li><li>Protection policière des femmes, des enfants et des victimes de traite</li>' +
          '<li>Activités récréatives</li></ul>',
      },
    });
    await trx
      .insertInto('statement_responses')
      .values({
        id: randomUUID(),
        activity_id: statement,
        received_on: '2017-06-02',
        summary: `Réponse du ministère sur l’information des migrants et l’orientation des personnes vulnérables. ${ILLUSTRATIVE}`,
        version: 1,
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();

    const body = await record(trx, {
      kind: 'dialogue_body',
      title: 'Instance de concertation sur les enfants migrants (Maroc)',
      startsAt: '2017-02-01',
      endsAt: '2017-02-01',
      timeZone: 'Africa/Casablanca',
      city: 'Rabat',
      countryCode: 'MA',
      owner: MA,
      visibility: 'group',
      notes: ILLUSTRATIVE,
      organisers: [MA],
      partners: [
        { partnerId: unicef, role: 'member' },
        { partnerId: unhcr, role: 'member' },
        { partnerId: iom, role: 'member' },
      ],
      actions: [dialogue],
      details: { cadence: 'quarterly', memberPeople: ['Représentant du ministère de l’Intérieur', 'Juge des mineurs'] },
    });
    for (const [day, minutes] of [
      ['2017-03-15', '<p>Installation de l’instance ; calendrier des réunions.</p>'],
      ['2017-06-20', '<p>Point sur l’accueil des mineurs non accompagnés.</p>'],
      ['2017-10-10', '<p>Suites données aux recommandations de la formation de Casablanca.</p>'],
    ] as const) {
      await record(trx, {
        kind: 'meeting',
        title: `Réunion de l’instance de concertation (${day})`,
        allDay: false,
        startsAt: `${day}T10:00`,
        endsAt: `${day}T12:30`,
        timeZone: 'Africa/Casablanca',
        city: 'Rabat',
        countryCode: 'MA',
        owner: MA,
        visibility: 'group',
        notes: ILLUSTRATIVE,
        organisers: [MA],
        actions: [dialogue],
        details: { bodyId: body, minutesHtml: minutes },
      });
    }
  },
};
