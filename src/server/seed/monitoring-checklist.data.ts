import type { MonitoringTheme } from '../../shared/contract/monitoring.js';

/**
 * The visit checklist of the working group: the eleven themes of the reference standards (CRC, Joint General
 * Comment CMW 4 / CRC 23, UNHCR Detention Guidelines, EU Reception Conditions Directive, Council of Europe guide
 * for parliamentarians), each question with the standards it rests on.
 */
export interface ChecklistSeedTheme {
  theme: MonitoringTheme;
  titleFr: string;
  titleEn: string;
  questions: { fr: string; en: string; standards: string[] }[];
}

const CRC37 = 'CRC art. 37(b)–(d)';
const JGC = 'JGC CMW 4 / CRC 23 (2017)';
const UNHCR = 'UNHCR Detention Guidelines (2012)';
const RCD = 'EU Directive 2013/33/EU';
const GC6 = 'CRC General Comment No. 6 (2005)';
const COE = 'Council of Europe guide for parliamentarians (2017)';

export const checklistSeed = {
  nameFr: 'Grille de visite — enfants migrants privés de liberté ou hébergés',
  nameEn: 'Visit checklist — migrant children deprived of liberty or accommodated',
  descriptionFr:
    'Onze thèmes fondés sur la Convention relative aux droits de l’enfant, l’observation générale conjointe CMW 4 / CRC 23, les principes directeurs du HCR, la directive « accueil » de l’UE et le guide du Conseil de l’Europe.',
  descriptionEn:
    'Eleven themes based on the Convention on the Rights of the Child, Joint General Comment CMW 4 / CRC 23, the UNHCR guidelines, the EU Reception Conditions Directive and the Council of Europe guide.',
};

