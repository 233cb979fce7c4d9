import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type ActivityKind, activityCreate, activityThemes, axisOfKind } from '../../../shared/contract/activities.js';
import {
  awarenessSessionCreate,
  awarenessSettings,
  type ChildrenInput,
  facilitySettings,
  materialCreate,
} from '../../../shared/contract/awareness.js';
import {
  checklistAnswers,
  facilityCreate,
  facilityKinds,
  findingCreate,
  followUpCreate,
  type MonitoringTheme,
  monitoringThemes,
  type RecommendationStatus,
  recommendationCreate,
  recommendationTransitions,
  type VisitStatus,
  visitCreate,
} from '../../../shared/contract/monitoring.js';
import { childPageContent } from '../../../shared/contract/public-site.js';
import { anonymous } from '../../auth/actor.js';
import { hashPassword } from '../../auth/passwords.js';
import type { Database } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { prepareDetails } from '../../modules/activities/activities.service.js';
import { spanOf } from '../../modules/activities/activity-time.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { contentColumns } from '../../modules/public-site/child-pages.service.js';
import { defaultContent } from '../../modules/public-site/texts.js';
import { simplePdf } from './pdf.js';
import { dateOfDay, dayOfDate, Random } from './random.js';
import * as words from './vocabulary.js';

/** The scales the benchmarks use: institutions × years. */
export const scales = {
  S: { institutions: 10, years: 2 },
  M: { institutions: 50, years: 5 },
  L: { institutions: 200, years: 10 },
} as const;
export type ScaleName = keyof typeof scales;

export interface GenerateOptions {
  institutions: number;
  years: number;
  seed: number;
  /** The last year generated; the data set covers the `years` before it and it. */
  lastYear: number;
  /** The password of every generated account. */
  password: string;
  /** Generate beside records people wrote (see `realDataCounts`). */
  force: boolean;
}

export interface GenerateSummary {
  seed: number;
  institutions: number;
  years: number;
  firstYear: number;
  lastYear: number;
  counts: Record<string, number>;
  /** A staff member of the first institution: the account benchmarks sign in with. */
  staffEmail: string;
  staffInstitutionId: string;
  /** Addresses of the published pages for children. */
  childPageSlugs: string[];
}

export class GenerateRefusal extends Error {}

/** The `seed_runs` entry that marks a database holding a generated data set. */
export const GENERATED_MARK = 'generated-network';

const audit = { actor: anonymous, requestId: null, label: 'cli:demo:generate' };

// Per institution and year, what a busy member records (L: 200 × 10 gives about 100,000 visits and 500,000
// recommendations).
const VISITS_PER_YEAR = [40, 60] as const;
const ACTIVITIES_PER_YEAR = [15, 25] as const;
const SESSIONS_PER_YEAR = [10, 20] as const;
const DOCUMENTS_PER_YEAR = [2, 5] as const;
const CHECKLIST_SHARE = 0.3;

/**
 * What counts as real data, which the generator refuses to mix with unless forced: any record of the work itself
 * (facilities, visits, activities, awareness sessions, materials, documents, pages for children) and any account
 * other than administrators (a fresh deployment has only its administrator). The seeded network and plan are not.
 */
export async function realDataCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const count = async (
    table: 'facilities' | 'visits' | 'activities' | 'awareness_sessions' | 'materials' | 'documents',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '!=', 'administrator')
    .executeTakeFirstOrThrow();
  const pages = await db
    .selectFrom('child_page_contents')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const counts: Record<string, number> = {
    facilities: await count('facilities'),
    visits: await count('visits'),
    activities: await count('activities'),
    awareness_sessions: await count('awareness_sessions'),
    materials: await count('materials'),
    documents: await count('documents'),
    users: Number(users.n),
    child_page_contents: Number(pages.n),
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Rows gathered for one institution, inserted together in its transaction. */
class Batch {
  readonly rows = new Map<keyof DB, Record<string, unknown>[]>();
  add<T extends keyof DB>(table: T, row: DB[T]) {
    const list = this.rows.get(table) ?? [];
    list.push(row as unknown as Record<string, unknown>);
    this.rows.set(table, list);
  }
}

// Parents before children, so that foreign keys hold at each insert.
const insertOrder: (keyof DB)[] = [
  'users',
  'facilities',
  'visits',
  'visit_status_changes',
  'visit_institutions',
  'visit_partners',
  'visit_team',
  'visit_checklist_answers',
  'findings',
  'recommendations',
  'recommendation_follow_ups',
  'activities',
  'activity_institutions',
  'activity_partners',
  'activity_themes',
  'training_participants',
  'materials',
  'awareness_sessions',
  'awareness_reach',
  'awareness_session_partners',
  'awareness_session_materials',
  'documents',
  'document_versions',
  'document_links',
  'child_site_addresses',
  'child_page_contents',
];

// Below both engines' limits on bound parameters in one statement (SQLite 32,766; PostgreSQL 65,535).
const MAX_PARAMETERS = 30_000;

async function insertAll(trx: Transaction<DB>, batch: Batch, counts: Record<string, number>) {
  for (const table of insertOrder) {
    const rows = batch.rows.get(table);
    if (!rows?.length) continue;
    const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0] ?? {}).length));
    for (let i = 0; i < rows.length; i += size) {
      // Rows were typed per table when added to the batch; Kysely cannot follow a table chosen in a loop.
      const chunk = rows.slice(i, i + size) as never;
      await trx.insertInto(table).values(chunk).execute();
    }
    counts[table] = (counts[table] ?? 0) + rows.length;
  }
}

