import type { MonitoringTheme } from '../../../shared/contract/monitoring.js';

/**
 * Words the generator builds its records from: countries with cities, kinds of institution, and sentences about
 * places where migrant children are held, close to what monitoring reports say. All of it is invented.
 */

export interface CountrySpec {
  code: string;
  nameFr: string;
  cities: readonly string[];
  timeZone: string;
}

export const countries: readonly CountrySpec[] = [
  { code: 'AL', nameFr: 'Albanie', cities: ['Tirana', 'Durrës', 'Shkodër', 'Vlorë'], timeZone: 'Europe/Tirane' },
  { code: 'AD', nameFr: 'Andorre', cities: ['Andorra la Vella', 'Escaldes'], timeZone: 'Europe/Andorra' },
  { code: 'AM', nameFr: 'Arménie', cities: ['Erevan', 'Gyumri'], timeZone: 'Asia/Yerevan' },
  { code: 'AT', nameFr: 'Autriche', cities: ['Vienne', 'Graz', 'Linz', 'Salzbourg'], timeZone: 'Europe/Vienna' },
  { code: 'BA', nameFr: 'Bosnie-Herzégovine', cities: ['Sarajevo', 'Bihać', 'Tuzla'], timeZone: 'Europe/Sarajevo' },
  { code: 'BE', nameFr: 'Belgique', cities: ['Bruxelles', 'Liège', 'Anvers', 'Namur'], timeZone: 'Europe/Brussels' },
  { code: 'BF', nameFr: 'Burkina Faso', cities: ['Ouagadougou', 'Bobo-Dioulasso'], timeZone: 'Africa/Ouagadougou' },
  { code: 'BG', nameFr: 'Bulgarie', cities: ['Sofia', 'Harmanli', 'Plovdiv'], timeZone: 'Europe/Sofia' },
  { code: 'BJ', nameFr: 'Bénin', cities: ['Cotonou', 'Porto-Novo', 'Parakou'], timeZone: 'Africa/Porto-Novo' },
  { code: 'CM', nameFr: 'Cameroun', cities: ['Yaoundé', 'Douala', 'Garoua'], timeZone: 'Africa/Douala' },
  { code: 'CY', nameFr: 'Chypre', cities: ['Nicosie', 'Larnaca', 'Limassol'], timeZone: 'Asia/Nicosia' },
  { code: 'DZ', nameFr: 'Algérie', cities: ['Alger', 'Oran', 'Tamanrasset'], timeZone: 'Africa/Algiers' },
  { code: 'EG', nameFr: 'Égypte', cities: ['Le Caire', 'Alexandrie', 'Assouan'], timeZone: 'Africa/Cairo' },
  {
    code: 'ES',
    nameFr: 'Espagne',
    cities: ['Madrid', 'Ceuta', 'Melilla', 'Almería', 'Las Palmas'],
    timeZone: 'Europe/Madrid',
  },
  {
    code: 'FR',
    nameFr: 'France',
    cities: ['Paris', 'Calais', 'Marseille', 'Mayotte', 'Menton'],
    timeZone: 'Europe/Paris',
  },
  { code: 'GA', nameFr: 'Gabon', cities: ['Libreville', 'Port-Gentil'], timeZone: 'Africa/Libreville' },
  { code: 'GN', nameFr: 'Guinée', cities: ['Conakry', 'Kankan'], timeZone: 'Africa/Conakry' },
  { code: 'GR', nameFr: 'Grèce', cities: ['Athènes', 'Lesbos', 'Samos', 'Thessalonique'], timeZone: 'Europe/Athens' },
  { code: 'HR', nameFr: 'Croatie', cities: ['Zagreb', 'Split', 'Rijeka'], timeZone: 'Europe/Zagreb' },
  { code: 'HT', nameFr: 'Haïti', cities: ['Port-au-Prince', 'Cap-Haïtien'], timeZone: 'America/Port-au-Prince' },
  { code: 'IT', nameFr: 'Italie', cities: ['Rome', 'Lampedusa', 'Trapani', 'Milan', 'Bari'], timeZone: 'Europe/Rome' },
  { code: 'JO', nameFr: 'Jordanie', cities: ['Amman', 'Zarqa', 'Irbid'], timeZone: 'Asia/Amman' },
  { code: 'LB', nameFr: 'Liban', cities: ['Beyrouth', 'Tripoli', 'Saïda'], timeZone: 'Asia/Beirut' },
  { code: 'LU', nameFr: 'Luxembourg', cities: ['Luxembourg', 'Esch-sur-Alzette'], timeZone: 'Europe/Luxembourg' },
  {
    code: 'MA',
    nameFr: 'Maroc',
    cities: ['Rabat', 'Casablanca', 'Tanger', 'Oujda', 'Nador'],
    timeZone: 'Africa/Casablanca',
  },
  { code: 'MC', nameFr: 'Monaco', cities: ['Monaco'], timeZone: 'Europe/Monaco' },
  { code: 'MD', nameFr: 'Moldavie', cities: ['Chișinău', 'Bălți'], timeZone: 'Europe/Chisinau' },
  { code: 'ME', nameFr: 'Monténégro', cities: ['Podgorica', 'Bar'], timeZone: 'Europe/Podgorica' },
  { code: 'MK', nameFr: 'Macédoine du Nord', cities: ['Skopje', 'Gevgelija', 'Kumanovo'], timeZone: 'Europe/Skopje' },
  { code: 'ML', nameFr: 'Mali', cities: ['Bamako', 'Gao', 'Kayes'], timeZone: 'Africa/Bamako' },
  { code: 'MT', nameFr: 'Malte', cities: ['La Valette', 'Ħal Far', 'Marsa'], timeZone: 'Europe/Malta' },
  { code: 'NE', nameFr: 'Niger', cities: ['Niamey', 'Agadez', 'Zinder'], timeZone: 'Africa/Niamey' },
  { code: 'PS', nameFr: 'Palestine', cities: ['Ramallah', 'Naplouse'], timeZone: 'Asia/Hebron' },
  { code: 'PT', nameFr: 'Portugal', cities: ['Lisbonne', 'Porto', 'Faro'], timeZone: 'Europe/Lisbon' },
  { code: 'RO', nameFr: 'Roumanie', cities: ['Bucarest', 'Timișoara', 'Galați'], timeZone: 'Europe/Bucharest' },
  { code: 'RS', nameFr: 'Serbie', cities: ['Belgrade', 'Subotica', 'Preševo'], timeZone: 'Europe/Belgrade' },
  { code: 'SI', nameFr: 'Slovénie', cities: ['Ljubljana', 'Maribor'], timeZone: 'Europe/Ljubljana' },
  { code: 'SN', nameFr: 'Sénégal', cities: ['Dakar', 'Saint-Louis', 'Ziguinchor'], timeZone: 'Africa/Dakar' },
  { code: 'TD', nameFr: 'Tchad', cities: ['N’Djamena', 'Abéché'], timeZone: 'Africa/Ndjamena' },
  { code: 'TG', nameFr: 'Togo', cities: ['Lomé', 'Kara'], timeZone: 'Africa/Lome' },
  { code: 'TN', nameFr: 'Tunisie', cities: ['Tunis', 'Sfax', 'Médenine', 'Zarzis'], timeZone: 'Africa/Tunis' },
  { code: 'TR', nameFr: 'Turquie', cities: ['Ankara', 'Istanbul', 'Gaziantep', 'Van'], timeZone: 'Europe/Istanbul' },
];