export const checklistThemesSeed: ChecklistSeedTheme[] = [
  {
    theme: 'legal_basis',
    titleFr: 'Base légale et dernier recours',
    titleEn: 'Legal basis and last resort',
    questions: [
      {
        fr: 'Les enfants sont-ils privés de liberté ?',
        en: 'Are children deprived of their liberty?',
        standards: [CRC37, JGC],
      },
      {
        fr: 'Existe-t-il une décision écrite et motivée ?',
        en: 'Is there a written, reasoned decision?',
        standards: [CRC37, UNHCR],
      },
      {
        fr: 'Quelle est la durée de privation de liberté à ce jour, et le maximum légal ?',
        en: 'How long has the deprivation of liberty lasted so far, and what is the legal maximum?',
        standards: [CRC37, `${RCD} art. 11`],
      },
      {
        fr: 'Des alternatives à la rétention ont-elles été envisagées ?',
        en: 'Were alternatives to detention considered?',
        standards: [JGC, UNHCR],
      },
      {
        fr: 'Les familles sont-elles maintenues ensemble sans rétention ?',
        en: 'Are families kept together without detention?',
        standards: [JGC],
      },
      {
        fr: 'Un contrôle juridictionnel est-il possible ?',
        en: 'Is judicial review available?',
        standards: [CRC37, `${RCD} art. 9`],
      },
    ],
  },
  {
    theme: 'identification_age',
    titleFr: 'Identification et évaluation de l’âge',
    titleEn: 'Identification and age assessment',
    questions: [
      {
        fr: 'Quand et comment les enfants non accompagnés ou séparés sont-ils identifiés ?',
        en: 'When and how are unaccompanied or separated children identified?',
        standards: [GC6],
      },
      {
        fr: 'Quelle méthode d’évaluation de l’âge est utilisée (documents, approche pluridisciplinaire, radiographie) ?',
        en: 'Which age assessment method is used (documents, multidisciplinary, X-ray)?',
        standards: [GC6, COE],
      },
      { fr: 'Le bénéfice du doute est-il accordé ?', en: 'Is the benefit of the doubt given?', standards: [GC6] },
      {
        fr: 'La personne est-elle traitée comme un enfant en attendant ?',
        en: 'Is the person treated as a child meanwhile?',
        standards: [GC6],
      },
      { fr: 'L’évaluation peut-elle être contestée ?', en: 'Can the assessment be challenged?', standards: [GC6] },
    ],
  },
  {
    theme: 'separation_safety',
    titleFr: 'Séparation et sécurité',
    titleEn: 'Separation and safety',
    questions: [
      {
        fr: 'Les enfants sont-ils séparés des adultes sans lien avec eux, y compris la nuit ?',
        en: 'Are children kept apart from unrelated adults, also at night?',
        standards: ['CRC art. 37(c)', UNHCR],
      },
      {
        fr: 'Les filles sont-elles hébergées séparément, avec du personnel féminin ?',
        en: 'Are girls housed separately, with female staff?',
        standards: [UNHCR, COE],
      },
      {
        fr: 'Y a-t-il recours à la force, à l’isolement, ou des incidents de violence ?',
        en: 'Is force or isolation used; are there incidents of violence?',
        standards: ['CRC art. 19', 'CRC art. 37(a)'],
      },
      {
        fr: 'Du personnel de protection de l’enfance est-il présent ?',
        en: 'Are child-protection staff present?',
        standards: [GC6],
      },
    ],
  },
  {
    theme: 'guardianship_legal_aid',
    titleFr: 'Tutelle et aide juridique',
    titleEn: 'Guardianship and legal aid',
    questions: [
      {
        fr: 'Un tuteur est-il désigné, et combien de jours après l’arrivée ?',
        en: 'Is a guardian appointed, and how many days after arrival?',
        standards: [GC6, `${RCD} art. 24`],
      },
      {
        fr: 'À quelle fréquence le tuteur rend-il visite à l’enfant ?',
        en: 'How often does the guardian visit?',
        standards: [GC6],
      },
      {
        fr: 'Une aide juridique gratuite est-elle disponible ?',
        en: 'Is free legal aid available?',
        standards: ['CRC art. 37(d)'],
      },
      {
        fr: 'Existe-t-il des conflits d’intérêts (tuteur rattaché à l’autorité de rétention) ?',
        en: 'Are there conflicts of interest (guardian tied to the detaining authority)?',
        standards: [GC6],
      },
    ],
  },
  {
    theme: 'asylum_information',
    titleFr: 'Asile, information et interprétariat',
    titleEn: 'Asylum, information and interpretation',
    questions: [
      {
        fr: 'Les enfants sont-ils informés dans une langue qu’ils comprennent, sous une forme adaptée ?',
        en: 'Are children informed in a language they understand, in child-friendly form?',
        standards: ['CRC art. 12', 'CRC art. 22'],
      },
      {
        fr: 'Des interprètes sont-ils disponibles, y compris du genre souhaité ?',
        en: 'Are interpreters available, including of the preferred gender?',
        standards: [UNHCR],
      },
      {
        fr: 'Les procédures de recherche familiale, de réunification ou « Dublin » sont-elles engagées ?',
        en: 'Have family tracing, reunification or Dublin procedures been started?',
        standards: ['CRC art. 10', 'CRC art. 22'],
      },
    ],
  },
  {
    theme: 'health',
    titleFr: 'Santé et santé mentale',
    titleEn: 'Health and mental health',
    questions: [
      {
        fr: 'Un examen de santé est-il pratiqué à l’arrivée ?',
        en: 'Is there a health screening on arrival?',
        standards: ['CRC art. 24'],
      },
      {
        fr: 'Un soutien psychosocial est-il proposé ?',
        en: 'Is psychosocial support offered?',
        standards: ['CRC art. 39'],
      },
      {
        fr: 'Les vulnérabilités sont-elles repérées et orientées ?',
        en: 'Are vulnerabilities screened and referred?',
        standards: [`${RCD} art. 21–22`],
      },
      {
        fr: 'Les nourrissons et les adolescentes enceintes reçoivent-ils des soins adaptés ?',
        en: 'Do infants and pregnant girls receive appropriate care?',
        standards: ['CRC art. 24'],
      },
    ],
  },
  {
    theme: 'education_leisure',
    titleFr: 'Éducation, jeu et loisirs',
    titleEn: 'Education, play and leisure',
    questions: [
      {
        fr: 'Les enfants sont-ils scolarisés, et dans quel délai ?',
        en: 'Are children in school, and how soon?',
        standards: ['CRC art. 28', `${RCD} art. 14`],
      },
      {
        fr: 'Ont-ils un temps quotidien en plein air ?',
        en: 'Do they have daily outdoor time?',
        standards: ['CRC art. 31'],
      },
      {
        fr: 'Existe-t-il un espace de jeu et des activités ?',
        en: 'Is there a play area, and are there activities?',
        standards: ['CRC art. 31'],
      },
    ],
  },
  {
    theme: 'family_contact',
    titleFr: 'Contacts familiaux',
    titleEn: 'Family contact',
    questions: [
      {
        fr: 'Le téléphone et internet sont-ils accessibles gratuitement ?',
        en: 'Are phone and internet available free of charge?',
        standards: ['CRC art. 37(c)'],
      },
      { fr: 'Les visites sont-elles possibles ?', en: 'Are visits possible?', standards: ['CRC art. 37(c)'] },
      {
        fr: 'Le rétablissement des liens familiaux (Croix-Rouge) est-il proposé ?',
        en: 'Is Red Cross family tracing offered?',
        standards: ['CRC art. 22(2)'],
      },
    ],
  },
  {
    theme: 'material_conditions',
    titleFr: 'Conditions matérielles',
    titleEn: 'Material conditions',
    questions: [
      {
        fr: 'Quelle est l’occupation au regard de la capacité ?',
        en: 'What is the occupancy compared with the capacity?',
        standards: [UNHCR],
      },
      {
        fr: 'Literie, hygiène et eau sont-elles suffisantes ?',
        en: 'Are bedding, hygiene and water adequate?',
        standards: [UNHCR, 'CRC art. 27'],
      },
      { fr: 'L’alimentation est-elle adaptée ?', en: 'Is the food adequate?', standards: ['CRC art. 27'] },
      {
        fr: 'Les familles disposent-elles d’intimité ?',
        en: 'Do families have privacy?',
        standards: [`${RCD} art. 11`],
      },
    ],
  },
  {
    theme: 'complaints_oversight',
    titleFr: 'Plaintes et contrôle',
    titleEn: 'Complaints and oversight',
    questions: [
      {
        fr: 'Existe-t-il un mécanisme de plainte adapté aux enfants ?',
        en: 'Is there a child-friendly complaint channel?',
        standards: ['CRC art. 12', COE],
      },
      { fr: 'Les enfants connaissent-ils l’ombudsman ?', en: 'Do children know the ombudsman?', standards: [COE] },
      { fr: 'Le personnel est-il formé ?', en: 'Are staff trained?', standards: [UNHCR] },
      {
        fr: 'Les registres sont-ils accessibles aux visiteurs ?',
        en: 'Are registers accessible to monitors?',
        standards: ['APT / UNHCR / IDC manual (2014)'],
      },
      {
        fr: 'Existe-t-il un risque de représailles ?',
        en: 'Is there a risk of reprisals?',
        standards: ['APT / UNHCR / IDC manual (2014)'],
      },
    ],
  },
  {
    theme: 'gender_trafficking',
    titleFr: 'Filles, traite et violences de genre',
    titleEn: 'Girls, trafficking and gender-based violence',
    questions: [
      {
        fr: 'Les indicateurs de traite sont-ils recherchés, avec orientation des victimes ?',
        en: 'Are trafficking indicators screened, with referral of victims?',
        standards: ['CRC art. 35', 'Directive 2011/36/EU'],
      },
      { fr: 'Les sanitaires sont-ils séparés ?', en: 'Is sanitation separate?', standards: [UNHCR] },
      {
        fr: 'Des interprètes femmes sont-elles disponibles ?',
        en: 'Are female interpreters available?',
        standards: [UNHCR],
      },
    ],
  },
];
