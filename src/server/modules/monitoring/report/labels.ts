import type {
  checklistAnswers,
  facilityKinds,
  findingSeverities,
  monitoringThemes,
  recommendationPriorities,
  recommendationStatuses,
  visitStatuses,
  visitTypes,
} from '../../../../shared/contract/monitoring.js';

export type ReportLanguage = 'fr' | 'en';

type Names<T extends readonly string[]> = Record<T[number], string>;

export interface ReportLabels {
  title: string;
  generatedOn: string;
  facility: string;
  kind: string;
  location: string;
  authority: string;
  capacity: string;
  visit: string;
  dates: string;
  type: string;
  announced: string;
  unannounced: string;
  status: string;
  leadInstitution: string;
  jointInstitutions: string;
  partners: string;
  team: string;
  objectives: string;
  summary: string;
  population: string;
  populationRows: {
    total: string;
    children: string;
    unaccompanied: string;
    girls: string;
    age0to5: string;
    age6to11: string;
    age12to14: string;
    age15to17: string;
  };
  notRecorded: string;
  checklist: string;
  question: string;
  answer: string;
  note: string;
  noChecklist: string;
  findings: string;
  noFindings: string;
  severity: string;
  standards: string;
  evidence: string;
  recommendations: string;
  noRecommendations: string;
  addressee: string;
  priority: string;
  dueOn: string;
  repeats: string;
  theme: string;
  none: string;
  kinds: Names<typeof facilityKinds>;
  types: Names<typeof visitTypes>;
  statuses: Names<typeof visitStatuses>;
  themes: Names<typeof monitoringThemes>;
  answers: Names<typeof checklistAnswers>;
  severities: Names<typeof findingSeverities>;
  priorities: Names<typeof recommendationPriorities>;
  recommendationStatuses: Names<typeof recommendationStatuses>;
}

