import type { ActivityKind } from '../../../shared/contract/activities.js';
import type { actionStatuses } from '../../../shared/contract/plan.js';
import type { ReportLanguage } from '../../../shared/contract/reports.js';

/** The report's own wording, in its two languages (the documents are written on the server, not in the browser). */
export interface ConsolidatedLabels {
  title: string;
  subtitle: (from: string, to: string) => string;
  cover: string;
  period: string;
  generatedAt: string;
  generatedBy: string;
  language: string;
  languageName: string;
  scope: string;
  scopeAll: (name: string) => string;
  scopeInstitutions: (names: string) => string;
  scopeNote: string;
  summary: string;
  summaryIntro: string;
  axis: string;
  axisTitle: (number: string, title: string) => string;
  records: string;
  recordsChart: string;
  figures: string;
  figure: string;
  value: string;
  activitiesOfKind: Record<ActivityKind, string>;
  awarenessSessions: string;
  dashboard: {
    bodies: string;
    bodiesOnTime: string;
    bodiesBehind: string;
    meetings: string;
    trainings: string;
    peopleTrained: string;
    statements: string;
    statementsReplied: string;
    statementsWaiting: string;
    medianDaysToReply: string;
    groups: string;
    mediaAudience: string;
    announced: string;
    unannounced: string;
    joint: string;
    recommendationsOverdue: string;
    implementationRate: string;
  };
  childrenReached: string;
  adultsReached: string;
  visits: string;
  recommendations: string;
  actions: string;
  noActions: string;
  action: string;
  lead: string;
  status: string;
  plannedEnd: string;
  statuses: Record<(typeof actionStatuses)[number], string>;
  indicators: string;
  noIndicators: string;
  code: string;
  indicator: string;
  baseline: string;
  target: string;
  achieved: string;
  periodValue: string;
  overall: string;
  institutions: string;
  institution: string;
  institutionsChart: string;
  /** Short column headings of the table per institution. */
  columns: { activities: string; sessions: string; visits: string; actions: string; reports: string };
  highlights: string;
  statementsHighlights: string;
  trainingsHighlights: string;
  visitsHighlights: string;
  date: string;
  titleColumn: string;
  facility: string;
  none: string;
  noPlan: string;
  plan: (title: string, from: string, to: string) => string;
  genericAxes: Record<1 | 2 | 3 | 4 | 5, string>;
}

const fr: ConsolidatedLabels = {
  title: 'Rapport d’activité consolidé du groupe de travail',
  subtitle: (from, to) => `Période du ${from} au ${to}`,
  cover: 'Présentation',
  period: 'Période',
  generatedAt: 'Établi le',
  generatedBy: 'Demandé par',
  language: 'Langue',
  languageName: 'français',
  scope: 'Périmètre',
  scopeAll: (name) => `Toutes les données que ${name} peut consulter`,
  scopeInstitutions: (names) => `Les institutions suivantes : ${names}`,
  scopeNote:
    'Les chiffres ne comprennent que les enregistrements visibles par la personne qui a demandé le rapport, au moment où il a été établi.',
  summary: 'Synthèse par axe',
  summaryIntro: 'Nombre d’enregistrements de la période pour chacun des cinq axes du plan d’action.',
  axis: 'Axe',
  axisTitle: (number, title) => `Axe ${number} — ${title}`,
  records: 'Enregistrements',
  recordsChart: 'Enregistrements de la période, par axe',
  figures: 'Chiffres de la période',
  figure: 'Indicateur de la période',
  value: 'Valeur',
  activitiesOfKind: {
    dialogue_body: 'Instances de dialogue',
    meeting: 'Réunions',
    training: 'Formations',
    statement: 'Prises de position',
    study_visit: 'Visites d’étude',
    course: 'Cours suivis',
  },
  awarenessSessions: 'Séances et campagnes de sensibilisation',
  dashboard: {
    bodies: 'Instances de dialogue',
    bodiesOnTime: 'Instances réunies au rythme prévu',
    bodiesBehind: 'Instances en retard de réunion',
    meetings: 'Réunions tenues',
    trainings: 'Formations',
    peopleTrained: 'Personnes formées',
    statements: 'Prises de position',
    statementsReplied: 'Prises de position ayant reçu une réponse',
    statementsWaiting: 'Prises de position en attente de réponse',
    medianDaysToReply: 'Délai médian de réponse (jours)',
    groups: 'Groupes distincts rencontrés',
    mediaAudience: 'Audience estimée des campagnes médiatiques (non ajoutée aux personnes rencontrées)',
    announced: 'Visites annoncées',
    unannounced: 'Visites inopinées',
    joint: 'Visites conjointes',
    recommendationsOverdue: 'Recommandations en retard',
    implementationRate: 'Taux de mise en œuvre des recommandations',
  },
  childrenReached: 'Enfants rencontrés (chaque groupe compté une fois)',
  adultsReached: 'Adultes rencontrés',
  visits: 'Visites de lieux de privation de liberté ou d’accueil',
  recommendations: 'Recommandations émises lors de ces visites',
  actions: 'Actions du plan',
  noActions: 'Aucune action de cet axe ne porte sur la période.',
  action: 'Action',
  lead: 'Chef de file',
  status: 'Statut',
  plannedEnd: 'Fin prévue',
  statuses: {
    planned: 'prévue',
    in_progress: 'en cours',
    done: 'réalisée',
    postponed: 'reportée',
    cancelled: 'annulée',
  },
  indicators: 'Indicateurs et cibles',
  noIndicators: 'Aucun indicateur n’est défini pour cet axe.',
  code: 'Code',
  indicator: 'Indicateur',
  baseline: 'Référence',
  target: 'Cible',
  achieved: 'Atteint',
  periodValue: 'Valeur validée',
  overall: 'Total de la période',
  institutions: 'Par institution',
  institution: 'Institution',
  institutionsChart: 'Enregistrements de la période, par institution',
  columns: {
    activities: 'Activités',
    sessions: 'Sensibilisation',
    visits: 'Visites',
    actions: 'Actions',
    reports: 'Rapports validés',
  },
  highlights: 'Faits marquants',
  statementsHighlights: 'Prises de position',
  trainingsHighlights: 'Formations',
  visitsHighlights: 'Visites et recommandations',
  date: 'Date',
  titleColumn: 'Intitulé',
  facility: 'Lieu visité',
  none: '—',
  noPlan: 'Aucun plan d’action visible ne couvre cette période.',
  plan: (title, from, to) => `${title} (${from} – ${to})`,
  genericAxes: {
    1: 'Création d’instances de dialogue et de partenariats',
    2: 'Sensibilisation des autorités',
    3: 'Renforcement des capacités',
    4: 'Sensibilisation des enfants migrants',
    5: 'Organisation de visites de vérifications sur place',
  },
};

