/**
 * The working group's network as of the 2017–2018 plan, from the associations' and institutions' own public
 * sites. What could not be confirmed ships as editable data marked `to_confirm`; no person is ever named.
 */

export type AssociationStatus = 'member' | 'not_member' | 'unknown';

export const associationsSeed = [
  {
    code: 'AOM',
    nameFr: 'Association des Ombudsmans de la Méditerranée',
    nameEn: 'Association of Mediterranean Ombudsmen',
    foundedOn: null,
    website: 'https://www.ombudsman-med.org',
    notes:
      'Fondée en 2008 ; texte fondateur : Déclaration de Rabat du 10 novembre 2007 (première rencontre des ombudsmans de la Méditerranée). Seule l’année de fondation est connue.',
  },
  {
    code: 'AOMF',
    nameFr: 'Association des Ombudsmans et Médiateurs de la Francophonie',
    nameEn: 'Association of Ombudsmen and Mediators of La Francophonie',
    foundedOn: null,
    website: 'https://www.aomf-ombudsmans-francophonie.org',
    notes:
      'Comité des droits de l’enfant (travaux 2016–2019). Secrétariat permanent assuré par le Défenseur des droits (France).',
  },
  {
    code: 'FIO',
    nameFr: 'Fédération ibéro-américaine de l’Ombudsman',
    nameEn: 'Ibero-American Federation of Ombudsman',
    foundedOn: null,
    website: null,
    notes: 'Cosignataire de la Déclaration de Tirana (2016).',
  },
  {
    code: 'IOI',
    nameFr: 'Institut international de l’Ombudsman',
    nameEn: 'International Ombudsman Institute',
    foundedOn: null,
    website: null,
    notes: 'Cosignataire de la Déclaration de Tirana (2016).',
  },
] as const;

export interface InstitutionSeed {
  key: string;
  countryCode: string;
  nameOriginal: string | null;
  nameFr: string;
  nameEn: string | null;
  kind: 'ombudsman' | 'mediator' | 'children_ombudsman' | 'human_rights_institution' | 'other';
  website: string | null;
  dataStatus: 'confirmed' | 'to_confirm';
  notes: string | null;
  aom: AssociationStatus;
  aomf: AssociationStatus;
  aomfNote?: string;
}