/** A zod schema's verdict on a generated record: the generator writes only what the API would accept. */
function checked<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`Generated record refused by the contract: ${JSON.stringify(value)}: ${String(result.error)}`);
  }
  return result.data as T;
}

const stampOf = (date: string) => `${date}T09:00:00.000Z`;

interface InstitutionRef {
  id: string;
  countryCode: string;
  name: string;
  website: string | null;
  visibility: string;
  hasSlug: boolean;
}

interface Context {
  rng: Random;
  firstDay: number;
  lastDay: number;
  /** The day the data set is "as of": later visits are planned, later follow-up has not happened yet. */
  asOfDay: number;
  institutions: InstitutionRef[];
  partnerIds: string[];
  template: { id: string; questions: QuestionRef[] } | null;
  passwordHash: string;
}

interface QuestionRef {
  themePosition: number;
  theme: string;
  themeTitleFr: string;
  themeTitleEn: string | null;
  questionPosition: number;
  textFr: string;
  textEn: string | null;
  standards: string;
}

function countryOf(code: string): words.CountrySpec {
  return words.countries.find((c) => c.code === code) ?? (words.countries[0] as words.CountrySpec);
}

function personName(rng: Random) {
  return `${rng.pick(words.firstNames)} ${rng.pick(words.lastNames)}`;
}

/**
 * Fills the database with a network of `institutions` members over `years` years, deterministically from `seed`:
 * the same options give the same rows (ids included) on every run. Rows are built in memory per institution,
 * checked against the API's own create schemas and written in batched inserts, one transaction per institution
 * with an audit event of what it wrote; a last event records the whole run (seed, scale, counts). The per-request
 * services are not used: they would take hours for the large scale, and they check what a person may do, which a
 * generator run from the command line is not.
 */
export async function generateNetwork(
  database: Database,
  options: GenerateOptions,
  progress: (line: string) => void,
): Promise<GenerateSummary> {
  const { db } = database;
  if (await db.selectFrom('seed_runs').select('name').where('name', '=', GENERATED_MARK).executeTakeFirst()) {
    throw new GenerateRefusal(
      'This database already holds a generated data set: generate into a new, empty database instead.',
    );
  }
  const real = await realDataCounts(db);
  if (Object.keys(real).length > 0 && !options.force) {
    const list = Object.entries(real)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    throw new GenerateRefusal(
      `This database holds real data (${list}). Generate into a new database, or pass --force to add the ` +
        'generated records beside them.',
    );
  }

  const rng = new Random(options.seed);
  const firstYear = options.lastYear - options.years + 1;
  const firstDay = dayOfDate(`${firstYear}-01-01`);
  const lastDay = dayOfDate(`${options.lastYear}-12-31`);
  const asOfDay = dayOfDate(`${options.lastYear}-11-30`);
  const counts: Record<string, number> = {};

  const context: Context = {
    rng,
    firstDay,
    lastDay,
    asOfDay,
    institutions: [],
    partnerIds: (await db.selectFrom('partners').select('id').orderBy('name_fr').orderBy('id').execute()).map(
      (p) => p.id,
    ),
    template: await loadTemplate(db),
    passwordHash: await hashPassword(options.password),
  };

  context.institutions = await prepareInstitutions(db, rng, options.institutions, counts, progress);

  const started = Date.now();
  const slugs: string[] = [];
  let staffEmail = '';
  for (const [index, institution] of context.institutions.entries()) {
    const batch = new Batch();
    const built = buildInstitution(context, institution, index, options.years, batch);
    if (index === 0) staffEmail = built.staffEmail;
    if (built.slug) slugs.push(built.slug);
    const before = { ...counts };
    await db.transaction().execute(async (trx) => {
      await insertAll(trx, batch, counts);
      const written = Object.fromEntries(
        Object.entries(counts).map(([table, n]) => [table, n - (before[table] ?? 0)] as const),
      );
      await recordAudit(trx, audit, {
        entity: 'institution',
        entityId: institution.id,
        action: 'generate',
        after: { seed: options.seed, rows: written },
        institutionId: institution.id,
      });
    });
    const seconds = (Date.now() - started) / 1000;
    progress(
      `${index + 1}/${context.institutions.length} ${institution.name}: ${counts.visits ?? 0} visits, ` +
        `${counts.recommendations ?? 0} recommendations so far (${seconds.toFixed(0)} s)`,
    );
  }

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('seed_runs')
      .values({ name: GENERATED_MARK, ran_at: stampOf(dateOfDay(asOfDay)) })
      .execute();
    await recordAudit(trx, audit, {
      entity: 'seed',
      entityId: GENERATED_MARK,
      action: 'generate',
      after: {
        seed: options.seed,
        institutions: options.institutions,
        years: options.years,
        firstYear,
        lastYear: options.lastYear,
        counts,
      },
    });
  });

  const first = context.institutions[0];
  return {
    seed: options.seed,
    institutions: options.institutions,
    years: options.years,
    firstYear,
    lastYear: options.lastYear,
    counts,
    staffEmail,
    staffInstitutionId: first?.id ?? '',
    childPageSlugs: slugs,
  };
}

