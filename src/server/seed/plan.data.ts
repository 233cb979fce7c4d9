/**
 * The founding document, "Projet de plan d'action 2017-2018", in its own French wording (the original), with the
 * working English translation shown when the interface is in English. Facts the text states are data: who funds
 * axis 4, which partners axis 3 names, which axes each institution carries out on its own.
 */

export const planSourceText = `Groupe de travail AOM/AOMF sur les droits des enfants migrants

- Projet de plan d'action 2017-2018 -

Le groupe de travail sera composé des membres de l'Albanie, France, Bénin, Belgique, Maroc, Côte d'Ivoire, Espagne, Macédoine, Malte et Turquie (en attente de validation). Chaque représentant de l'institution membre sera le point de contact pour le groupe de travail. Les travaux du groupe de travail seront réalisés en lien avec les différentes déclarations de l'AOM et de l'AOMF en la matière.

1. Création d'instances de dialogue et de partenariats au sein de chaque institution membre en intégrant la société civile et les organisations internationales avec des réunions régulières
2. Sensibilisation des autorités quant à leurs responsabilités (notamment en raison de leur engagement à respecter la Convention relative aux droits de l'enfant) à l'égard des droits des enfants migrants, à la lutte contre les discriminations, aux discours de haine et de xénophobie, en particulier à travers l'organisation de formations et des prises de position des institutions membres
3. Renforcement des capacités des institutions membres sur les droits des enfants migrants avec la participation des organisations internationales (HCR, OIM) et de la société civile :
 - Visites d'étude dans les institutions homologues membres (rencontres et visites sur place)
 - Participation au cours de Moncton au Nouveau Brunswick sur les droits des enfants vulnérables dont les enfants migrants (juin 2017)
4. Sensibilisation des enfants migrants à leurs droits et aux institutions d'Ombudsmans et en intégrant la lutte contre les discriminations, les discours de haine et de xénophobie (avec le soutien financier du HCR) :
 - Dans les pays d'origine/de départ
 - Dans les lieux de réception, de transit ou d'accueil des enfants, dans les écoles ou centres communautaires
 - A travers des campagnes /médias
5. Organisation de visites de vérifications sur place respectivement par chaque institution dans les hot spot et/ou lieux de détention, centres d'accueil et d'hébergement... en lien avec les organisations internationales`;

export const planSeed = {
  titleFr: "Projet de plan d'action 2017-2018",
  titleEn: 'Draft action plan 2017–2018',
  startsOn: '2017-01-01',
  endsOn: '2018-12-31',
  status: 'draft',
  visibility: 'group',
} as const;

export interface AxisSeed {
  number: string;
  titleFr: string;
  titleEn: string;
  textFr: string;
  textEn: string;
  eachInstitution: boolean;
  /** Partners by their English acronym, with the role the text gives them. */
  partners: { acronym: string; role: 'participant' | 'funder' }[];
  subItems: { number: string; titleFr: string; titleEn: string }[];
}