const en: ConsolidatedLabels = {
  title: 'Consolidated activity report of the working group',
  subtitle: (from, to) => `Period from ${from} to ${to}`,
  cover: 'About this report',
  period: 'Period',
  generatedAt: 'Generated on',
  generatedBy: 'Requested by',
  language: 'Language',
  languageName: 'English',
  scope: 'Scope',
  scopeAll: (name) => `All the data ${name} may see`,
  scopeInstitutions: (names) => `These institutions: ${names}`,
  scopeNote: 'The figures only count the records the person who requested the report could see when it was generated.',
  summary: 'Summary by axis',
  summaryIntro: 'Number of records of the period for each of the five axes of the action plan.',
  axis: 'Axis',
  axisTitle: (number, title) => `Axis ${number} — ${title}`,
  records: 'Records',
  recordsChart: 'Records of the period, by axis',
  figures: 'Figures of the period',
  figure: 'Figure of the period',
  value: 'Value',
  activitiesOfKind: {
    dialogue_body: 'Dialogue bodies',
    meeting: 'Meetings',
    training: 'Trainings',
    statement: 'Position statements',
    study_visit: 'Study visits',
    course: 'Courses attended',
  },
  awarenessSessions: 'Awareness sessions and campaigns',
  dashboard: {
    bodies: 'Dialogue bodies',
    bodiesOnTime: 'Bodies meeting as often as planned',
    bodiesBehind: 'Bodies behind with their meetings',
    meetings: 'Meetings held',
    trainings: 'Trainings',
    peopleTrained: 'People trained',
    statements: 'Position statements',
    statementsReplied: 'Statements that received a reply',
    statementsWaiting: 'Statements waiting for a reply',
    medianDaysToReply: 'Median time to reply (days)',
    groups: 'Distinct groups met',
    mediaAudience: 'Estimated audience of media campaigns (not added to the people met)',
    announced: 'Announced visits',
    unannounced: 'Unannounced visits',
    joint: 'Joint visits',
    recommendationsOverdue: 'Overdue recommendations',
    implementationRate: 'Implementation rate of the recommendations',
  },
  childrenReached: 'Children met (each group counted once)',
  adultsReached: 'Adults met',
  visits: 'Visits to places of detention or reception',
  recommendations: 'Recommendations issued after these visits',
  actions: 'Actions of the plan',
  noActions: 'No action of this axis falls within the period.',
  action: 'Action',
  lead: 'Lead',
  status: 'Status',
  plannedEnd: 'Planned end',
  statuses: {
    planned: 'planned',
    in_progress: 'in progress',
    done: 'done',
    postponed: 'postponed',
    cancelled: 'cancelled',
  },
  indicators: 'Indicators and targets',
  noIndicators: 'No indicator is defined for this axis.',
  code: 'Code',
  indicator: 'Indicator',
  baseline: 'Baseline',
  target: 'Target',
  achieved: 'Achieved',
  periodValue: 'Validated value',
  overall: 'Total of the period',
  institutions: 'By institution',
  institution: 'Institution',
  institutionsChart: 'Records of the period, by institution',
  columns: {
    activities: 'Activities',
    sessions: 'Awareness',
    visits: 'Visits',
    actions: 'Actions',
    reports: 'Reports validated',
  },
  highlights: 'Highlights',
  statementsHighlights: 'Position statements',
  trainingsHighlights: 'Trainings',
  visitsHighlights: 'Visits and recommendations',
  date: 'Date',
  titleColumn: 'Title',
  facility: 'Facility visited',
  none: '—',
  noPlan: 'No visible action plan covers this period.',
  plan: (title, from, to) => `${title} (${from} – ${to})`,
  genericAxes: {
    1: 'Creation of dialogue bodies and partnerships',
    2: 'Raising the awareness of authorities',
    3: 'Capacity building',
    4: "Raising migrant children's awareness",
    5: 'On-site verification visits',
  },
};

export const consolidatedLabels: Record<ReportLanguage, ConsolidatedLabels> = { fr, en };
