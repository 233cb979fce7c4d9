import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReachAgeBand, ReachSex, ReachStatus } from '../../../shared/contract/awareness.js';
import { anonymous } from '../../auth/actor.js';
import type { AwarenessSessionTable, DB } from '../../db/schema.js';
import { nowIso } from '../../http/versioning.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { replacePartners, replaceReach, SESSION_ENTITY } from '../../modules/awareness/sessions.repo.js';
import type { DemoPart } from './demo-part.js';

/**
 * Axis 4 of the 2017–2018 plan: raising migrant children's awareness of their rights, with UNHCR's financial support
 * (network reference). The sources name no session: every one below is invented to show the reach (a repeat with the
 * same group counted once, a media campaign apart) and says so in its notes.
 */

const audit = { actor: anonymous, requestId: null, label: 'system:demo' };
const INVENTED =
  'Exemple illustratif des données de démonstration : séance inventée (l’axe 4 du plan 2017–2018 est financé par le HCR ; les sources ne décrivent aucune séance).';

type Cells = [ReachStatus, ReachSex, ReachAgeBand, number][];

interface SessionSpec {
  key: string;
  title: string;
  setting: string;
  channel: string;
  country: string;
  owner: string;
  visibility: string;
  place: string;
  startsOn: string;
  languages: string[];
  repeatOf?: string;
  adults?: number;
  estimatedAudience?: number;
  reach: Cells;
}

const sessions: SessionSpec[] = [
  {
    key: 'fr-reception',
    title: 'Atelier « Tes droits, ton Défenseur » au centre d’accueil',
    setting: 'reception',
    channel: 'in_person',
    country: 'FR',
    owner: 'FR',
    // Institution-only: other institutions' staff do not see it.
    visibility: 'institution',
    place: 'Centre d’accueil pour mineurs isolés, Paris',
    startsOn: '2017-10-12',
    languages: ['fr', 'ar'],
    adults: 3,
    reach: [
      ['unaccompanied', 'boys', '15-17', 14],
      ['unaccompanied', 'boys', '12-14', 5],
      ['unaccompanied', 'girls', '15-17', 3],
    ],
  },
  {
    key: 'ma-school',
    title: 'Séance en classe sur les droits de l’enfant et le Médiateur',
    setting: 'school',
    channel: 'in_person',
    country: 'MA',
    owner: 'MA',
    visibility: 'group',
    place: 'École primaire, Rabat',
    startsOn: '2018-03-08',
    languages: ['ar', 'fr'],
    adults: 2,
    reach: [
      ['with_family', 'girls', '6-11', 11],
      ['with_family', 'boys', '6-11', 9],
      ['with_family', 'girls', '12-14', 4],
    ],
  },
  {
    key: 'ma-school-again',
    title: 'Deuxième séance avec la même classe',
    setting: 'school',
    channel: 'in_person',
    country: 'MA',
    owner: 'MA',
    visibility: 'group',
    place: 'École primaire, Rabat',
    startsOn: '2018-04-05',
    languages: ['ar', 'fr'],
    repeatOf: 'ma-school',
    adults: 2,
    // The same class: two more girls came, fewer boys; the reach keeps the largest count of each cell.
    reach: [
      ['with_family', 'girls', '6-11', 13],
      ['with_family', 'boys', '6-11', 7],
    ],
  },
  {
    key: 'es-transit',
    title: 'Information sur les droits dans un centre de séjour temporaire',
    setting: 'transit',
    channel: 'in_person',
    country: 'ES',
    owner: 'ES',
    visibility: 'group',
    place: 'Centre de séjour temporaire des migrants, Melilla',
    startsOn: '2018-06-20',
    languages: ['es', 'ar', 'fr'],
    adults: 5,
    reach: [
      ['separated', 'boys', '15-17', 8],
      ['separated', 'girls', '12-14', 2],
      ['unaccompanied', 'boys', '15-17', 6],
    ],
  },
  {
    key: 'be-radio',
    title: 'Campagne radio « Un enfant est un enfant »',
    setting: 'media_campaign',
    channel: 'radio',
    country: 'BE',
    owner: 'BE',
    visibility: 'public',
    place: 'Radios communautaires',
    startsOn: '2018-09-01',
    languages: ['fr', 'nl', 'ar'],
    estimatedAudience: 25_000,
    reach: [],
  },
];

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

export const awarenessDemo: DemoPart = {
  key: 'awareness',
  async run(trx) {
    const unhcr = (
      await trx.selectFrom('partners').select('id').where('acronym_en', '=', 'UNHCR').executeTakeFirstOrThrow()
    ).id;
    const ids = new Map<string, string>();
    for (const spec of sessions) {
      const now = nowIso();
      const owner = await institutionOf(trx, spec.owner);
      const row: AwarenessSessionTable = {
        id: randomUUID(),
        title: spec.title,
        setting: spec.setting,
        channel: spec.channel,
        facility_id: null,
        country_code: spec.country,
        place: spec.place,
        starts_on: spec.startsOn,
        ends_on: null,
        languages: JSON.stringify(spec.languages),
        funder_partner_id: unhcr,
        budget_minor: null,
        budget_currency: null,
        repeat_of_id: spec.repeatOf ? (ids.get(spec.repeatOf) ?? null) : null,
        estimated_audience: spec.estimatedAudience ?? null,
        adults: spec.adults ?? 0,
        notes: INVENTED,
        owner_institution_id: owner,
        visibility: spec.visibility,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      ids.set(spec.key, row.id);
      await trx.insertInto('awareness_sessions').values(row).execute();
      const cells = spec.reach.map(([status, sex, age_band, count]) => ({ status, sex, age_band, count }));
      await replaceReach(trx, row.id, cells);
      await replacePartners(trx, row.id, [unhcr]);
      await recordAudit(trx, audit, {
        entity: SESSION_ENTITY,
        entityId: row.id,
        action: 'create',
        after: { ...row, children: cells, partners: [unhcr] },
        institutionId: owner,
      });
    }
  },
};