async function loadTemplate(db: Kysely<DB>): Promise<Context['template']> {
  const template = await db
    .selectFrom('checklist_templates')
    .select('id')
    .where('is_active', '=', 1)
    .where('owner_institution_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!template) return null;
  const questions = await db
    .selectFrom('checklist_template_questions as q')
    .innerJoin('checklist_template_themes as t', 't.id', 'q.theme_id')
    .select([
      't.position as themePosition',
      't.theme',
      't.title_fr as themeTitleFr',
      't.title_en as themeTitleEn',
      'q.position as questionPosition',
      'q.text_fr as textFr',
      'q.text_en as textEn',
      'q.standards',
    ])
    .where('t.template_id', '=', template.id)
    .orderBy('t.position')
    .orderBy('q.position')
    .execute();
  return { id: template.id, questions };
}

/** The working group's members first (in the plan's order), then generated institutions joining the group. */
async function prepareInstitutions(
  db: Kysely<DB>,
  rng: Random,
  wanted: number,
  counts: Record<string, number>,
  progress: (line: string) => void,
): Promise<InstitutionRef[]> {
  const members = await db
    .selectFrom('group_memberships as m')
    .innerJoin('institutions as i', 'i.id', 'm.institution_id')
    .leftJoin('child_site_addresses as a', 'a.institution_id', 'i.id')
    .select(['i.id', 'i.country_code', 'i.name_fr', 'i.website', 'i.visibility', 'm.group_id', 'a.slug'])
    .orderBy('m.position')
    .orderBy('i.id')
    .execute();
  const chosen: InstitutionRef[] = members.slice(0, wanted).map((m) => ({
    id: m.id,
    countryCode: m.country_code,
    name: m.name_fr,
    website: m.website,
    visibility: m.visibility,
    hasSlug: m.slug !== null,
  }));
  const groupId = members[0]?.group_id;
  const missing = wanted - chosen.length;
  if (missing <= 0) return chosen;
  if (!groupId) throw new GenerateRefusal('The working group is missing: run "npm run db:migrate" first.');
  const stamp = stampOf('2016-01-01');
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('group_memberships')
      .select((eb) => eb.fn.max('position').as('p'))
      .executeTakeFirst();
    let position = Number(last?.p ?? 0);
    for (let n = 0; n < missing; n++) {
      const country = words.countries[n % words.countries.length] as words.CountrySpec;
      const kind = rng.pick(words.institutionKinds);
      const round = Math.floor(n / words.countries.length);
      const region = round === 0 ? country.nameFr : `${country.nameFr}, ${rng.pick(country.cities)}`;
      const name = `${rng.pick(words.institutionNamePatterns[kind]).replace('{region}', region)}${round > 1 ? ` ${round}` : ''}`;
      const id = rng.uuid();
      const row = {
        id,
        country_code: country.code,
        name_original: null,
        name_fr: name,
        name_en: null,
        acronym: null,
        kind,
        website: `https://ombudsman-${country.code.toLowerCase()}-${n + 1}.example`,
        data_status: 'to_confirm',
        notes: 'Institution générée pour un essai de charge.',
        owner_institution_id: null,
        visibility: 'public',
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      };
      await trx.insertInto('institutions').values(row).execute();
      position += 1;
      await trx
        .insertInto('group_memberships')
        .values({
          id: rng.uuid(),
          group_id: groupId,
          institution_id: id,
          position,
          status: 'active',
          status_since: '2016-01-01',
          version: 1,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      chosen.push({ id, countryCode: country.code, name, website: row.website, visibility: 'public', hasSlug: false });
    }
    await recordAudit(trx, audit, {
      entity: 'institution',
      entityId: GENERATED_MARK,
      action: 'generate',
      after: { created: missing },
    });
  });
  counts.institutions = missing;
  counts.group_memberships = missing;
  progress(`${missing} institutions created beside the ${members.length} members of the working group`);
  return chosen;
}

const visibilityMix = [
  ['group', 50],
  ['institution', 25],
  ['partners', 10],
  ['public', 15],
] as const;

function buildInstitution(
  context: Context,
  institution: InstitutionRef,
  index: number,
  years: number,
  batch: Batch,
): { staffEmail: string; slug: string | null } {
  const { rng } = context;
  const country = countryOf(institution.countryCode);
  const handle = `${institution.countryCode.toLowerCase()}-${index + 1}`;
  const joined = stampOf(dateOfDay(context.firstDay));

  const users: string[] = [];
  const accounts = [
    ['contact_point', 1],
    ['staff', 1],
    ['staff', 2],
    ['staff', 3],
  ] as const;
  for (const [role, n] of accounts) {
    const id = rng.uuid();
    users.push(id);
    batch.add('users', {
      id,
      email: `${role === 'staff' ? 'staff' : 'contact'}${n}.${handle}@generated.example`,
      name: personName(rng),
      password_hash: context.passwordHash,
      role,
      institution_id: institution.id,
      partner_id: null,
      language: 'fr',
      status: 'active',
      last_login_at: null,
      version: 1,
      created_at: joined,
      updated_at: joined,
    });
  }
  const staffEmail = `staff1.${handle}@generated.example`;

  const facilities = buildFacilities(context, institution, country, years, batch);
  const others = context.institutions.filter((i) => i.id !== institution.id);
  const earlier = new Map<string, { id: string; theme: string }[]>();
  for (let year = 0; year < years; year++) {
    const yearStart = context.firstDay + Math.round(year * 365.25);
    const visits = rng.int(...VISITS_PER_YEAR);
    for (let v = 0; v < visits; v++) {
      buildVisit(context, institution, users, facilities, others, yearStart + rng.int(0, 360), earlier, batch);
    }
  }
  buildActivities(context, institution, country, others, years, batch);
  buildAwareness(context, institution, country, facilities, years, batch);
  buildDocuments(context, institution, users, years, batch);
  const slug = buildChildPages(context, institution, handle, batch);
  return { staffEmail, slug };
}

function buildFacilities(
  context: Context,
  institution: InstitutionRef,
  country: words.CountrySpec,
  years: number,
  batch: Batch,
) {
  const { rng } = context;
  const facilities: { id: string; kind: string }[] = [];
  const count = Math.min(30, 6 + 2 * years);
  for (let f = 0; f < count; f++) {
    const kind = rng.pick(facilityKinds);
    const city = rng.pick(country.cities);
    const pattern = rng.pick(words.facilityNamePatterns[kind] ?? ['Site de {city}']);
    const input = checked<Record<string, unknown>>(facilityCreate, {
      name: `${pattern.replace('{city}', city)}${f >= 9 ? ` ${f + 1}` : ''}`,
      kind,
      countryCode: country.code,
      city,
      operatingAuthority: rng.pick(words.authorities),
      capacity: rng.int(20, 600),
      holdsChildren: rng.chance(0.85),
      isOpen: rng.chance(0.9),
      visibility: rng.weighted([
        ['group', 70],
        ['institution', 10],
        ['partners', 10],
        ['public', 10],
      ]),
    });
    const id = rng.uuid();
    const stamp = stampOf(dateOfDay(context.firstDay - rng.int(30, 400)));
    batch.add('facilities', {
      id,
      name: input.name as string,
      kind,
      country_code: country.code,
      region: null,
      city,
      latitude: null,
      longitude: null,
      operating_authority: input.operatingAuthority as string,
      capacity: input.capacity as number,
      holds_children: input.holdsChildren ? 1 : 0,
      is_open: input.isOpen ? 1 : 0,
      notes: null,
      owner_institution_id: institution.id,
      visibility: input.visibility as string,
      version: 1,
      created_at: stamp,
      updated_at: stamp,
    });
    facilities.push({ id, kind });
  }
  return facilities;
}

const workflow: VisitStatus[] = ['planned', 'in_progress', 'report_drafted', 'report_validated', 'published'];

/** Where a visit stands some days after it ended: the later, the further along its workflow. */
function statusAfter(rng: Random, daysSinceEnd: number): VisitStatus {
  if (daysSinceEnd < 0) return 'planned';
  if (daysSinceEnd < 20) return rng.pick(['in_progress', 'report_drafted'] as const);
  if (daysSinceEnd < 90) return rng.pick(['report_drafted', 'report_validated', 'published'] as const);
  return rng.weighted([
    ['published', 55],
    ['closed', 40],
    ['report_validated', 5],
  ]);
}

function buildVisit(
  context: Context,
  institution: InstitutionRef,
  users: string[],
  facilities: { id: string; kind: string }[],
  others: InstitutionRef[],
  startDay: number,
  earlier: Map<string, { id: string; theme: string }[]>,
  batch: Batch,
) {
  const { rng } = context;
  const facility = rng.pick(facilities);
  const endDay =
    startDay +
    rng.weighted([
      [0, 70],
      [1, 20],
      [2, 10],
    ]);
  const status = statusAfter(rng, context.asOfDay - endDay);
  const startsOn = dateOfDay(startDay);
  const endsOn = dateOfDay(endDay);
  const partners = rng.chance(0.15) ? rng.sample(context.partnerIds, 1) : [];
  const joint = others.length > 0 && rng.chance(0.15) ? rng.sample(others, rng.int(1, 2)) : [];
  let population = {};
  if (status !== 'planned') {
    const total = rng.int(10, 400);
    const children = rng.int(0, Math.min(total, 150));
    const bands = [0, 0, 0, 0];
    let left = children;
    for (let b = 3; b >= 0; b--) {
      const n = b === 0 ? left : rng.int(0, left);
      bands[b] = n;
      left -= n;
    }
    population = {
      total,
      children,
      unaccompanied: rng.int(0, children),
      girls: rng.int(0, children),
      age0to5: bands[0],
      age6to11: bands[1],
      age12to14: bands[2],
      age15to17: rng.chance(0.1) ? null : bands[3],
    };
  }
  const team = Array.from({ length: rng.int(2, 4) }, (_, i) => ({
    name: personName(rng),
    role: i === 0 ? 'Cheffe de mission' : rng.pick(['Juriste', 'Médecin', 'Interprète', 'Chargé de mission']),
    institutionId: institution.id,
  }));
  const input = checked<{
    type: string;
    announced: boolean;
    visibility: string;
    population: Record<string, number | null>;
    objectives?: string | null;
  }>(visitCreate, {
    facilityId: facility.id,
    startsOn,
    endsOn,
    type: rng.weighted([
      ['in_depth', 40],
      ['thematic', 25],
      ['follow_up', 25],
      ['ad_hoc', 10],
    ]),
    announced: rng.chance(0.6),
    objectives: 'Vérifier les conditions d’accueil des enfants et le respect de leurs droits.',
    institutionIds: joint.map((i) => i.id),
    partnerIds: partners,
    team,
    population,
    visibility: rng.weighted(visibilityMix),
    ownerInstitutionId: institution.id,
  });
  const id = rng.uuid();
  const actor = rng.pick(users);
  const created = stampOf(dateOfDay(startDay - rng.int(10, 60)));
  // The workflow's steps up to the status, a few days apart after the visit's last day.
  const path = status === 'closed' ? [...workflow, 'closed' as const] : workflow.slice(0, workflow.indexOf(status) + 1);
  let day = startDay - rng.int(10, 60);
  let changedAt = created;
  path.forEach((to, step) => {
    if (step > 0) {
      day = Math.max(day + rng.int(1, 30), step === 1 ? startDay : endDay + 1);
      changedAt = stampOf(dateOfDay(Math.min(day, context.asOfDay)));
    }
    batch.add('visit_status_changes', {
      id: rng.uuid(),
      visit_id: id,
      from_status: step === 0 ? null : (path[step - 1] ?? null),
      to_status: to,
      note: null,
      changed_at: changedAt,
      changed_by: actor,
    });
  });
  const p = input.population;
  const hasChecklist = status !== 'planned' && context.template !== null && rng.chance(CHECKLIST_SHARE);
  batch.add('visits', {
    id,
    facility_id: facility.id,
    starts_on: startsOn,
    ends_on: endsOn,
    type: input.type,
    announced: input.announced ? 1 : 0,
    status,
    status_changed_at: changedAt,
    status_changed_by: actor,
    objectives: input.objectives ?? null,
    summary:
      status === 'planned' ? null : `Visite de ${rng.int(2, 4)} membres de l’équipe ; ${p.total} personnes présentes.`,
    population_total: p.total ?? null,
    population_children: p.children ?? null,
    population_unaccompanied: p.unaccompanied ?? null,
    population_girls: p.girls ?? null,
    population_age_0_5: p.age0to5 ?? null,
    population_age_6_11: p.age6to11 ?? null,
    population_age_12_14: p.age12to14 ?? null,
    population_age_15_17: p.age15to17 ?? null,
    checklist_template_id: hasChecklist ? (context.template?.id ?? null) : null,
    checklist_started_at: hasChecklist ? stampOf(startsOn) : null,
    owner_institution_id: institution.id,
    visibility: input.visibility,
    version: path.length,
    created_at: created,
    updated_at: changedAt,
  });
  for (const other of joint) batch.add('visit_institutions', { visit_id: id, institution_id: other.id });
  for (const partnerId of partners) batch.add('visit_partners', { visit_id: id, partner_id: partnerId });
  for (const [position, member] of team.entries()) {
    batch.add('visit_team', {
      id: rng.uuid(),
      visit_id: id,
      position: position + 1,
      name: member.name,
      role: member.role,
      institution_id: member.institutionId,
    });
  }
  if (hasChecklist && context.template) {
    for (const q of context.template.questions) {
      const answered = rng.chance(0.9);
      batch.add('visit_checklist_answers', {
        id: rng.uuid(),
        visit_id: id,
        theme_position: q.themePosition,
        theme: q.theme,
        theme_title_fr: q.themeTitleFr,
        theme_title_en: q.themeTitleEn,
        question_position: q.questionPosition,
        question_fr: q.textFr,
        question_en: q.textEn,
        standards: q.standards,
        answer: answered
          ? rng.weighted([
              [checklistAnswers[0], 40],
              [checklistAnswers[1], 25],
              [checklistAnswers[2], 25],
              [checklistAnswers[3], 10],
            ])
          : null,
        note: answered && rng.chance(0.2) ? 'Constaté lors de l’entretien avec la direction.' : null,
        answered_at: answered ? stampOf(endsOn) : null,
        answered_by: answered ? actor : null,
      });
    }
  }
  if (!['report_drafted', 'report_validated', 'published', 'closed'].includes(status)) return;
  buildFindings(context, id, facility.id, endDay, status !== 'report_drafted', actor, earlier, batch);
}

function buildFindings(
  context: Context,
  visitId: string,
  facilityId: string,
  endDay: number,
  withRecommendations: boolean,
  actor: string,
  earlier: Map<string, { id: string; theme: string }[]>,
  batch: Batch,
) {
  const { rng } = context;
  const reportDay = endDay + rng.int(20, 60);
  const stamp = stampOf(dateOfDay(Math.min(reportDay, context.asOfDay)));
  const previous = earlier.get(facilityId) ?? [];
  const issued: { id: string; theme: string }[] = [];
  const findingCount = rng.int(1, 5);
  for (let f = 0; f < findingCount; f++) {
    const theme = rng.pick(monitoringThemes);
    const texts = words.themeTexts[theme];
    const finding = checked<{ theme: string; severity: string; text: string; standards: string[] }>(findingCreate, {
      theme,
      severity: rng.weighted([
        ['low', 20],
        ['medium', 40],
        ['high', 30],
        ['critical', 10],
      ]),
      text: rng.pick(texts.findings),
      standards: rng.chance(0.5) ? ['CIDE art. 37'] : [],
    });
    const findingId = rng.uuid();
    batch.add('findings', {
      id: findingId,
      visit_id: visitId,
      theme: finding.theme,
      severity: finding.severity,
      text: finding.text,
      standards: JSON.stringify(finding.standards),
      evidence: null,
      version: 1,
      created_at: stamp,
      updated_at: stamp,
    });
    if (!withRecommendations) continue;
    // About five recommendations per visit: most answer a finding, a few stand alone.
    const recommendations = rng.int(1, 2);
    for (let r = 0; r < recommendations; r++) {
      issued.push(
        buildRecommendation(context, visitId, findingId, theme, reportDay, actor, previous, batch) as {
          id: string;
          theme: string;
        },
      );
    }
  }
  if (withRecommendations) {
    for (let r = rng.int(0, 2); r > 0; r--) {
      const theme = rng.pick(monitoringThemes);
      issued.push(buildRecommendation(context, visitId, null, theme, reportDay, actor, previous, batch));
    }
  }
  earlier.set(facilityId, [...previous, ...issued].slice(-40));
}

function buildRecommendation(
  context: Context,
  visitId: string,
  findingId: string | null,
  theme: MonitoringTheme,
  issuedDay: number,
  actor: string,
  previous: { id: string; theme: string }[],
  batch: Batch,
): { id: string; theme: string } {
  const { rng } = context;
  const issuedOn = dateOfDay(issuedDay);
  const repeated = rng.chance(0.3) ? previous.find((p) => p.theme === theme) : undefined;
  const input = checked<{ addressee: string; text: string; priority: string; dueOn?: string | null }>(
    recommendationCreate,
    {
      visitId,
      findingId,
      addressee: rng.pick(words.addressees),
      text: rng.pick(words.themeTexts[theme].recommendations),
      theme,
      priority: rng.weighted([
        ['low', 20],
        ['medium', 50],
        ['high', 30],
      ]),
      issuedOn,
      dueOn: rng.chance(0.8) ? dateOfDay(issuedDay + rng.int(60, 365)) : null,
      repeatsId: repeated?.id ?? null,
    },
  );
  const id = rng.uuid();
  // The authority's follow-up: allowed steps only, dated in order, none after the data set's "today".
  let status: RecommendationStatus = 'issued';
  let day = issuedDay;
  let statusOn = issuedOn;
  let firstReply: string | null = null;
  let version = 1;
  const steps = rng.weighted([
    [0, 25],
    [1, 30],
    [2, 25],
    [3, 15],
    [4, 5],
  ]);
  for (let s = 0; s < steps; s++) {
    const next: readonly RecommendationStatus[] = recommendationTransitions[status];
    if (next.length === 0) break;
    day += rng.int(15, 150);
    if (day > context.asOfDay) break;
    const to: RecommendationStatus = rng.pick(next);
    const happenedOn = dateOfDay(day);
    checked(followUpCreate, { happenedOn, status: to, note: rng.pick(words.replies), version });
    batch.add('recommendation_follow_ups', {
      id: rng.uuid(),
      recommendation_id: id,
      happened_on: happenedOn,
      from_status: status,
      to_status: to,
      note: rng.pick(words.replies),
      evidence: null,
      created_at: stampOf(happenedOn),
      created_by: actor,
    });
    firstReply ??= happenedOn;
    statusOn = happenedOn;
    status = to;
    version += 1;
  }
  const stamp = stampOf(issuedOn);
  batch.add('recommendations', {
    id,
    visit_id: visitId,
    finding_id: findingId,
    addressee: input.addressee,
    text: input.text,
    theme,
    priority: input.priority,
    issued_on: issuedOn,
    due_on: input.dueOn ?? null,
    repeats_id: repeated?.id ?? null,
    status,
    status_on: statusOn,
    first_reply_on: firstReply,
    version,
    created_at: stamp,
    updated_at: stamp,
  });
  return { id, theme };
}

const activityKindMix: readonly (readonly [ActivityKind, number])[] = [
  ['meeting', 35],
  ['training', 20],
  ['statement', 15],
  ['study_visit', 10],
  ['course', 15],
  ['dialogue_body', 5],
];

function activityDetails(rng: Random, kind: ActivityKind, bodies: string[]): unknown {
  switch (kind) {
    case 'dialogue_body':
      return {
        cadence: rng.pick(['monthly', 'quarterly', 'semiannual', 'annual']),
        memberPeople: ['Juge des enfants'],
      };
    case 'meeting':
      return {
        bodyId: bodies.length > 0 && rng.chance(0.5) ? rng.pick(bodies) : null,
        agenda: 'Suivi des recommandations ; situation des mineurs non accompagnés.',
        minutesHtml: '<p>Les participants ont fait le point sur les recommandations en cours.</p>',
        decisions: ['Prochaine réunion dans trois mois.'],
      };
    case 'training':
      return {
        audiences: ['police', 'social_workers'],
        participants: [
          { audience: 'police', sex: 'female', count: rng.int(2, 15) },
          { audience: 'police', sex: 'male', count: rng.int(2, 20) },
          { audience: 'social_workers', sex: 'female', count: rng.int(2, 15) },
        ],
        trainers: ['Juriste de l’institution'],
        evaluation: 'Questionnaire de satisfaction rempli par les participants.',
      };
    case 'statement':
      return {
        statementType: rng.pick(['opinion', 'recommendation', 'press_release', 'report', 'bill_opinion']),
        addressee: rng.pick(words.addressees),
        textHtml: '<p>L’institution rappelle que la rétention d’un enfant n’est jamais dans son intérêt supérieur.</p>',
      };
    case 'study_visit':
      return {
        visitors: ['Deux juristes de l’institution'],
        placesVisited: ['Foyer pour mineurs non accompagnés'],
        lessonsLearned: 'Les entretiens individuels avec les enfants gagnent à être menés avec un interprète.',
      };
    case 'course':
      return { courseName: 'Protection des enfants en migration', participants: ['Chargée de mission'] };
  }
}

function buildActivities(
  context: Context,
  institution: InstitutionRef,
  country: words.CountrySpec,
  others: InstitutionRef[],
  years: number,
  batch: Batch,
) {
  const { rng } = context;
  const bodies: string[] = [];
  for (let year = 0; year < years; year++) {
    const yearStart = context.firstDay + Math.round(year * 365.25);
    const count = rng.int(...ACTIVITIES_PER_YEAR);
    for (let a = 0; a < count; a++) {
      const kind = year === 0 && a === 0 ? 'dialogue_body' : rng.weighted(activityKindMix);
      const day = yearStart + rng.int(0, 360);
      const allDay = kind !== 'meeting' || rng.chance(0.3);
      const hour = rng.int(8, 16);
      const startsAt = allDay ? dateOfDay(day) : `${dateOfDay(day)}T${String(hour).padStart(2, '0')}:00`;
      const endsAt = allDay
        ? dateOfDay(day + (kind === 'study_visit' ? rng.int(1, 4) : 0))
        : `${dateOfDay(day)}T${String(hour + 2).padStart(2, '0')}:00`;
      const city = rng.pick(country.cities);
      const participants = others.length > 0 && rng.chance(0.3) ? rng.sample(others, rng.int(1, 3)) : [];
      const rawDetails = activityDetails(rng, kind, bodies);
      const input = checked<{
        title: string;
        themes: string[];
        visibility: string;
        partners: { partnerId: string; role: string }[];
      }>(activityCreate, {
        kind,
        title: rng.pick(words.activityTitles[kind] ?? ['Activité']).replace('{city}', city),
        allDay,
        startsAt,
        endsAt,
        timeZone: country.timeZone,
        city,
        countryCode: country.code,
        ownerInstitutionId: institution.id,
        visibility: rng.weighted(visibilityMix),
        organiserInstitutionIds: [institution.id],
        participantInstitutionIds: participants.map((p) => p.id),
        partners: rng.chance(0.3) ? rng.sample(context.partnerIds, 1).map((partnerId) => ({ partnerId })) : [],
        themes: rng.sample(activityThemes, rng.int(1, 3)),
        details: rawDetails,
      });
      const details = prepareDetails(kind, rawDetails);
      const span = spanOf(allDay, startsAt, endsAt, country.timeZone);
      const id = rng.uuid();
      if (kind === 'dialogue_body') bodies.push(id);
      const stamp = stampOf(dateOfDay(day - rng.int(5, 40)));
      batch.add('activities', {
        id,
        kind,
        axis: axisOfKind[kind],
        title: input.title,
        all_day: allDay ? 1 : 0,
        starts_local: startsAt,
        ends_local: endsAt,
        time_zone: country.timeZone,
        starts_utc: span.startsUtc,
        ends_utc: span.endsUtc,
        city,
        country_code: country.code,
        online: 0,
        body_id: details.bodyId,
        cadence_months: details.cadenceMonths,
        details: details.json,
        notes: null,
        owner_institution_id: institution.id,
        visibility: input.visibility,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      });
      batch.add('activity_institutions', { activity_id: id, institution_id: institution.id, role: 'organiser' });
      for (const p of participants) {
        batch.add('activity_institutions', { activity_id: id, institution_id: p.id, role: 'participant' });
      }
      for (const p of input.partners)
        batch.add('activity_partners', { activity_id: id, partner_id: p.partnerId, role: p.role });
      for (const theme of new Set(input.themes)) batch.add('activity_themes', { activity_id: id, theme });
      for (const t of details.trainees ?? []) batch.add('training_participants', { activity_id: id, ...t });
    }
  }
}

const reachStatuses = ['unaccompanied', 'separated', 'with_family'] as const;
const reachSexes = ['girls', 'boys', 'other'] as const;
const reachBands = ['0-5', '6-11', '12-14', '15-17'] as const;

function buildAwareness(
  context: Context,
  institution: InstitutionRef,
  country: words.CountrySpec,
  facilities: { id: string; kind: string }[],
  years: number,
  batch: Batch,
) {
  const { rng } = context;
  const materials: string[] = [];
  const materialStamp = stampOf(dateOfDay(context.firstDay));
  for (const [kind, title] of [
    ['leaflet', 'Tes droits en quelques mots'],
    ['poster', 'Tu peux nous écrire'],
  ] as const) {
    const input = checked<{ languages: string[]; ageMin?: number | null; ageMax?: number | null }>(materialCreate, {
      kind,
      title,
      languages: ['fr', 'ar', 'en'],
      ageMin: 6,
      ageMax: 17,
      ownerInstitutionId: institution.id,
      visibility: 'group',
    });
    const id = rng.uuid();
    materials.push(id);
    batch.add('materials', {
      id,
      kind,
      title,
      description: null,
      languages: JSON.stringify(input.languages),
      age_min: input.ageMin ?? null,
      age_max: input.ageMax ?? null,
      approval_status: 'approved',
      status_changed_by: null,
      status_changed_at: materialStamp,
      owner_institution_id: institution.id,
      visibility: 'group',
      version: 3,
      created_at: materialStamp,
      updated_at: materialStamp,
    });
  }
  const series: { id: string; setting: string; facilityId: string | null; day: number }[] = [];
  for (let year = 0; year < years; year++) {
    const yearStart = context.firstDay + Math.round(year * 365.25);
    const count = rng.int(...SESSIONS_PER_YEAR);
    for (let s = 0; s < count; s++) {
      const day = yearStart + rng.int(0, 360);
      // A repeat meets the same group again, after the series began.
      const before = series.filter((x) => x.day < day);
      const repeatOf = before.length > 0 && rng.chance(0.2) ? rng.pick(before) : undefined;
      const setting = repeatOf?.setting ?? rng.pick(awarenessSettings.filter((x) => x !== 'origin_country'));
      const media = setting === 'media_campaign';
      const atFacility = (facilitySettings as readonly string[]).includes(setting);
      const facilityId = repeatOf
        ? repeatOf.facilityId
        : atFacility && rng.chance(0.7)
          ? rng.pick(facilities).id
          : null;
      const children: ChildrenInput = {};
      const cells: { status: string; sex: string; age_band: string; count: number }[] = [];
      if (!media) {
        for (let c = rng.int(3, 10); c > 0; c--) {
          const status = rng.pick(reachStatuses);
          const sex = rng.pick(reachSexes.slice(0, rng.chance(0.95) ? 2 : 3));
          const band = rng.pick(reachBands);
          const byStatus = children[status] ?? {};
          children[status] = byStatus;
          const bySex = byStatus[sex] ?? {};
          byStatus[sex] = bySex;
          if (bySex[band] !== undefined) continue;
          const n = rng.int(1, 25);
          bySex[band] = n;
          cells.push({ status, sex, age_band: band, count: n });
        }
      }
      const adults = media ? 0 : rng.int(0, 8);
      const audience = media ? rng.int(1000, 200_000) : null;
      const input = checked<{ title: string; channel: string; visibility: string; languages: string[] }>(
        awarenessSessionCreate,
        {
          title: rng.pick(words.awarenessTitles),
          setting,
          channel: media ? rng.pick(['radio', 'television', 'social_media'] as const) : 'in_person',
          facilityId,
          countryCode: country.code,
          place: media ? null : rng.pick(country.cities),
          startsOn: dateOfDay(day),
          languages: rng.sample(['fr', 'ar', 'en', 'ps', 'ti', 'so'], rng.int(1, 3)),
          materialIds: rng.sample(materials, rng.int(0, 2)),
          children,
          adults,
          estimatedAudience: audience,
          ownerInstitutionId: institution.id,
          visibility: rng.weighted(visibilityMix),
        },
      );
      const id = rng.uuid();
      const stamp = stampOf(dateOfDay(day));
      batch.add('awareness_sessions', {
        id,
        title: input.title,
        setting,
        channel: input.channel,
        facility_id: facilityId,
        country_code: country.code,
        place: null,
        starts_on: dateOfDay(day),
        ends_on: null,
        languages: JSON.stringify([...new Set(input.languages)]),
        funder_partner_id: null,
        budget_minor: null,
        budget_currency: null,
        repeat_of_id: repeatOf?.id ?? null,
        estimated_audience: audience,
        adults,
        notes: null,
        owner_institution_id: institution.id,
        visibility: input.visibility,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      });
      for (const cell of cells) batch.add('awareness_reach', { session_id: id, ...cell });
      for (const materialId of rng.sample(materials, rng.int(0, 2))) {
        batch.add('awareness_session_materials', { session_id: id, material_id: materialId });
      }
      if (!repeatOf) series.push({ id, setting, facilityId, day });
    }
  }
}

function buildDocuments(context: Context, institution: InstitutionRef, users: string[], years: number, batch: Batch) {
  const { rng } = context;
  for (let year = 0; year < years; year++) {
    const yearStart = context.firstDay + Math.round(year * 365.25);
    for (let d = rng.int(...DOCUMENTS_PER_YEAR); d > 0; d--) {
      const day = yearStart + rng.int(0, 360);
      const title = `${rng.pick(words.documentTitles)} (${dateOfDay(day).slice(0, 4)})`;
      const theme = rng.pick(monitoringThemes);
      const lines = [
        title,
        institution.name,
        ...rng.sample(words.themeTexts[theme].findings, 2),
        ...rng.sample(words.themeTexts[theme].recommendations, 2),
      ];
      const bytes = simplePdf(lines);
      const id = rng.uuid();
      const author = rng.pick(users);
      const stamp = stampOf(dateOfDay(day));
      batch.add('documents', {
        id,
        title,
        description: null,
        language: 'fr',
        current_version_no: 1,
        created_by: author,
        owner_institution_id: institution.id,
        visibility: rng.weighted(visibilityMix),
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      });
      batch.add('document_versions', {
        id: rng.uuid(),
        document_id: id,
        number: 1,
        filename: `document-${id.slice(0, 8)}.pdf`,
        mime: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        text_content: lines.join('\n'),
        content: bytes,
        created_at: stamp,
        created_by: author,
      });
    }
  }
}

/** A published page for children in French and English, when the institution's record is public. */
function buildChildPages(context: Context, institution: InstitutionRef, handle: string, batch: Batch): string | null {
  if (institution.visibility !== 'public' || institution.hasSlug) return null;
  const stamp = stampOf(dateOfDay(context.firstDay));
  batch.add('child_site_addresses', { institution_id: institution.id, slug: handle, created_at: stamp });
  for (const language of ['fr', 'en'] as const) {
    const { content } = defaultContent(language, { name: institution.name, website: institution.website });
    const parsed = checked<Parameters<typeof contentColumns>[0]>(childPageContent, content);
    batch.add('child_page_contents', {
      id: context.rng.uuid(),
      institution_id: institution.id,
      language,
      status: 'published',
      reviewed_at: stamp,
      reviewed_by: null,
      published_at: stamp,
      published_by: null,
      ...contentColumns(parsed),
      version: 3,
      created_at: stamp,
      updated_at: stamp,
    });
  }
  return handle;
}