export const axesSeed: AxisSeed[] = [
  {
    number: '1',
    titleFr: "Création d'instances de dialogue et de partenariats",
    titleEn: 'Creation of dialogue bodies and partnerships',
    textFr:
      "Création d'instances de dialogue et de partenariats au sein de chaque institution membre en intégrant la société civile et les organisations internationales avec des réunions régulières",
    textEn:
      'Creation of dialogue bodies and partnerships within each member institution, bringing in civil society and international organisations, with regular meetings.',
    eachInstitution: true,
    partners: [],
    subItems: [],
  },
  {
    number: '2',
    titleFr: 'Sensibilisation des autorités',
    titleEn: 'Raising the awareness of authorities',
    textFr:
      "Sensibilisation des autorités quant à leurs responsabilités (notamment en raison de leur engagement à respecter la Convention relative aux droits de l'enfant) à l'égard des droits des enfants migrants, à la lutte contre les discriminations, aux discours de haine et de xénophobie, en particulier à travers l'organisation de formations et des prises de position des institutions membres",
    textEn:
      'Raising the awareness of authorities of their responsibilities (notably under their commitment to respect the Convention on the Rights of the Child) towards the rights of migrant children, the fight against discrimination, hate speech and xenophobia — in particular through trainings and public positions taken by member institutions.',
    eachInstitution: false,
    partners: [],
    subItems: [],
  },
  {
    number: '3',
    titleFr: 'Renforcement des capacités',
    titleEn: 'Capacity building',
    textFr:
      'Renforcement des capacités des institutions membres sur les droits des enfants migrants avec la participation des organisations internationales (HCR, OIM) et de la société civile',
    textEn:
      'Capacity building of member institutions on the rights of migrant children, with the participation of international organisations (UNHCR, IOM) and civil society.',
    eachInstitution: false,
    partners: [
      { acronym: 'UNHCR', role: 'participant' },
      { acronym: 'IOM', role: 'participant' },
    ],
    subItems: [
      {
        number: '3.1',
        titleFr: "Visites d'étude dans les institutions homologues membres (rencontres et visites sur place)",
        titleEn: 'Study visits to peer member institutions (meetings and on-site visits)',
      },
      {
        number: '3.2',
        titleFr:
          'Participation au cours de Moncton au Nouveau Brunswick sur les droits des enfants vulnérables dont les enfants migrants (juin 2017)',
        titleEn:
          'Participation in the Moncton course (New Brunswick) on the rights of vulnerable children, including migrant children (June 2017)',
      },
    ],
  },
  {
    number: '4',
    titleFr: 'Sensibilisation des enfants migrants',
    titleEn: "Raising migrant children's awareness",
    textFr:
      "Sensibilisation des enfants migrants à leurs droits et aux institutions d'Ombudsmans et en intégrant la lutte contre les discriminations, les discours de haine et de xénophobie (avec le soutien financier du HCR)",
    textEn:
      "Raising migrant children's awareness of their rights and of Ombudsman institutions, including the fight against discrimination, hate speech and xenophobia (with UNHCR financial support).",
    eachInstitution: false,
    partners: [{ acronym: 'UNHCR', role: 'funder' }],
    subItems: [
      { number: '4.1', titleFr: "Dans les pays d'origine/de départ", titleEn: 'In countries of origin / departure' },
      {
        number: '4.2',
        titleFr:
          "Dans les lieux de réception, de transit ou d'accueil des enfants, dans les écoles ou centres communautaires",
        titleEn: 'In places of reception, transit or accommodation of children, in schools or community centres',
      },
      { number: '4.3', titleFr: 'A travers des campagnes /médias', titleEn: 'Through campaigns / media' },
    ],
  },
  {
    number: '5',
    titleFr: 'Organisation de visites de vérifications sur place',
    titleEn: 'On-site verification visits',
    textFr:
      "Organisation de visites de vérifications sur place respectivement par chaque institution dans les hot spot et/ou lieux de détention, centres d'accueil et d'hébergement... en lien avec les organisations internationales",
    textEn:
      'On-site verification visits, organised by each institution, in hotspots and/or places of detention, reception and accommodation centres…, in liaison with international organisations.',
    eachInstitution: true,
    partners: [],
    subItems: [],
  },
];

export interface IndicatorSeed {
  axis: string;
  code: string;
  nameFr: string;
  nameEn: string;
  unit: string;
  aggregation: 'sum' | 'average';
  baseline: number | null;
  target: number | null;
  frequency: 'quarterly' | 'semiannual' | 'annual' | 'plan';
  dimensions: string[];
}

