import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { checklistTemplateCreate, checklistTemplateUpdate } from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { ChecklistTemplateTable, DB } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { ownerOnCreate } from './facilities.service.js';
import { presentTemplate, presentTemplateSummary } from './templates.present.js';
import * as repo from './templates.repo.js';

type Create = z.output<typeof checklistTemplateCreate>;
type Update = z.output<typeof checklistTemplateUpdate>;

const themeRows = (themes: Create['themes']): repo.ThemeInput[] =>
  themes.map((t) => ({
    theme: t.theme,
    titleFr: t.titleFr,
    titleEn: t.titleEn ?? null,
    questions: t.questions.map((q) => ({ textFr: q.textFr, textEn: q.textEn ?? null, standards: q.standards })),
  }));

export async function listTemplates(db: Kysely<DB>, actor: Actor, query: repo.TemplateListQuery) {
  const { rows, total } = await repo.listTemplates(db, actor, query);
  return {
    items: rows.map((row) => presentTemplateSummary(actor, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getTemplate(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleTemplate(db, actor, id);
  if (!row) throw notFound();
  return presentTemplate(actor, row, await repo.structureOf(db, id));
}

export async function createTemplate(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  const owner = await ownerOnCreate(db, actor, undefined);
  const now = nowIso();
  const row: ChecklistTemplateTable = {
    id: randomUUID(),
    name_fr: input.nameFr,
    name_en: input.nameEn ?? null,
    description_fr: input.descriptionFr ?? null,
    description_en: input.descriptionEn ?? null,
    is_active: input.isActive ? 1 : 0,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertTemplate(trx, row);
    await repo.replaceStructure(trx, row.id, themeRows(input.themes));
    await recordAudit(trx, context, {
      entity: 'checklist_template',
      entityId: row.id,
      action: 'create',
      after: { ...row, themes: input.themes },
      institutionId: owner,
    });
  });
  return getTemplate(db, actor, row.id);
}

export async function updateTemplate(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleTemplate(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, themes, ...f } = input;
  const changes: Partial<ChecklistTemplateTable> = { updated_at: nowIso() };
  if (f.nameFr !== undefined) changes.name_fr = f.nameFr;
  if (f.nameEn !== undefined) changes.name_en = f.nameEn;
  if (f.descriptionFr !== undefined) changes.description_fr = f.descriptionFr;
  if (f.descriptionEn !== undefined) changes.description_en = f.descriptionEn;
  if (f.isActive !== undefined) changes.is_active = f.isActive ? 1 : 0;
  if (f.visibility !== undefined) changes.visibility = f.visibility;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateTemplate(trx, id, version, changes))) return false;
    // Visits whose checklist has started keep their own copy of the questions: this changes none of them.
    if (themes !== undefined) await repo.replaceStructure(trx, id, themeRows(themes));
    const after = await repo.findTemplate(trx, id);
    await recordAudit(trx, context, {
      entity: 'checklist_template',
      entityId: id,
      action: 'update',
      before: current,
      after: { ...after, ...(themes === undefined ? {} : { themes }) },
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'checklist_template',
      entityId: id,
      sentVersion: version,
      current: await getTemplate(db, actor, id),
    });
  }
  return getTemplate(db, actor, id);
}

export async function deleteTemplate(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleTemplate(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const stale = async () =>
    staleVersion(db, {
      entity: 'checklist_template',
      entityId: id,
      sentVersion: version,
      current: await getTemplate(db, actor, id),
    });
  if (current.version !== version) throw await stale();
  const deleted = await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteTemplate(trx, id, version))) return false;
    await recordAudit(trx, context, {
      entity: 'checklist_template',
      entityId: id,
      action: 'delete',
      before: current,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) throw await stale();
}
