import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { anonymous } from '../../auth/actor.js';
import type { ChildPageContentTable, DB } from '../../db/schema.js';
import { nowIso } from '../../http/versioning.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import * as repo from '../../modules/public-site/child-pages.repo.js';
import { contentColumns } from '../../modules/public-site/child-pages.service.js';
import { defaultContent } from '../../modules/public-site/texts.js';
import type { DemoPart } from './demo-part.js';

const audit = { actor: anonymous, requestId: null, label: 'system:demo' };

/** The languages shipped with wording of their own: the demonstration page is published in each. */
const languages = ['fr', 'en', 'ar', 'es'] as const;

/**
 * France's page for children, published in the four shipped languages from the shipped wording, so that the public
 * site has something to show. Contact details are left empty: the sources give none, and a wrong number on a
 * child's page is worse than none.
 */
export const publicSiteDemo: DemoPart = {
  key: 'public-site',
  async run(trx: Kysely<DB>) {
    const france = await trx
      .selectFrom('institutions')
      .select(['id', 'name_fr', 'name_en', 'website'])
      .where('country_code', '=', 'FR')
      .where('visibility', '=', 'public')
      .orderBy('created_at')
      .executeTakeFirst();
    if (!france) return;
    const now = nowIso();
    if (!(await repo.slugOf(trx, france.id)) && !(await repo.slugTaken(trx, 'fr'))) {
      await repo.addSlug(trx, france.id, 'fr', now);
      await recordAudit(trx, audit, {
        entity: 'child_site_address',
        entityId: france.id,
        action: 'create',
        after: { institution_id: france.id, slug: 'fr' },
        institutionId: france.id,
      });
    }
    for (const language of languages) {
      if (await repo.findChildPage(trx, france.id, language)) continue;
      const { content } = defaultContent(language, {
        name: language === 'fr' ? france.name_fr : (france.name_en ?? france.name_fr),
        website: france.website,
      });
      const row: ChildPageContentTable = {
        id: randomUUID(),
        institution_id: france.id,
        language,
        status: 'published',
        reviewed_at: now,
        reviewed_by: null,
        published_at: now,
        published_by: null,
        ...contentColumns(content),
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertChildPage(trx, row);
      await recordAudit(trx, audit, {
        entity: 'child_page',
        entityId: row.id,
        action: 'create',
        after: row,
        institutionId: france.id,
      });
    }
  },
};