/** A starting set from the suggested indicators per axis; editable data, targets to be agreed by the group. */
export const indicatorsSeed: IndicatorSeed[] = [
  {
    axis: '1',
    code: '1.a',
    nameFr: 'Instances de dialogue mises en place',
    nameEn: 'Dialogue bodies set up',
    unit: 'instances',
    aggregation: 'sum',
    baseline: 0,
    target: 10,
    frequency: 'plan',
    dimensions: [],
  },
  {
    axis: '1',
    code: '1.b',
    nameFr: 'Réunions tenues par les instances de dialogue',
    nameEn: 'Meetings held by dialogue bodies',
    unit: 'réunions',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: [],
  },
  {
    axis: '1',
    code: '1.c',
    nameFr: 'Partenaires associés aux instances de dialogue',
    nameEn: 'Partners involved in dialogue bodies',
    unit: 'partenaires',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'annual',
    dimensions: ['partner_kind'],
  },
  {
    axis: '2',
    code: '2.a',
    nameFr: 'Formations organisées pour les autorités',
    nameEn: 'Trainings held for authorities',
    unit: 'formations',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: [],
  },
  {
    axis: '2',
    code: '2.b',
    nameFr: 'Agents publics formés',
    nameEn: 'Officials trained',
    unit: 'personnes',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: ['profession', 'sex'],
  },
  {
    axis: '2',
    code: '2.c',
    nameFr: 'Prises de position publiques',
    nameEn: 'Public position statements issued',
    unit: 'prises de position',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: [],
  },
  {
    axis: '2',
    code: '2.d',
    nameFr: 'Réponses reçues des autorités',
    nameEn: 'Responses received from authorities',
    unit: 'réponses',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: [],
  },
  {
    axis: '3',
    code: '3.a',
    nameFr: "Visites d'étude réalisées",
    nameEn: 'Study visits carried out',
    unit: 'visites',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'annual',
    dimensions: [],
  },
  {
    axis: '3',
    code: '3.b',
    nameFr: 'Personnels formés (dont cours de Moncton)',
    nameEn: 'Staff trained (including the Moncton course)',
    unit: 'personnes',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'annual',
    dimensions: ['sex'],
  },
  {
    axis: '3',
    code: '3.c',
    nameFr: "Score d'auto-évaluation de l'institution",
    nameEn: 'Institution self-assessment score',
    unit: 'score sur 100',
    aggregation: 'average',
    baseline: null,
    target: null,
    frequency: 'annual',
    dimensions: [],
  },
  {
    axis: '4',
    code: '4.a',
    nameFr: 'Séances de sensibilisation tenues',
    nameEn: 'Awareness sessions held',
    unit: 'séances',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: ['setting'],
  },
  {
    axis: '4',
    code: '4.b',
    nameFr: 'Enfants atteints (sans double compte)',
    nameEn: 'Children reached (no double counting)',
    unit: 'enfants',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: ['sex', 'age_band', 'child_status'],
  },
  {
    axis: '4',
    code: '4.c',
    nameFr: 'Adultes atteints',
    nameEn: 'Adults reached',
    unit: 'personnes',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: [],
  },
  {
    axis: '5',
    code: '5.a',
    nameFr: 'Visites de vérification sur place',
    nameEn: 'On-site verification visits',
    unit: 'visites',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: ['facility_kind', 'announcement'],
  },
  {
    axis: '5',
    code: '5.b',
    nameFr: 'Recommandations émises',
    nameEn: 'Recommendations issued',
    unit: 'recommandations',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'semiannual',
    dimensions: [],
  },
  {
    axis: '5',
    code: '5.c',
    nameFr: 'Recommandations mises en œuvre',
    nameEn: 'Recommendations implemented',
    unit: 'recommandations',
    aggregation: 'sum',
    baseline: 0,
    target: null,
    frequency: 'annual',
    dimensions: [],
  },
  {
    axis: '5',
    code: '5.d',
    nameFr: 'Délai moyen de réponse des autorités',
    nameEn: 'Average time for authorities to reply',
    unit: 'jours',
    aggregation: 'average',
    baseline: null,
    target: null,
    frequency: 'annual',
    dimensions: [],
  },
];

export const periodsSeed = [
  { label: '2017 S1', startsOn: '2017-01-01', endsOn: '2017-06-30' },
  { label: '2017 S2', startsOn: '2017-07-01', endsOn: '2017-12-31' },
  { label: '2018 S1', startsOn: '2018-01-01', endsOn: '2018-06-30' },
  { label: '2018 S2', startsOn: '2018-07-01', endsOn: '2018-12-31' },
];
