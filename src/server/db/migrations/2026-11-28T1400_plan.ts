import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Frozen once shipped: later changes go in a new migration.

function versioned<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

function oneOf(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

const visibility = ['institution', 'group', 'partners', 'public'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await versioned(
    db.schema
      .createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('restrict'))
      .addColumn('title_fr', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['draft', 'adopted', 'closed'])))
      .addColumn('source_text', 'text')
      .addColumn('previous_plan_id', 'text', (c) => c.references('plans.id').onDelete('set null'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility)))
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict')),
  ).execute();
  await db.schema.createIndex('plans_group').on('plans').columns(['group_id', 'starts_on']).execute();
  // "Has this plan a successor yet?" when preparing the next plan.
  await db.schema.createIndex('plans_previous').on('plans').column('previous_plan_id').execute();

  // Axes and their numbered sub-items (3.1, 4.2…) share one table: a sub-item has a parent.
  await versioned(
    db.schema
      .createTable('plan_axes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('parent_id', 'text', (c) => c.references('plan_axes.id').onDelete('cascade'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title_fr', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text')
      .addColumn('text_fr', 'text')
      .addColumn('text_en', 'text')
      // "au sein de chaque institution", "respectivement par chaque institution": each member carries it out.
      .addColumn('each_institution', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('plan_axes_number', ['plan_id', 'number']),
  ).execute();

  // An axis filter takes in its sub-items' records (`plan_axes.parent_id = ?`).
  await db.schema.createIndex('plan_axes_parent').on('plan_axes').column('parent_id').execute();

  await db.schema
    .createTable('plan_axis_partners')
    .addColumn('axis_id', 'text', (c) => c.notNull().references('plan_axes.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ['participant', 'funder'])))
    .addPrimaryKeyConstraint('plan_axis_partners_pk', ['axis_id', 'partner_id', 'role'])
    .execute();

  // Every member takes part in every axis; only departures from that are recorded.
  await db.schema
    .createTable('plan_axis_exceptions')
    .addColumn('axis_id', 'text', (c) => c.notNull().references('plan_axes.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_axis_exceptions_pk', ['axis_id', 'institution_id'])
    .execute();

  await versioned(
    db.schema
      .createTable('plan_actions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('axis_id', 'text', (c) => c.notNull().references('plan_axes.id').onDelete('restrict'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('lead_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(oneOf('status', ['planned', 'in_progress', 'done', 'postponed', 'cancelled'])),
      )
      .addColumn('planned_start', 'text')
      .addColumn('planned_end', 'text')
      .addColumn('completed_on', 'text')
      .addColumn('funder_partner_id', 'text', (c) => c.references('partners.id').onDelete('restrict'))
      // Minor units (cents) avoid floating-point sums; currency is ISO 4217.
      .addColumn('budget_minor', 'bigint')
      .addColumn('budget_currency', 'text')
      .addColumn('comments', 'text')
      .addColumn('carried_from_id', 'text', (c) => c.references('plan_actions.id').onDelete('set null'))
      .addColumn('owner_institution_id', 'text', (c) => c.references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility))),
  ).execute();
  await db.schema
    .createIndex('plan_actions_plan')
    .on('plan_actions')
    .columns(['plan_id', 'axis_id', 'status'])
    .execute();
  await db.schema
    .createIndex('plan_actions_lead')
    .on('plan_actions')
    .columns(['lead_institution_id', 'status'])
    .execute();
  await db.schema.createIndex('plan_actions_dates').on('plan_actions').columns(['plan_id', 'planned_end']).execute();
  await db.schema.createIndex('plan_actions_axis').on('plan_actions').column('axis_id').execute();
  // The actions carried over from an action (its history in later plans).
  await db.schema.createIndex('plan_actions_carried_from').on('plan_actions').column('carried_from_id').execute();
  await db.schema
    .createIndex('plan_actions_owner')
    .on('plan_actions')
    .columns(['owner_institution_id', 'visibility'])
    .execute();

  await db.schema
    .createTable('plan_action_institutions')
    .addColumn('action_id', 'text', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('plan_action_institutions_pk', ['action_id', 'institution_id'])
    .execute();
  await db.schema
    .createIndex('plan_action_institutions_institution')
    .on('plan_action_institutions')
    .column('institution_id')
    .execute();
  await db.schema
    .createTable('plan_action_partners')
    .addColumn('action_id', 'text', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('plan_action_partners_pk', ['action_id', 'partner_id'])
    .execute();

  // Records of later modules (meetings, trainings, visits, awareness sessions) that serve an action.
  await db.schema
    .createTable('plan_action_links')
    .addColumn('action_id', 'text', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_action_links_pk', ['action_id', 'entity', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('plan_action_links_entity')
    .on('plan_action_links')
    .columns(['entity', 'entity_id'])
    .execute();

  await versioned(
    db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('axis_id', 'text', (c) => c.references('plan_axes.id').onDelete('restrict'))
      .addColumn('action_id', 'text', (c) => c.references('plan_actions.id').onDelete('restrict'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name_fr', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      // How values across institutions and periods combine: counted things add up; scores and delays average.
      .addColumn('aggregation', 'text', (c) => c.notNull().check(oneOf('aggregation', ['sum', 'average'])))
      .addColumn('baseline', 'double precision')
      .addColumn('target', 'double precision')
      .addColumn('frequency', 'text', (c) =>
        c.notNull().check(oneOf('frequency', ['quarterly', 'semiannual', 'annual', 'plan'])),
      )
      .addColumn('dimensions', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text')
      .addUniqueConstraint('indicators_code', ['plan_id', 'code']),
  ).execute();
  await db.schema.createIndex('indicators_axis').on('indicators').columns(['plan_id', 'axis_id']).execute();
  await db.schema.createIndex('indicators_action').on('indicators').column('action_id').execute();

  await versioned(
    db.schema
      .createTable('reporting_periods')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['open', 'closed'])))
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addUniqueConstraint('reporting_periods_label', ['plan_id', 'label']),
  ).execute();

  await versioned(
    db.schema
      .createTable('indicator_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('restrict'))
      .addColumn('period_id', 'text', (c) => c.notNull().references('reporting_periods.id').onDelete('restrict'))
      .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('restrict'))
      .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['draft', 'submitted', 'validated'])))
      // Cells of the full cross-classification of the indicator's dimensions: [{ "dims": {…}, "value": n }].
      .addColumn('cells', 'text', (c) => c.notNull())
      .addColumn('total', 'double precision', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('submitted_by', 'text')
      .addColumn('validated_at', 'text')
      .addColumn('validated_by', 'text')
      .addColumn('owner_institution_id', 'text', (c) => c.notNull().references('institutions.id').onDelete('restrict'))
      .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', visibility)))
      .addUniqueConstraint('indicator_reports_one', ['indicator_id', 'period_id', 'institution_id']),
  ).execute();
  await db.schema
    .createIndex('indicator_reports_period')
    .on('indicator_reports')
    .columns(['period_id', 'institution_id'])
    .execute();
  // Reports of one institution (the list's institution filter, the progress view's per-member counts).
  await db.schema
    .createIndex('indicator_reports_institution')
    .on('indicator_reports')
    .columns(['institution_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The plan migration cannot be undone: restore a backup instead.');
}
