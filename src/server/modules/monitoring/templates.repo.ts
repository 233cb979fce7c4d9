import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { ChecklistTemplateTable, DB } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';

type Executor = Kysely<DB>;

export interface TemplateListQuery {
  q?: string | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
  sort: 'name' | 'updatedAt';
  order: 'asc' | 'desc';
}

export interface ThemeInput {
  theme: string;
  titleFr: string;
  titleEn: string | null;
  questions: { textFr: string; textEn: string | null; standards: string[] }[];
}

function visibleTemplates(db: Executor, actor: Actor) {
  return db.selectFrom('checklist_templates').where(visibleTo(actor, 'checklist_templates'));
}

function withCounts<Q extends ReturnType<typeof visibleTemplates>>(query: Q) {
  return query.selectAll('checklist_templates').select((eb) => [
    eb
      .selectFrom('checklist_template_themes')
      .select((t) => t.fn.countAll<number>().as('n'))
      .whereRef('checklist_template_themes.template_id', '=', 'checklist_templates.id')
      .as('theme_count'),
    eb
      .selectFrom('checklist_template_questions')
      .innerJoin('checklist_template_themes', 'checklist_template_themes.id', 'checklist_template_questions.theme_id')
      .select((t) => t.fn.countAll<number>().as('n'))
      .whereRef('checklist_template_themes.template_id', '=', 'checklist_templates.id')
      .as('question_count'),
  ]);
}

export type TemplateRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withCounts>['executeTakeFirst']>>>;

export async function listTemplates(db: Executor, actor: Actor, query: TemplateListQuery) {
  let base = visibleTemplates(db, actor);
  if (query.q) base = base.where(matchesText(['checklist_templates.name_fr', 'checklist_templates.name_en'], query.q));
  if (query.active !== undefined) base = base.where('checklist_templates.is_active', '=', query.active ? 1 : 0);
  const column = query.sort === 'name' ? 'checklist_templates.name_fr' : 'checklist_templates.updated_at';
  const [rows, count] = await Promise.all([
    withCounts(base)
      .orderBy(column, query.order)
      .orderBy('checklist_templates.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVisibleTemplate(db: Executor, actor: Actor, id: string) {
  return withCounts(visibleTemplates(db, actor)).where('checklist_templates.id', '=', id).executeTakeFirst();
}

export function findTemplate(db: Executor, id: string) {
  return db.selectFrom('checklist_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Themes in order, each with its questions in order. */
export async function structureOf(db: Executor, templateId: string) {
  const themes = await db
    .selectFrom('checklist_template_themes')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('position')
    .execute();
  const questions =
    themes.length === 0
      ? []
      : await db
          .selectFrom('checklist_template_questions')
          .selectAll()
          .where(
            'theme_id',
            'in',
            themes.map((t) => t.id),
          )
          .orderBy('position')
          .execute();
  return themes.map((theme) => ({ ...theme, questions: questions.filter((q) => q.theme_id === theme.id) }));
}

export async function insertTemplate(db: Executor, row: ChecklistTemplateTable): Promise<void> {
  await db.insertInto('checklist_templates').values(row).execute();
}

export async function replaceStructure(db: Executor, templateId: string, themes: ThemeInput[]): Promise<void> {
  await db.deleteFrom('checklist_template_themes').where('template_id', '=', templateId).execute();
  let themePosition = 0;
  for (const theme of themes) {
    themePosition += 1;
    const themeId = randomUUID();
    await db
      .insertInto('checklist_template_themes')
      .values({
        id: themeId,
        template_id: templateId,
        position: themePosition,
        theme: theme.theme,
        title_fr: theme.titleFr,
        title_en: theme.titleEn,
      })
      .execute();
    await db
      .insertInto('checklist_template_questions')
      .values(
        theme.questions.map((q, index) => ({
          id: randomUUID(),
          theme_id: themeId,
          position: index + 1,
          text_fr: q.textFr,
          text_en: q.textEn,
          standards: JSON.stringify(q.standards),
        })),
      )
      .execute();
  }
}

export async function updateTemplate(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<ChecklistTemplateTable>,
) {
  const result = await db
    .updateTable('checklist_templates')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTemplate(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('checklist_templates')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
