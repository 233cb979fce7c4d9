import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { nowIso } from '../http/versioning.js';
import { checklistSeed, checklistThemesSeed } from './monitoring-checklist.data.js';

/** The network's visit checklist template, shared with the group (coordinators edit it). */
export async function seedMonitoringChecklist(trx: Kysely<DB>): Promise<void> {
  const now = nowIso();
  const templateId = randomUUID();
  await trx
    .insertInto('checklist_templates')
    .values({
      id: templateId,
      name_fr: checklistSeed.nameFr,
      name_en: checklistSeed.nameEn,
      description_fr: checklistSeed.descriptionFr,
      description_en: checklistSeed.descriptionEn,
      is_active: 1,
      owner_institution_id: null,
      visibility: 'group',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  let position = 0;
  for (const theme of checklistThemesSeed) {
    position += 1;
    const themeId = randomUUID();
    await trx
      .insertInto('checklist_template_themes')
      .values({
        id: themeId,
        template_id: templateId,
        position,
        theme: theme.theme,
        title_fr: theme.titleFr,
        title_en: theme.titleEn,
      })
      .execute();
    await trx
      .insertInto('checklist_template_questions')
      .values(
        theme.questions.map((q, index) => ({
          id: randomUUID(),
          theme_id: themeId,
          position: index + 1,
          text_fr: q.fr,
          text_en: q.en,
          standards: JSON.stringify(q.standards),
        })),
      )
      .execute();
  }
}