export const institutionKinds = ['ombudsman', 'mediator', 'children_ombudsman', 'human_rights_institution'] as const;

export const institutionNamePatterns: Record<(typeof institutionKinds)[number], readonly string[]> = {
  ombudsman: ['Ombudsman ({region})', 'Protecteur du citoyen ({region})', 'Défenseur du peuple ({region})'],
  mediator: ['Médiateur de la République ({region})', 'Médiateur régional ({region})'],
  children_ombudsman: ['Défenseur des enfants ({region})', 'Commissaire aux droits de l’enfant ({region})'],
  human_rights_institution: ['Commission nationale des droits de l’homme ({region})', 'Conseil des droits ({region})'],
};

export const facilityNamePatterns: Record<string, readonly string[]> = {
  hotspot: ['Hotspot de {city}', 'Point d’enregistrement de {city}'],
  detention_centre: ['Centre de rétention administrative de {city}', 'Centre de détention pour étrangers de {city}'],
  police_border_holding: ['Poste de police aux frontières de {city}', 'Locaux de garde à vue du port de {city}'],
  airport_zone: ['Zone d’attente de l’aéroport de {city}'],
  reception_centre: ['Centre de premier accueil de {city}', 'Centre d’accueil des demandeurs d’asile de {city}'],
  transit_centre: ['Centre de transit de {city}', 'Camp de transit de {city}'],
  accommodation_centre: ['Centre d’hébergement de {city}', 'Foyer d’hébergement de {city}'],
  shelter_unaccompanied: ['Foyer pour mineurs non accompagnés de {city}', 'Maison d’enfants de {city}'],
  other: ['Site d’accueil provisoire de {city}'],
};

