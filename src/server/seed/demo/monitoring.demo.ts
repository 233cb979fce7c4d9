import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MonitoringTheme } from '../../../shared/contract/monitoring.js';
import { anonymous } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { nowIso } from '../../http/versioning.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import type { DemoPart } from './demo-part.js';

/**
 * The AOM's monitoring visits of 2016–2017 (network reference): Tabanovce and Vizbegovo in Macedonia, Ponte Galeria
 * and the Trapani-Milo hotspot in Italy, with the recommendations the sources give. The visits are the network's
 * (the AOM led them); dates of issue are the visits' last day, as the sources give no other.
 */

const audit = { actor: anonymous, requestId: null, label: 'system:demo' };

interface FacilitySpec {
  key: string;
  name: string;
  kind: string;
  countryCode: string;
  city: string;
  /** The town's coordinates, approximate: the sources give none for the buildings themselves. */
  at: [number, number];
}

const facilities: FacilitySpec[] = [
  {
    key: 'tabanovce',
    name: 'Centre de transit de Tabanovce',
    kind: 'transit_centre',
    countryCode: 'MK',
    city: 'Tabanovce',
    at: [42.2117, 21.6964],
  },
  {
    key: 'vizbegovo',
    name: 'Centre d’asile de Vizbegovo',
    kind: 'reception_centre',
    countryCode: 'MK',
    city: 'Skopje',
    at: [42.0311, 21.3667],
  },
  {
    key: 'ponte',
    name: 'CIE de Ponte Galeria',
    kind: 'detention_centre',
    countryCode: 'IT',
    city: 'Rome',
    at: [41.8003, 12.3336],
  },
  {
    key: 'trapani',
    name: 'Hotspot de Trapani-Milo',
    kind: 'hotspot',
    countryCode: 'IT',
    city: 'Trapani',
    at: [38.0028, 12.5403],
  },
];

interface VisitSpec {
  facility: string;
  startsOn: string;
  endsOn: string;
  type: string;
  total: number | null;
  summary: string;
  recommendations: { text: string; theme: MonitoringTheme; addressee: string }[];
}

const MK = 'Autorités de l’ex-République yougoslave de Macédoine';
const IT = 'Autorités italiennes (ministère de l’Intérieur)';

const visits: VisitSpec[] = [
  {
    facility: 'tabanovce',
    startsOn: '2016-02-22',
    endsOn: '2016-02-22',
    type: 'ad_hoc',
    total: 617,
    summary: 'Visite de l’AOM ; 617 personnes de nationalité afghane présentes ce jour-là.',
    recommendations: [],
  },
  {
    facility: 'tabanovce',
    startsOn: '2017-03-13',
    endsOn: '2017-03-13',
    type: 'follow_up',
    total: null,
    summary: 'Visite de l’AOM au centre de transit, avec le centre d’asile de Vizbegovo le lendemain.',
    recommendations: [
      { text: 'Améliorer l’information donnée aux migrants.', theme: 'asylum_information', addressee: MK },
      { text: 'Identifier les personnes vulnérables et les orienter.', theme: 'identification_age', addressee: MK },
      { text: 'Renforcer la coopération régionale.', theme: 'other', addressee: MK },
      {
        text: 'Assurer la protection policière des femmes, des enfants et des victimes de la traite.',
        theme: 'gender_trafficking',
        addressee: MK,
      },
      { text: 'Proposer des activités récréatives.', theme: 'education_leisure', addressee: MK },
    ],
  },
  {
    facility: 'vizbegovo',
    startsOn: '2017-03-14',
    endsOn: '2017-03-14',
    type: 'in_depth',
    total: null,
    summary: 'Visite de l’AOM au centre d’asile de Vizbegovo.',
    recommendations: [],
  },
  {
    facility: 'ponte',
    startsOn: '2017-04-25',
    endsOn: '2017-04-25',
    type: 'in_depth',
    total: null,
    summary: 'Visite de l’AOM au centre d’identification et d’expulsion de Ponte Galeria.',
    recommendations: [],
  },
  {
    facility: 'trapani',
    startsOn: '2017-04-26',
    endsOn: '2017-04-26',
    type: 'in_depth',
    total: 23,
    summary: 'Visite de l’AOM ; 23 personnes présentes dans le hotspot ce jour-là, dont 15 femmes.',
    recommendations: [
      {
        text: 'Désigner plus rapidement les représentants légaux des mineurs non accompagnés.',
        theme: 'guardianship_legal_aid',
        addressee: IT,
      },
      {
        text: 'Ne recourir ni à la contrainte ni à une rétention prolongée pour le relevé des empreintes digitales.',
        theme: 'legal_basis',
        addressee: IT,
      },
      {
        text: 'Transférer rapidement hors des hotspots les mineurs vulnérables et les victimes de la traite.',
        theme: 'gender_trafficking',
        addressee: IT,
      },
    ],
  },
];

export const monitoringDemo: DemoPart = {
  key: 'monitoring',
  async run(trx: Kysely<DB>) {
    const now = nowIso();
    const stamp = { version: 1, created_at: now, updated_at: now };
    const facilityIds = new Map<string, string>();
    for (const f of facilities) {
      const id = randomUUID();
      facilityIds.set(f.key, id);
      const row = {
        id,
        name: f.name,
        kind: f.kind,
        country_code: f.countryCode,
        region: null,
        city: f.city,
        latitude: f.at[0],
        longitude: f.at[1],
        operating_authority: null,
        capacity: null,
        holds_children: 1,
        is_open: 1,
        notes: 'Coordonnées approximatives de la localité (données de démonstration).',
        owner_institution_id: null,
        visibility: 'public',
        ...stamp,
      };
      await trx.insertInto('facilities').values(row).execute();
      await recordAudit(trx, audit, { entity: 'facility', entityId: id, action: 'create', after: row });
    }
    for (const v of visits) {
      const id = randomUUID();
      const row = {
        id,
        facility_id: facilityIds.get(v.facility) as string,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        type: v.type,
        announced: 1,
        status: 'closed',
        status_changed_at: now,
        status_changed_by: null,
        objectives: null,
        summary: v.summary,
        population_total: v.total,
        population_children: null,
        population_unaccompanied: null,
        population_girls: null,
        population_age_0_5: null,
        population_age_6_11: null,
        population_age_12_14: null,
        population_age_15_17: null,
        checklist_template_id: null,
        checklist_started_at: null,
        owner_institution_id: null,
        visibility: 'group',
        ...stamp,
      };
      await trx.insertInto('visits').values(row).execute();
      await trx
        .insertInto('visit_status_changes')
        .values({
          id: randomUUID(),
          visit_id: id,
          from_status: null,
          to_status: 'closed',
          note: 'Données de démonstration',
          changed_at: now,
          changed_by: null,
        })
        .execute();
      await recordAudit(trx, audit, { entity: 'visit', entityId: id, action: 'create', after: row });
      for (const r of v.recommendations) {
        const recommendation = {
          id: randomUUID(),
          visit_id: id,
          finding_id: null,
          addressee: r.addressee,
          text: r.text,
          theme: r.theme,
          priority: 'medium',
          issued_on: v.endsOn,
          due_on: null,
          repeats_id: null,
          status: 'issued',
          status_on: v.endsOn,
          first_reply_on: null,
          ...stamp,
        };
        await trx.insertInto('recommendations').values(recommendation).execute();
        await recordAudit(trx, audit, {
          entity: 'recommendation',
          entityId: recommendation.id,
          action: 'create',
          after: recommendation,
        });
      }
    }
  },
};
