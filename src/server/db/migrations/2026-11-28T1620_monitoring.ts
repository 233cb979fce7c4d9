import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

function versioned<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

function flag(column: string) {
  return sql.raw(`${column} in (0, 1)`);
}

function nonNegative(column: string) {
  return sql.raw(`${column} >= 0`);
}

const visibility = ['institution', 'group', 'partners', 'public'];
const facilityKinds = [
  'hotspot',
  'detention_centre',
  'police_border_holding',
  'airport_zone',
  'reception_centre',
  'transit_centre',
  'accommodation_centre',
  'shelter_unaccompanied',
  'other',
];
const visitTypes = ['in_depth', 'thematic', 'follow_up', 'ad_hoc'];
const visitStatuses = ['planned', 'in_progress', 'report_drafted', 'report_validated', 'published', 'closed'];
const themes = [
  'legal_basis',
  'identification_age',
  'separation_safety',
  'guardianship_legal_aid',
  'asylum_information',
  'health',
  'education_leisure',
  'family_contact',
  'material_conditions',
  'complaints_oversight',
  'gender_trafficking',
  'other',
];
const answers = ['yes', 'partly', 'no', 'not_observed'];
const severities = ['low', 'medium', 'high', 'critical'];
const priorities = ['low', 'medium', 'high'];
const recommendationStatuses = [
  'issued',
  'acknowledged',
  'accepted',
  'rejected',
  'in_progress',
  'implemented',
  'partly_implemented',
  'not_implemented',
];
const ageBands = ['0-5', '6-11', '12-14', '15-17'];
const sexes = ['female', 'male', 'other', 'unknown'];
const situationStatuses = ['open', 'referred', 'followed_up', 'closed'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await versioned(
    db.schema
      .createTable('facilities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', facilityKinds)))
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('city', 'text')
      .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
      .addColumn('longitude', 'double precision', (c) => c.check(sql`longitude between -180 and 180`))
      .addColumn('operating_authority', 'text')
      .addColumn('capacity', 'integer', (c) => c.check(nonNegative('capacity')))
      .addColumn('holds_children', 'integer', (c) => c.notNull().defaultTo(0).check(flag('holds_children')))
      .addColumn('is_open', 'integer', (c) => c.notNull().defaultTo(1).check(flag('is_open')))
      .addColumn('notes', 'text')
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility))),
  ).execute();
  await db.schema.createIndex('facilities_country').on('facilities').columns(['country_code', 'kind']).execute();
  await db.schema.createIndex('facilities_kind').on('facilities').column('kind').execute();
  await db.schema.createIndex('facilities_name').on('facilities').column('name').execute();
  await db.schema
    .createIndex('facilities_owner')
    .on('facilities')
    .columns(['owner_institution_id', 'visibility'])
    .execute();

  // Checklist templates: configurable; a visit copies the questions when its checklist starts (see below).
  await versioned(
    db.schema
      .createTable('checklist_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('description_fr', 'text')
      .addColumn('description_en', 'text')
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1).check(flag('is_active')))
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility))),
  ).execute();
  await db.schema
    .createIndex('checklist_templates_owner')
    .on('checklist_templates')
    .columns(['owner_institution_id', 'visibility'])
    .execute();

  await db.schema
    .createTable('checklist_template_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('template_id', 'text', (c) => c.notNull().references('checklist_templates.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // The common theme it maps to, so that answers and findings compare across templates and countries.
    .addColumn('theme', 'text', (c) => c.notNull().check(oneOf('theme', themes)))
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addUniqueConstraint('checklist_template_themes_position', ['template_id', 'position'])
    .execute();

  await db.schema
    .createTable('checklist_template_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('theme_id', 'text', (c) => c.notNull().references('checklist_template_themes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text_fr', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    // JSON array of the standards the question rests on, e.g. ["CRC art. 37(b)", "JGC 4/23"].
    .addColumn('standards', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('checklist_template_questions_position', ['theme_id', 'position'])
    .execute();

  // A visit is owned by its leading institution; others taking part are in visit_institutions.
  await versioned(
    db.schema
      .createTable('visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('restrict'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(oneOf('type', visitTypes)))
      .addColumn('announced', 'integer', (c) => c.notNull().check(flag('announced')))
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', visitStatuses)))
      .addColumn('status_changed_at', 'text', (c) => c.notNull())
      .addColumn('status_changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('objectives', 'text')
      .addColumn('summary', 'text')
      // Population on the day: aggregate counts only, never a child's identity.
      .addColumn('population_total', 'integer', (c) => c.check(nonNegative('population_total')))
      .addColumn('population_children', 'integer', (c) => c.check(nonNegative('population_children')))
      .addColumn('population_unaccompanied', 'integer', (c) => c.check(nonNegative('population_unaccompanied')))
      .addColumn('population_girls', 'integer', (c) => c.check(nonNegative('population_girls')))
      .addColumn('population_age_0_5', 'integer', (c) => c.check(nonNegative('population_age_0_5')))
      .addColumn('population_age_6_11', 'integer', (c) => c.check(nonNegative('population_age_6_11')))
      .addColumn('population_age_12_14', 'integer', (c) => c.check(nonNegative('population_age_12_14')))
      .addColumn('population_age_15_17', 'integer', (c) => c.check(nonNegative('population_age_15_17')))
      .addColumn('checklist_template_id', 'text', (c) => c.references('checklist_templates.id').onDelete('set null'))
      .addColumn('checklist_started_at', 'text')
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility)))
      .addCheckConstraint('visits_dates', sql`ends_on >= starts_on`)
      .addCheckConstraint(
        'visits_children_in_total',
        sql`population_children is null or population_total is null or population_children <= population_total`,
      )
      .addCheckConstraint(
        'visits_unaccompanied_in_children',
        sql`population_unaccompanied is null or population_children is null or population_unaccompanied <= population_children`,
      )
      .addCheckConstraint(
        'visits_girls_in_children',
        sql`population_girls is null or population_children is null or population_girls <= population_children`,
      )
      .addCheckConstraint(
        'visits_age_bands_in_children',
        sql`population_children is null or coalesce(population_age_0_5, 0) + coalesce(population_age_6_11, 0) + coalesce(population_age_12_14, 0) + coalesce(population_age_15_17, 0) <= population_children`,
      ),
  ).execute();
  await db.schema.createIndex('visits_facility').on('visits').columns(['facility_id', 'starts_on']).execute();
  await db.schema.createIndex('visits_starts').on('visits').column('starts_on').execute();
  await db.schema.createIndex('visits_status').on('visits').columns(['status', 'starts_on']).execute();
  await db.schema.createIndex('visits_type').on('visits').columns(['type', 'starts_on']).execute();
  await db.schema.createIndex('visits_owner').on('visits').columns(['owner_institution_id', 'visibility']).execute();
  await db.schema.createIndex('visits_template').on('visits').column('checklist_template_id').execute();

  await db.schema
    .createTable('visit_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.check(oneOf('from_status', visitStatuses)))
    .addColumn('to_status', 'text', (c) => c.notNull().check(oneOf('to_status', visitStatuses)))
    .addColumn('note', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('visit_status_changes_visit')
    .on('visit_status_changes')
    .columns(['visit_id', 'changed_at'])
    .execute();

  // Institutions visiting jointly with the leading one.
  await db.schema
    .createTable('visit_institutions')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('visit_institutions_pk', ['visit_id', 'institution_id'])
    .execute();
  await db.schema
    .createIndex('visit_institutions_institution')
    .on('visit_institutions')
    .column('institution_id')
    .execute();

  await db.schema
    .createTable('visit_partners')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('visit_partners_pk', ['visit_id', 'partner_id'])
    .execute();
  await db.schema.createIndex('visit_partners_partner').on('visit_partners').column('partner_id').execute();

  // Names and roles as text: visitors are not necessarily users of the platform.
  await db.schema
    .createTable('visit_team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('institution_id', 'text', (c) => c.references('institutions.id').onDelete('set null'))
    .addUniqueConstraint('visit_team_position', ['visit_id', 'position'])
    .execute();

  // A snapshot of the template's questions taken when the checklist starts: editing the template later leaves it be.
  await db.schema
    .createTable('visit_checklist_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
    .addColumn('theme_position', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull().check(oneOf('theme', themes)))
    .addColumn('theme_title_fr', 'text', (c) => c.notNull())
    .addColumn('theme_title_en', 'text')
    .addColumn('question_position', 'integer', (c) => c.notNull())
    .addColumn('question_fr', 'text', (c) => c.notNull())
    .addColumn('question_en', 'text')
    .addColumn('standards', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer', 'text', (c) => c.check(oneOf('answer', answers)))
    .addColumn('note', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('visit_checklist_answers_position', ['visit_id', 'theme_position', 'question_position'])
    .execute();
  await db.schema
    .createIndex('visit_checklist_answers_theme')
    .on('visit_checklist_answers')
    .columns(['theme', 'answer'])
    .execute();

  await versioned(
    db.schema
      .createTable('findings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('theme', 'text', (c) => c.notNull().check(oneOf('theme', themes)))
      .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', severities)))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('standards', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('evidence', 'text'),
  ).execute();
  await db.schema.createIndex('findings_visit').on('findings').columns(['visit_id', 'theme']).execute();
  await db.schema.createIndex('findings_theme').on('findings').columns(['theme', 'severity']).execute();

  await versioned(
    db.schema
      .createTable('recommendations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('finding_id', 'text', (c) => c.references('findings.id').onDelete('set null'))
      .addColumn('addressee', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull().check(oneOf('theme', themes)))
      .addColumn('priority', 'text', (c) => c.notNull().check(oneOf('priority', priorities)))
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('repeats_id', 'text', (c) => c.references('recommendations.id').onDelete('set null'))
      // Denormalised from the follow-up history, for the tracker's filters and sorts.
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', recommendationStatuses)))
      .addColumn('status_on', 'text', (c) => c.notNull())
      .addColumn('first_reply_on', 'text')
      .addCheckConstraint('recommendations_not_itself', sql`repeats_id is null or repeats_id <> id`),
  ).execute();
  await db.schema
    .createIndex('recommendations_visit')
    .on('recommendations')
    .columns(['visit_id', 'issued_on'])
    .execute();
  await db.schema.createIndex('recommendations_status').on('recommendations').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('recommendations_theme').on('recommendations').columns(['theme', 'status']).execute();
  await db.schema.createIndex('recommendations_addressee').on('recommendations').column('addressee').execute();
  await db.schema.createIndex('recommendations_due').on('recommendations').column('due_on').execute();
  await db.schema.createIndex('recommendations_issued').on('recommendations').column('issued_on').execute();
  await db.schema.createIndex('recommendations_repeats').on('recommendations').column('repeats_id').execute();
  await db.schema.createIndex('recommendations_finding').on('recommendations').column('finding_id').execute();

  await db.schema
    .createTable('recommendation_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull().check(oneOf('from_status', recommendationStatuses)))
    .addColumn('to_status', 'text', (c) => c.notNull().check(oneOf('to_status', recommendationStatuses)))
    .addColumn('note', 'text')
    .addColumn('evidence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('recommendation_follow_ups_recommendation')
    .on('recommendation_follow_ups')
    .columns(['recommendation_id', 'happened_on'])
    .execute();

  // A child followed individually after a visit: pseudonymous, identifying details encrypted (never in clear here).
  await versioned(
    db.schema
      .createTable('urgent_situations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('age_band', 'text', (c) => c.notNull().check(oneOf('age_band', ageBands)))
      .addColumn('sex', 'text', (c) => c.notNull().check(oneOf('sex', sexes)))
      .addColumn('nationality', 'text')
      .addColumn('needs', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('referred_to', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', situationStatuses)))
      .addColumn('details_encrypted', 'text')
      .addUniqueConstraint('urgent_situations_code', ['visit_id', 'code']),
  ).execute();
  await db.schema
    .createIndex('urgent_situations_visit')
    .on('urgent_situations')
    .columns(['visit_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The monitoring migration cannot be undone: restore a backup instead.');
}
