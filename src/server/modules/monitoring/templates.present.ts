import type { z } from 'zod';
import type { checklistTemplate, checklistTemplateSummary } from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type * as repo from './templates.repo.js';

type Summary = z.input<typeof checklistTemplateSummary>;
type Template = z.input<typeof checklistTemplate>;

export const parseStandards = (stored: string): string[] => JSON.parse(stored) as string[];

export function presentTemplateSummary(actor: Actor, row: repo.TemplateRow): Summary {
  return {
    id: row.id,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    descriptionFr: row.description_fr,
    descriptionEn: row.description_en,
    isActive: row.is_active === 1,
    themeCount: Number(row.theme_count ?? 0),
    questionCount: Number(row.question_count ?? 0),
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Summary['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}

export function presentTemplate(
  actor: Actor,
  row: repo.TemplateRow,
  structure: Awaited<ReturnType<typeof repo.structureOf>>,
): Template {
  return {
    ...presentTemplateSummary(actor, row),
    themes: structure.map((theme) => ({
      id: theme.id,
      position: theme.position,
      theme: theme.theme as Template['themes'][number]['theme'],
      titleFr: theme.title_fr,
      titleEn: theme.title_en,
      questions: theme.questions.map((q) => ({
        id: q.id,
        position: q.position,
        textFr: q.text_fr,
        textEn: q.text_en,
        standards: parseStandards(q.standards),
      })),
    })),
  };
}
