import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { childPageContent, childPageStatusChange, childPageWrite } from '../../../shared/contract/public-site.js';
import type { PageLanguage } from '../../../shared/languages.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { ChildPageContentTable, DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { presentChildPage, presentChildPageSummary } from './child-pages.present.js';
import * as repo from './child-pages.repo.js';
import { defaultContent } from './texts.js';

type Content = z.output<typeof childPageContent>;
type Write = z.output<typeof childPageWrite>;
type StatusChange = z.output<typeof childPageStatusChange>;
type Institution = NonNullable<Awaited<ReturnType<typeof repo.findVisibleInstitution>>>;

/** Which status a translation may move to from which: reviewed before published; back to draft from either. */
const transitions: Record<string, readonly string[]> = {
  draft: ['reviewed'],
  reviewed: ['published', 'draft'],
  published: ['draft'],
};

/**
 * The institution whose pages the caller manages: unknown or invisible is a 404; a visible institution whose pages
 * the caller may not write is a 403 (drafts are the institution's own work).
 */
async function managedInstitution(db: Kysely<DB>, actor: Actor, institutionId: string): Promise<Institution> {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  const institution = await repo.findVisibleInstitution(db, actor, institutionId);
  if (!institution) throw notFound();
  if (!canWrite(actor, institution.id)) throw new AppError(403, 'forbidden');
  return institution;
}

/** A page's content as the columns of `child_page_contents`. */
export function contentColumns(content: Content) {
  return {
    institution_name: content.institutionName,
    about: content.about,
    promise: content.promise,
    who_can_ask: content.whoCanAsk,
    phone: content.phone ?? null,
    email: content.email ?? null,
    address: content.address ?? null,
    hours: content.hours ?? null,
    website: content.website ?? null,
    complaint_form_url: content.complaintFormUrl ?? null,
    next_steps: content.nextSteps,
    rights: JSON.stringify(content.rights),
    emergency_numbers: JSON.stringify(content.emergencyNumbers),
    data_use: content.dataUse,
    labels: JSON.stringify(content.labels),
  };
}

async function present(
  db: Kysely<DB>,
  actor: Actor,
  row: Selectable<ChildPageContentTable>,
  slug: string,
  url: string,
) {
  const names = await repo.userNames(db, [row.reviewed_by, row.published_by]);
  return presentChildPage(actor, row, slug, url, names);
}