/** The ten members, in the order the plan lists them. */
export const memberInstitutionsSeed: (InstitutionSeed & { membership: 'active' | 'pending_validation' })[] = [
  {
    key: 'AL',
    countryCode: 'AL',
    nameOriginal: 'Avokati i Popullit',
    nameFr: 'Avocat du peuple',
    nameEn: "People's Advocate",
    kind: 'ombudsman',
    website: null,
    dataStatus: 'confirmed',
    notes: null,
    aom: 'member',
    aomf: 'member',
    membership: 'active',
  },
  {
    key: 'FR',
    countryCode: 'FR',
    nameOriginal: 'Défenseur des droits',
    nameFr: 'Défenseur des droits',
    nameEn: 'Defender of Rights',
    kind: 'ombudsman',
    website: null,
    dataStatus: 'confirmed',
    notes: null,
    aom: 'member',
    aomf: 'member',
    aomfNote: 'Assure le secrétariat permanent de l’AOMF.',
    membership: 'active',
  },
  {
    key: 'BJ',
    countryCode: 'BJ',
    nameOriginal: 'Médiateur de la République du Bénin',
    nameFr: 'Médiateur de la République du Bénin',
    nameEn: 'Ombudsman of the Republic of Benin',
    kind: 'mediator',
    website: null,
    dataStatus: 'confirmed',
    notes: null,
    aom: 'not_member',
    aomf: 'member',
    membership: 'active',
  },
  {
    key: 'BE',
    countryCode: 'BE',
    nameOriginal: 'Délégué général de la Communauté française aux droits de l’enfant',
    nameFr: 'Délégué général de la Communauté française aux droits de l’enfant (DGDE)',
    nameEn: 'General Delegate for Children’s Rights of the French Community',
    kind: 'children_ombudsman',
    website: null,
    dataStatus: 'to_confirm',
    notes:
      'Institution membre à confirmer. Candidates : Délégué général de la Communauté française aux droits de l’enfant (DGDE) ; Médiateur de la Wallonie et de la Fédération Wallonie-Bruxelles ; Médiateur fédéral / De federale Ombudsman ; Kinderrechtencommissariaat.',
    aom: 'not_member',
    aomf: 'unknown',
    membership: 'active',
  },
  {
    key: 'MA',
    countryCode: 'MA',
    nameOriginal: 'مؤسسة الوسيط',
    nameFr: 'Institution du Médiateur du Royaume',
    nameEn: 'Institution of the Ombudsman of the Kingdom of Morocco',
    kind: 'mediator',
    website: null,
    dataStatus: 'confirmed',
    notes: null,
    aom: 'member',
    aomf: 'member',
    membership: 'active',
  },
  {
    key: 'CI',
    countryCode: 'CI',
    nameOriginal: 'Médiateur de la République de Côte d’Ivoire',
    nameFr: 'Médiateur de la République de Côte d’Ivoire',
    nameEn: 'Ombudsman of the Republic of Côte d’Ivoire',
    kind: 'mediator',
    website: null,
    dataStatus: 'confirmed',
    notes: null,
    aom: 'not_member',
    aomf: 'member',
    membership: 'active',
  },
  {
    key: 'ES',
    countryCode: 'ES',
    nameOriginal: 'Defensor del Pueblo',
    nameFr: 'Défenseur du peuple (Espagne)',
    nameEn: 'Spanish Ombudsman',
    kind: 'ombudsman',
    website: null,
    dataStatus: 'confirmed',
    notes: 'Membre fondateur de l’AOM. Appartenance à l’AOMF à confirmer.',
    aom: 'member',
    aomf: 'unknown',
    membership: 'active',
  },
  {
    key: 'MK',
    countryCode: 'MK',
    nameOriginal: 'Народен правобранител',
    nameFr: 'Ombudsman de la Macédoine du Nord',
    nameEn: 'Ombudsman of North Macedonia',
    kind: 'ombudsman',
    website: null,
    dataStatus: 'confirmed',
    notes: 'Désigné « Macédoine » dans le plan d’action 2017-2018. Appartenance à l’AOMF à confirmer.',
    aom: 'member',
    aomf: 'unknown',
    membership: 'active',
  },
  {
    key: 'MT',
    countryCode: 'MT',
    nameOriginal: 'Uffiċċju tal-Ombudsman',
    nameFr: 'Ombudsman parlementaire de Malte',
    nameEn: 'Parliamentary Ombudsman of Malta',
    kind: 'ombudsman',
    website: null,
    dataStatus: 'confirmed',
    notes: 'Appartenance à l’AOMF à confirmer.',
    aom: 'member',
    aomf: 'unknown',
    membership: 'active',
  },
  {
    key: 'TR',
    countryCode: 'TR',
    nameOriginal: 'Kamu Denetçiliği Kurumu',
    nameFr: 'Institution de l’Ombudsman de Turquie (KDK)',
    nameEn: 'Ombudsman Institution of Turkey (KDK)',
    kind: 'ombudsman',
    website: null,
    dataStatus: 'confirmed',
    notes:
      'Adhésion au groupe de travail en attente de validation. Site pour les enfants (kdkcocuk.gov.tr, depuis 2014) où les moins de 18 ans peuvent saisir directement l’institution. Appartenance à l’AOMF à confirmer.',
    aom: 'member',
    aomf: 'unknown',
    membership: 'pending_validation',
  },
];

/** Institutions outside the group that took part in its 2016–2018 events. */
export const otherInstitutionsSeed: InstitutionSeed[] = [
  {
    key: 'CA-NB',
    countryCode: 'CA',
    nameOriginal: 'Défenseur des enfants et de la jeunesse du Nouveau-Brunswick',
    nameFr: 'Défenseur des enfants et de la jeunesse du Nouveau-Brunswick',
    nameEn: 'New Brunswick Child and Youth Advocate',
    kind: 'children_ombudsman',
    website: null,
    dataStatus: 'to_confirm',
    notes: 'Co-organisateur du cours d’été international de Moncton sur les droits de l’enfant.',
    aom: 'not_member',
    aomf: 'unknown',
  },
  {
    key: 'DJ',
    countryCode: 'DJ',
    nameOriginal: null,
    nameFr: 'Médiateur de la République de Djibouti',
    nameEn: null,
    kind: 'mediator',
    website: null,
    dataStatus: 'to_confirm',
    notes: 'Participant à la formation de Rabat (2016) et à la visite d’étude de Bruxelles (2018).',
    aom: 'unknown',
    aomf: 'unknown',
  },
  {
    key: 'SN',
    countryCode: 'SN',
    nameOriginal: null,
    nameFr: 'Médiateur de la République du Sénégal',
    nameEn: null,
    kind: 'mediator',
    website: null,
    dataStatus: 'to_confirm',
    notes: 'Participant à la formation de Rabat (2016) et à la visite d’étude de Bruxelles (2018).',
    aom: 'unknown',
    aomf: 'unknown',
  },
  {
    key: 'MR',
    countryCode: 'MR',
    nameOriginal: null,
    nameFr: 'Médiateur de la République islamique de Mauritanie',
    nameEn: null,
    kind: 'mediator',
    website: null,
    dataStatus: 'to_confirm',
    notes: 'Participant à la formation de Rabat (2016).',
    aom: 'unknown',
    aomf: 'unknown',
  },
  {
    key: 'BI',
    countryCode: 'BI',
    nameOriginal: null,
    nameFr: 'Ombudsman du Burundi',
    nameEn: null,
    kind: 'ombudsman',
    website: null,
    dataStatus: 'to_confirm',
    notes: 'Participant à la visite d’étude de Bruxelles (2018).',
    aom: 'unknown',
    aomf: 'unknown',
  },
  {
    key: 'MU',
    countryCode: 'MU',
    nameOriginal: 'Ombudsperson for Children',
    nameFr: 'Ombudsperson pour les enfants (Maurice)',
    nameEn: 'Ombudsperson for Children (Mauritius)',
    kind: 'children_ombudsman',
    website: null,
    dataStatus: 'to_confirm',
    notes: 'Participant à la visite d’étude de Bruxelles (2018).',
    aom: 'unknown',
    aomf: 'unknown',
  },
];