export const authorities = [
  'Ministère de l’Intérieur',
  'Police aux frontières',
  'Préfecture',
  'Office des migrations',
  'Service de protection de l’enfance',
  'Croix-Rouge nationale (pour l’État)',
];

export const addressees = [
  'Ministère de l’Intérieur',
  'Ministère de la Justice',
  'Ministère de la Santé',
  'Ministère de l’Éducation',
  'Direction de la police aux frontières',
  'Office national de l’asile',
  'Service de protection de l’enfance',
  'Direction du centre',
  'Conseil régional',
];

export const firstNames = [
  'Amina',
  'Youssef',
  'Claire',
  'Ibrahima',
  'Elena',
  'Marco',
  'Fatou',
  'Karim',
  'Sofia',
  'Jean',
  'Leyla',
  'Arben',
  'Nadia',
  'Omar',
  'Lucía',
  'Pierre',
  'Aïcha',
  'Mehmet',
  'Ana',
  'Moussa',
  'Hélène',
  'Driton',
  'Samira',
  'Pablo',
];
export const lastNames = [
  'Benali',
  'Diallo',
  'Martin',
  'Rossi',
  'Kaya',
  'Hoxha',
  'García',
  'Traoré',
  'Dubois',
  'El Amrani',
  'Petrovski',
  'Camilleri',
  'Ndiaye',
  'Lefebvre',
  'Yılmaz',
  'Fernández',
  'Mensah',
  'Borg',
  'Kouassi',
  'Haddad',
];