const fr: ReportLabels = {
  title: 'Rapport de visite',
  generatedOn: 'Établi le',
  facility: 'Lieu visité',
  kind: 'Type de lieu',
  location: 'Localisation',
  authority: 'Autorité gestionnaire',
  capacity: 'Capacité',
  visit: 'Visite',
  dates: 'Dates',
  type: 'Type de visite',
  announced: 'annoncée',
  unannounced: 'inopinée',
  status: 'Statut',
  leadInstitution: 'Institution chef de file',
  jointInstitutions: 'Institutions associées',
  partners: 'Partenaires accompagnant la visite',
  team: 'Équipe',
  objectives: 'Objectifs',
  summary: 'Synthèse',
  population: 'Population présente le jour de la visite (effectifs agrégés)',
  populationRows: {
    total: 'Total',
    children: 'Enfants',
    unaccompanied: 'Non accompagnés ou séparés',
    girls: 'Filles',
    age0to5: '0–5 ans',
    age6to11: '6–11 ans',
    age12to14: '12–14 ans',
    age15to17: '15–17 ans',
  },
  notRecorded: 'non relevé',
  checklist: 'Grille d’observation',
  question: 'Question',
  answer: 'Réponse',
  note: 'Note',
  noChecklist: 'Aucune grille n’a été remplie pour cette visite.',
  findings: 'Constats',
  noFindings: 'Aucun constat enregistré.',
  severity: 'Gravité',
  standards: 'Normes',
  evidence: 'Éléments de preuve',
  recommendations: 'Recommandations',
  noRecommendations: 'Aucune recommandation émise.',
  addressee: 'Destinataire',
  priority: 'Priorité',
  dueOn: 'Échéance',
  repeats: 'Réitère la recommandation du',
  theme: 'Thème',
  none: '—',
  kinds: {
    hotspot: 'Hotspot',
    detention_centre: 'Centre de rétention administrative',
    police_border_holding: 'Local de police ou de garde-frontière',
    airport_zone: 'Zone d’attente aéroportuaire',
    reception_centre: 'Centre d’accueil',
    transit_centre: 'Centre de transit',
    accommodation_centre: 'Centre d’hébergement',
    shelter_unaccompanied: 'Foyer pour enfants non accompagnés',
    other: 'Autre',
  },
  types: { in_depth: 'approfondie', thematic: 'thématique', follow_up: 'de suivi', ad_hoc: 'ponctuelle' },
  statuses: {
    planned: 'Prévue',
    in_progress: 'En cours',
    report_drafted: 'Rapport rédigé',
    report_validated: 'Rapport validé',
    published: 'Publiée',
    closed: 'Close',
  },
  themes: {
    legal_basis: 'Base légale et dernier recours',
    identification_age: 'Identification et évaluation de l’âge',
    separation_safety: 'Séparation et sécurité',
    guardianship_legal_aid: 'Tutelle et aide juridique',
    asylum_information: 'Asile, information et interprétariat',
    health: 'Santé et santé mentale',
    education_leisure: 'Éducation, jeu et loisirs',
    family_contact: 'Contacts familiaux',
    material_conditions: 'Conditions matérielles',
    complaints_oversight: 'Plaintes et contrôle',
    gender_trafficking: 'Filles, traite et violences de genre',
    other: 'Autre',
  },
  answers: { yes: 'Oui', partly: 'En partie', no: 'Non', not_observed: 'Non observé' },
  severities: { low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique' },
  priorities: { low: 'faible', medium: 'moyenne', high: 'haute' },
  recommendationStatuses: {
    issued: 'émise',
    acknowledged: 'accusé de réception',
    accepted: 'acceptée',
    rejected: 'rejetée',
    in_progress: 'en cours',
    implemented: 'mise en œuvre',
    partly_implemented: 'partiellement mise en œuvre',
    not_implemented: 'non mise en œuvre',
  },
};

const en: ReportLabels = {
  title: 'Visit report',
  generatedOn: 'Generated on',
  facility: 'Facility visited',
  kind: 'Kind of facility',
  location: 'Location',
  authority: 'Operating authority',
  capacity: 'Capacity',
  visit: 'Visit',
  dates: 'Dates',
  type: 'Type of visit',
  announced: 'announced',
  unannounced: 'unannounced',
  status: 'Status',
  leadInstitution: 'Leading institution',
  jointInstitutions: 'Joint institutions',
  partners: 'Accompanying partners',
  team: 'Team',
  objectives: 'Objectives',
  summary: 'Summary',
  population: 'Population on the day of the visit (aggregate counts)',
  populationRows: {
    total: 'Total',
    children: 'Children',
    unaccompanied: 'Unaccompanied or separated',
    girls: 'Girls',
    age0to5: 'Aged 0–5',
    age6to11: 'Aged 6–11',
    age12to14: 'Aged 12–14',
    age15to17: 'Aged 15–17',
  },
  notRecorded: 'not recorded',
  checklist: 'Checklist',
  question: 'Question',
  answer: 'Answer',
  note: 'Note',
  noChecklist: 'No checklist was filled in for this visit.',
  findings: 'Findings',
  noFindings: 'No findings recorded.',
  severity: 'Severity',
  standards: 'Standards',
  evidence: 'Evidence',
  recommendations: 'Recommendations',
  noRecommendations: 'No recommendations issued.',
  addressee: 'Addressee',
  priority: 'Priority',
  dueOn: 'Due',
  repeats: 'Repeats the recommendation of',
  theme: 'Theme',
  none: '—',
  kinds: {
    hotspot: 'Hotspot',
    detention_centre: 'Administrative detention centre',
    police_border_holding: 'Police or border holding place',
    airport_zone: 'Airport waiting zone',
    reception_centre: 'Reception centre',
    transit_centre: 'Transit centre',
    accommodation_centre: 'Accommodation centre',
    shelter_unaccompanied: 'Shelter for unaccompanied children',
    other: 'Other',
  },
  types: { in_depth: 'in-depth', thematic: 'thematic', follow_up: 'follow-up', ad_hoc: 'ad hoc' },
  statuses: {
    planned: 'Planned',
    in_progress: 'In progress',
    report_drafted: 'Report drafted',
    report_validated: 'Report validated',
    published: 'Published',
    closed: 'Closed',
  },
  themes: {
    legal_basis: 'Legal basis and last resort',
    identification_age: 'Identification and age assessment',
    separation_safety: 'Separation and safety',
    guardianship_legal_aid: 'Guardianship and legal aid',
    asylum_information: 'Asylum, information and interpretation',
    health: 'Health and mental health',
    education_leisure: 'Education, play and leisure',
    family_contact: 'Family contact',
    material_conditions: 'Material conditions',
    complaints_oversight: 'Complaints and oversight',
    gender_trafficking: 'Girls, trafficking and gender-based violence',
    other: 'Other',
  },
  answers: { yes: 'Yes', partly: 'Partly', no: 'No', not_observed: 'Not observed' },
  severities: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  priorities: { low: 'low', medium: 'medium', high: 'high' },
  recommendationStatuses: {
    issued: 'issued',
    acknowledged: 'acknowledged',
    accepted: 'accepted',
    rejected: 'rejected',
    in_progress: 'in progress',
    implemented: 'implemented',
    partly_implemented: 'partly implemented',
    not_implemented: 'not implemented',
  },
};

export const reportLabels: Record<ReportLanguage, ReportLabels> = { fr, en };