export const groupSeed = {
  nameFr: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants',
  nameEn: 'AOM/AOMF Working Group on the Rights of Migrant Children',
  descriptionFr:
    'Chaque représentant de l’institution membre est le point de contact pour le groupe de travail. Les travaux du groupe sont réalisés en lien avec les différentes déclarations de l’AOM et de l’AOMF en la matière.',
  descriptionEn:
    'The representative of each member institution is its contact point for the working group. The group works in line with the declarations of the AOM and of the AOMF on the subject.',
  associations: ['AOM', 'AOMF'],
};

export const partnersSeed = [
  {
    nameFr: 'Haut-Commissariat des Nations unies pour les réfugiés',
    nameEn: 'United Nations High Commissioner for Refugees',
    acronymFr: 'HCR',
    acronymEn: 'UNHCR',
    kind: 'international_organisation',
    notes: 'Nommé dans le plan (axe 3) ; soutien financier de l’axe 4.',
  },
  {
    nameFr: 'Organisation internationale pour les migrations',
    nameEn: 'International Organization for Migration',
    acronymFr: 'OIM',
    acronymEn: 'IOM',
    kind: 'international_organisation',
    notes: 'Nommée dans le plan (axe 3).',
  },
  {
    nameFr: 'Fonds des Nations unies pour l’enfance',
    nameEn: "United Nations Children's Fund",
    acronymFr: 'UNICEF',
    acronymEn: 'UNICEF',
    kind: 'international_organisation',
    notes: 'Expert à la formation de Rabat (novembre 2016) ; non nommé dans le plan.',
  },
] as const;

export const declarationsSeed = [
  {
    titleFr: 'Déclaration de Rabat',
    titleEn: 'Rabat Declaration',
    adoptedOn: '2007-11-10',
    place: 'Rabat',
    associations: ['AOM'],
    summaryFr: 'Texte fondateur de l’AOM, adopté lors de la première rencontre des ombudsmans de la Méditerranée.',
    summaryEn: 'Founding text of the AOM, adopted at the first meeting of Mediterranean ombudsmen.',
  },
  {
    titleFr: 'Déclaration de Malte',
    titleEn: 'Malta Declaration',
    adoptedOn: '2016-03-10',
    place: 'La Valette',
    associations: ['AOM'],
    summaryFr:
      'Adoptée lors de la 9e rencontre de l’AOM (La Valette, 9-10 mars 2016), sur les migrants et les réfugiés : accès effectif à l’asile sans discrimination, lutte contre les discours de haine et la xénophobie, approche fondée sur les droits de l’homme.',
    summaryEn:
      'Adopted at the 9th AOM meeting (Valletta, 9–10 March 2016), on migrants and refugees: effective access to asylum without discrimination, action against hate speech and xenophobia, a human-rights-based approach.',
  },
  {
    titleFr: 'Déclaration de Tirana',
    titleEn: 'Tirana Declaration',
    adoptedOn: '2016-09-08',
    place: 'Tirana',
    associations: ['AOM', 'AOMF', 'FIO', 'IOI'],
    summaryFr:
      '8 engagements des ombudsmans et 10 demandes aux États ; l’engagement 4 : intensifier les enquêtes d’office et la présence aux points de passage des frontières, dans les lieux d’hébergement et de détention. Évaluée par l’AOMF dans un rapport de novembre 2018 (réponses de 16 membres).',
    summaryEn:
      '8 commitments of ombudsmen and 10 requests to States; commitment 4: intensify ex officio investigations and presence at border crossings, accommodation and detention places. Evaluated by the AOMF in a November 2018 report (answers from 16 members).',
  },
  {
    titleFr: 'Résolution de l’AOMF sur les droits de l’enfant',
    titleEn: 'AOMF resolution on children’s rights',
    adoptedOn: '2012-10-23',
    place: 'Tirana',
    associations: ['AOMF'],
    summaryFr: 'Résolution/déclaration de l’AOMF sur les droits de l’enfant, Tirana, 23 octobre 2012.',
    summaryEn: 'AOMF resolution/declaration on children’s rights, Tirana, 23 October 2012.',
  },
] as const;
