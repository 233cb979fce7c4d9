import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { checklistAnswersUpdate, checklistStart, visitChecklist } from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { DB, VisitTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { type FieldIssue, invalidFields, unknownReference } from './monitoring-errors.js';
import { parseStandards } from './templates.present.js';
import { findVisibleTemplate, structureOf } from './templates.repo.js';
import { visibleVisitOrNotFound, writableVisit } from './visit-access.js';
import { bumpVisit } from './visits.repo.js';

type Checklist = z.input<typeof visitChecklist>;
type Start = z.output<typeof checklistStart>;
type Answers = z.output<typeof checklistAnswersUpdate>;

export function answersOf(db: Kysely<DB>, visitId: string) {
  return db
    .selectFrom('visit_checklist_answers')
    .selectAll()
    .where('visit_id', '=', visitId)
    .orderBy('theme_position')
    .orderBy('question_position')
    .execute();
}

export type AnswerRow = Awaited<ReturnType<typeof answersOf>>[number];

export function groupByTheme(rows: AnswerRow[]) {
  const themes: Checklist['themes'] = [];
  for (const row of rows) {
    let theme = themes.at(-1);
    if (!theme || theme.position !== row.theme_position) {
      theme = {
        position: row.theme_position,
        theme: row.theme as Checklist['themes'][number]['theme'],
        titleFr: row.theme_title_fr,
        titleEn: row.theme_title_en,
        questions: [],
      };
      themes.push(theme);
    }
    theme.questions.push({
      id: row.id,
      position: row.question_position,
      textFr: row.question_fr,
      textEn: row.question_en,
      standards: parseStandards(row.standards),
      answer: row.answer as Checklist['themes'][number]['questions'][number]['answer'],
      note: row.note,
      answeredAt: row.answered_at,
    });
  }
  return themes;
}

function present(actor: Actor, visit: VisitTable, rows: AnswerRow[]): Checklist {
  const totals = { yes: 0, partly: 0, no: 0, not_observed: 0, unanswered: 0 };
  for (const row of rows) {
    const key = (row.answer ?? 'unanswered') as keyof typeof totals;
    totals[key] += 1;
  }
  return {
    visitId: visit.id,
    templateId: visit.checklist_template_id,
    startedAt: visit.checklist_started_at,
    themes: groupByTheme(rows),
    totals,
    version: visit.version,
    can: { edit: canWrite(actor, visit.owner_institution_id) },
  };
}

export async function getChecklist(db: Kysely<DB>, actor: Actor, visitId: string) {
  const visit = await visibleVisitOrNotFound(db, actor, visitId);
  return present(actor, visit, await answersOf(db, visitId));
}

async function conflict(db: Kysely<DB>, actor: Actor, visitId: string, sentVersion: number) {
  return staleVersion(db, {
    entity: 'visit',
    entityId: visitId,
    sentVersion,
    current: await getChecklist(db, actor, visitId),
  });
}

/** Copies the template's themes, questions and standards into the visit: later template edits leave it as it is. */
export async function startChecklist(db: Kysely<DB>, context: AuditContext, visitId: string, input: Start) {
  const { actor } = context;
  const visit = await writableVisit(db, actor, visitId);
  if (visit.version !== input.version) throw await conflict(db, actor, visitId, input.version);
  if (visit.checklist_started_at !== null) throw new AppError(409, 'checklist_already_started');
  const template = await findVisibleTemplate(db, actor, input.templateId);
  if (!template) throw unknownReference('body.templateId');
  const structure = await structureOf(db, input.templateId);
  const now = nowIso();
  const applied = await db.transaction().execute(async (trx) => {
    const started = await trx
      .updateTable('visits')
      .set({
        checklist_template_id: input.templateId,
        checklist_started_at: now,
        updated_at: now,
        version: input.version + 1,
      })
      .where('id', '=', visitId)
      .where('version', '=', input.version)
      .where('checklist_started_at', 'is', null)
      .executeTakeFirst();
    if (Number(started.numUpdatedRows) !== 1) return false;
    const rows = structure.flatMap((theme) =>
      theme.questions.map((q) => ({
        id: randomUUID(),
        visit_id: visitId,
        theme_position: theme.position,
        theme: theme.theme,
        theme_title_fr: theme.title_fr,
        theme_title_en: theme.title_en,
        question_position: q.position,
        question_fr: q.text_fr,
        question_en: q.text_en,
        standards: q.standards,
        answer: null,
        note: null,
        answered_at: null,
        answered_by: null,
      })),
    );
    // Inserted in slices: a long template would pass the engines' limit on bound parameters in one statement.
    for (let i = 0; i < rows.length; i += 50) {
      await trx
        .insertInto('visit_checklist_answers')
        .values(rows.slice(i, i + 50))
        .execute();
    }
    await recordAudit(trx, context, {
      entity: 'visit',
      entityId: visitId,
      action: 'checklist_start',
      before: { checklistTemplateId: null },
      after: { checklistTemplateId: input.templateId, questions: rows.length },
      institutionId: visit.owner_institution_id,
      version: input.version + 1,
    });
    return true;
  });
  if (!applied) throw await conflict(db, actor, visitId, input.version);
  return getChecklist(db, actor, visitId);
}

export async function saveAnswers(db: Kysely<DB>, context: AuditContext, visitId: string, input: Answers) {
  const { actor } = context;
  const visit = await writableVisit(db, actor, visitId);
  if (visit.version !== input.version) throw await conflict(db, actor, visitId, input.version);
  const current = await answersOf(db, visitId);
  const byId = new Map(current.map((row) => [row.id, row]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    if (!byId.has(a.id)) issues.push({ field: `body.answers.${i}.id`, issue: 'unknown_question' });
    else if (seen.has(a.id)) issues.push({ field: `body.answers.${i}.id`, issue: 'duplicate_value' });
    seen.add(a.id);
  });
  if (issues.length > 0) throw invalidFields(issues);
  const now = nowIso();
  const userId = actor.kind === 'user' ? actor.user.id : null;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await bumpVisit(trx, visitId, input.version, now))) return false;
    const changes: { id: string; before: unknown; after: unknown }[] = [];
    for (const a of input.answers) {
      const before = byId.get(a.id) as AnswerRow;
      const note = a.note === undefined ? before.note : a.note;
      if (before.answer === a.answer && before.note === note) continue;
      await trx
        .updateTable('visit_checklist_answers')
        .set({ answer: a.answer, note, answered_at: now, answered_by: userId })
        .where('id', '=', a.id)
        .where('visit_id', '=', visitId)
        .execute();
      changes.push({
        id: a.id,
        before: { answer: before.answer, note: before.note },
        after: { answer: a.answer, note },
      });
    }
    await recordAudit(trx, context, {
      entity: 'visit',
      entityId: visitId,
      action: 'checklist_answers',
      before: { answers: changes.map((c) => ({ id: c.id, ...(c.before as object) })) },
      after: { answers: changes.map((c) => ({ id: c.id, ...(c.after as object) })) },
      institutionId: visit.owner_institution_id,
      version: input.version + 1,
    });
    return true;
  });
  if (!applied) throw await conflict(db, actor, visitId, input.version);
  return getChecklist(db, actor, visitId);
}