/** Observations and the recommendations that answer them, by theme. */
export const themeTexts: Record<MonitoringTheme, { findings: readonly string[]; recommendations: readonly string[] }> =
  {
    legal_basis: {
      findings: [
        'Des enfants sont retenus sans décision écrite précisant la base légale de leur privation de liberté.',
        'La durée de rétention des familles avec enfants dépasse la durée maximale prévue par la loi.',
      ],
      recommendations: [
        'Mettre fin à la rétention des enfants pour des motifs liés à leur statut migratoire.',
        'Notifier par écrit à chaque famille la base légale et la durée de sa rétention.',
      ],
    },
    identification_age: {
      findings: [
        'L’âge des jeunes est évalué sur la seule base d’une radiographie osseuse.',
        'Aucune procédure d’identification des enfants vulnérables n’est appliquée à l’arrivée.',
      ],
      recommendations: [
        'Appliquer une évaluation de l’âge pluridisciplinaire, le doute profitant à l’enfant.',
        'Former les agents à l’identification des enfants vulnérables dès l’arrivée.',
      ],
    },
    separation_safety: {
      findings: [
        'Des mineurs non accompagnés dorment dans les mêmes espaces que des adultes sans lien avec eux.',
        'Les espaces de nuit ne ferment pas et aucun agent n’est présent la nuit.',
      ],
      recommendations: [
        'Héberger les mineurs non accompagnés dans des espaces séparés des adultes.',
        'Assurer une présence éducative la nuit dans les espaces réservés aux enfants.',
      ],
    },
    guardianship_legal_aid: {
      findings: [
        'Les tuteurs sont désignés plusieurs semaines après l’arrivée des mineurs non accompagnés.',
        'Les enfants n’ont pas accès à un avocat avant l’audience.',
      ],
      recommendations: [
        'Désigner un représentant légal dans les 24 heures suivant l’arrivée de chaque mineur non accompagné.',
        'Garantir à chaque enfant l’assistance gratuite d’un avocat formé aux droits de l’enfant.',
      ],
    },
    asylum_information: {
      findings: [
        'Les informations sur la demande d’asile ne sont affichées qu’en une seule langue.',
        'Les enfants interrogés ne savaient pas qu’ils pouvaient demander l’asile.',
      ],
      recommendations: [
        'Informer chaque enfant de ses droits dans une langue qu’il comprend, à l’oral et par écrit.',
        'Mettre à disposition des interprètes pour les entretiens avec les enfants.',
      ],
    },
    health: {
      findings: [
        'Aucun examen médical n’est proposé à l’arrivée.',
        'Le centre ne dispose d’aucun soutien psychologique pour les enfants.',
      ],
      recommendations: [
        'Proposer un examen médical à chaque enfant dans les 48 heures suivant son arrivée.',
        'Mettre en place un soutien psychologique adapté aux enfants.',
      ],
    },
    education_leisure: {
      findings: [
        'Les enfants hébergés depuis plus de trois mois ne sont pas scolarisés.',
        'Il n’existe aucun espace de jeu ni activité récréative.',
      ],
      recommendations: [
        'Scolariser les enfants sans délai, quelle que soit la durée prévue de leur séjour.',
        'Aménager un espace de jeu et proposer des activités récréatives chaque jour.',
      ],
    },
    family_contact: {
      findings: [
        'Les enfants ne peuvent téléphoner à leur famille qu’une fois par semaine.',
        'Les demandes de regroupement familial restent sans réponse pendant des mois.',
      ],
      recommendations: [
        'Permettre aux enfants de contacter leur famille gratuitement et régulièrement.',
        'Traiter en priorité les demandes de regroupement familial des enfants.',
      ],
    },
    material_conditions: {
      findings: ['Les locaux sont surpeuplés et mal ventilés.', 'Les sanitaires sont insuffisants et ne ferment pas.'],
      recommendations: [
        'Réduire le nombre de personnes hébergées à la capacité prévue des locaux.',
        'Installer des sanitaires séparés, en nombre suffisant et qui ferment.',
      ],
    },
    complaints_oversight: {
      findings: [
        'Aucune boîte à plaintes accessible aux enfants n’existe dans le centre.',
        'Les plaintes déposées ne font l’objet d’aucun suivi écrit.',
      ],
      recommendations: [
        'Mettre en place un mécanisme de plainte accessible et confidentiel pour les enfants.',
        'Répondre par écrit à chaque plainte dans un délai d’un mois.',
      ],
    },
    gender_trafficking: {
      findings: [
        'Aucune mesure n’identifie les victimes potentielles de la traite parmi les jeunes filles.',
        'Les femmes seules avec enfants ne disposent pas d’un espace protégé.',
      ],
      recommendations: [
        'Former le personnel à l’identification des victimes de la traite et les orienter.',
        'Réserver un espace protégé aux femmes seules et à leurs enfants.',
      ],
    },
    other: {
      findings: ['Les registres du centre sont incomplets.', 'Le personnel n’a reçu aucune formation spécifique.'],
      recommendations: [
        'Tenir un registre complet et à jour des personnes présentes.',
        'Former le personnel aux droits de l’enfant.',
      ],
    },
  };

export const replies = [
  'Le ministère a accusé réception et annoncé une étude.',
  'Réponse écrite de l’autorité : mesure acceptée.',
  'L’autorité conteste le constat.',
  'Travaux engagés selon la direction du centre.',
  'Mesure constatée lors de la visite de suivi.',
  'Mise en œuvre partielle constatée.',
];

export const activityTitles: Record<string, readonly string[]> = {
  dialogue_body: ['Comité de suivi des mineurs non accompagnés de {city}', 'Groupe de dialogue sur la rétention'],
  meeting: ['Réunion avec le ministère de l’Intérieur', 'Réunion du comité de suivi', 'Rencontre avec la préfecture'],
  training: ['Formation des agents de police aux droits de l’enfant', 'Atelier pour les travailleurs sociaux'],
  statement: ['Avis sur le projet de loi asile et immigration', 'Communiqué sur la rétention des enfants'],
  study_visit: ['Visite d’étude auprès de l’institution partenaire', 'Échange de pratiques à {city}'],
  course: ['Cours en ligne sur la protection des enfants migrants', 'Formation certifiante sur la tutelle'],
};

export const awarenessTitles = [
  'Séance d’information sur les droits des enfants',
  'Atelier « Connais tes droits »',
  'Rencontre avec les jeunes du foyer',
  'Campagne radio sur le droit d’asile',
  'Séance dans une école',
];

export const documentTitles = [
  'Rapport annuel sur les droits des enfants migrants',
  'Note sur la rétention des familles',
  'Compte rendu de la réunion de coordination',
  'Guide de visite des lieux d’hébergement',
  'Synthèse des recommandations de l’année',
];