export async function listChildPages(
  db: Kysely<DB>,
  actor: Actor,
  publicUrl: string,
  institutionId: string,
  query: repo.ChildPageListQuery,
) {
  const institution = await managedInstitution(db, actor, institutionId);
  const { rows, total } = await repo.listChildPages(db, institution.id, query);
  return {
    items: rows.map((row) => presentChildPageSummary(row, institution.public_slug ?? '', publicUrl)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getChildPage(
  db: Kysely<DB>,
  actor: Actor,
  publicUrl: string,
  institutionId: string,
  language: PageLanguage,
) {
  const institution = await managedInstitution(db, actor, institutionId);
  const row = await repo.findChildPage(db, institution.id, language);
  if (!row) throw notFound();
  return present(db, actor, row, institution.public_slug ?? '', publicUrl);
}

function nameIn(language: string, institution: Institution): string {
  return language === 'fr' ? institution.name_fr : (institution.name_en ?? institution.name_fr);
}

export async function getDefaults(db: Kysely<DB>, actor: Actor, institutionId: string, language: PageLanguage) {
  const institution = await managedInstitution(db, actor, institutionId);
  const { textLanguage, content } = defaultContent(language, {
    name: nameIn(language, institution),
    website: institution.website,
  });
  return { language, textLanguage, content };
}

/** The institution's address on the public site: its country code, numbered when the country has several. */
async function ensureSlug(trx: Kysely<DB>, institution: Institution): Promise<string> {
  if (institution.public_slug) return institution.public_slug;
  const base = institution.country_code.toLowerCase();
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await repo.slugTaken(trx, candidate)) continue;
    await repo.addSlug(trx, institution.id, candidate, nowIso());
    // Ours, or one a concurrent first write gave meanwhile; none if the address was taken in between.
    const given = await repo.slugOf(trx, institution.id);
    if (given) return given;
  }
}

export async function writeChildPage(
  db: Kysely<DB>,
  context: AuditContext,
  publicUrl: string,
  institutionId: string,
  language: PageLanguage,
  input: Write,
) {
  const { actor } = context;
  const institution = await managedInstitution(db, actor, institutionId);
  const { version, ...content } = input;
  const current = await repo.findChildPage(db, institution.id, language);
  if (version === undefined) {
    if (current) throw new AppError(409, 'conflict', { reason: 'duplicate' }, { reason: 'duplicate' });
    const now = nowIso();
    const row: ChildPageContentTable = {
      id: randomUUID(),
      institution_id: institution.id,
      language,
      status: 'draft',
      reviewed_at: null,
      reviewed_by: null,
      published_at: null,
      published_by: null,
      ...contentColumns(content),
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await db.transaction().execute(async (trx) => {
      const slugBefore = institution.public_slug;
      const slug = await ensureSlug(trx, institution);
      if (slug !== slugBefore) {
        await recordAudit(trx, context, {
          entity: 'child_site_address',
          entityId: institution.id,
          action: 'create',
          after: { institution_id: institution.id, slug },
          institutionId: institution.id,
        });
      }
      await repo.insertChildPage(trx, row);
      await recordAudit(trx, context, {
        entity: 'child_page',
        entityId: row.id,
        action: 'create',
        after: row,
        institutionId: institution.id,
      });
    });
    return getChildPage(db, actor, publicUrl, institution.id, language);
  }
  if (!current) throw notFound();
  // A reviewed text that changes is no longer the text that was reviewed. A published page stays published: its
  // corrections are live at once, like the rest of the institution's public information.
  const changes: Partial<ChildPageContentTable> = { ...contentColumns(content), updated_at: nowIso() };
  if (current.status === 'reviewed') Object.assign(changes, { status: 'draft', reviewed_at: null, reviewed_by: null });
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateChildPage(trx, current.id, version, changes))) return false;
    const after = await repo.findChildPage(trx, institution.id, language);
    await recordAudit(trx, context, {
      entity: 'child_page',
      entityId: current.id,
      action: 'update',
      before: current,
      after,
      institutionId: institution.id,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'child_page',
      entityId: current.id,
      sentVersion: version,
      current: await getChildPage(db, actor, publicUrl, institution.id, language),
    });
  return getChildPage(db, actor, publicUrl, institution.id, language);
}

export async function changeStatus(
  db: Kysely<DB>,
  context: AuditContext,
  publicUrl: string,
  institutionId: string,
  language: PageLanguage,
  input: StatusChange,
) {
  const { actor } = context;
  const institution = await managedInstitution(db, actor, institutionId);
  const current = await repo.findChildPage(db, institution.id, language);
  if (!current) throw notFound();
  const stale = async () =>
    staleVersion(db, {
      entity: 'child_page',
      entityId: current.id,
      sentVersion: input.version,
      current: await getChildPage(db, actor, publicUrl, institution.id, language),
    });
  if (current.version !== input.version) throw await stale();
  if (!transitions[current.status]?.includes(input.status)) {
    throw new AppError(409, 'invalid_status_transition', { from: current.status, to: input.status });
  }
  const now = nowIso();
  const userId = actor.kind === 'user' ? actor.user.id : null;
  const changes: Partial<ChildPageContentTable> = { status: input.status, updated_at: now };
  if (input.status === 'reviewed') Object.assign(changes, { reviewed_at: now, reviewed_by: userId });
  if (input.status === 'published') Object.assign(changes, { published_at: now, published_by: userId });
  if (input.status === 'draft') {
    Object.assign(changes, { reviewed_at: null, reviewed_by: null, published_at: null, published_by: null });
  }
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateChildPage(trx, current.id, input.version, changes))) return false;
    const after = await repo.findChildPage(trx, institution.id, language);
    await recordAudit(trx, context, {
      entity: 'child_page',
      entityId: current.id,
      action: 'status_change',
      before: current,
      after,
      institutionId: institution.id,
    });
    return true;
  });
  if (!applied) throw await stale();
  return getChildPage(db, actor, publicUrl, institution.id, language);
}
