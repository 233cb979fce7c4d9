import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { childPage, childPageSummary } from '../../../shared/contract/public-site.js';
import { type PageLanguage, pageDirectionOf, pageLanguageName } from '../../../shared/languages.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { ChildPageContentTable } from '../../db/schema.js';

type Summary = z.input<typeof childPageSummary>;
type Page = z.input<typeof childPage>;
type Row = Selectable<ChildPageContentTable>;

/** Where a page lives on the public site: `/{lang}/{institution-slug}`. */
export function publicPagePath(language: string, slug: string): string {
  return `/${language}/${slug}`;
}

export function presentChildPageSummary(row: Row, slug: string, publicUrl: string): Summary {
  const url = publicUrl + publicPagePath(row.language, slug);
  return {
    institutionId: row.institution_id,
    language: row.language as PageLanguage,
    languageName: pageLanguageName(row.language),
    dir: pageDirectionOf(row.language),
    status: row.status as Summary['status'],
    reviewedAt: row.reviewed_at,
    publishedAt: row.published_at,
    version: row.version,
    updatedAt: row.updated_at,
    publicUrl: url,
    previewUrl: `${url}?preview=1`,
  };
}

export function contentOf(row: Row): Page['content'] {
  return {
    institutionName: row.institution_name,
    about: row.about,
    promise: row.promise,
    whoCanAsk: row.who_can_ask,
    phone: row.phone,
    email: row.email,
    address: row.address,
    hours: row.hours,
    website: row.website,
    complaintFormUrl: row.complaint_form_url,
    nextSteps: row.next_steps,
    rights: JSON.parse(row.rights),
    emergencyNumbers: JSON.parse(row.emergency_numbers),
    dataUse: row.data_use,
    labels: JSON.parse(row.labels),
  };
}

export function presentChildPage(
  actor: Actor,
  row: Row,
  slug: string,
  publicUrl: string,
  names: Map<string, string>,
): Page {
  return {
    ...presentChildPageSummary(row, slug, publicUrl),
    content: contentOf(row),
    reviewedBy: row.reviewed_by ? (names.get(row.reviewed_by) ?? null) : null,
    publishedBy: row.published_by ? (names.get(row.published_by) ?? null) : null,
    createdAt: row.created_at,
    can: { edit: canWrite(actor, row.institution_id) },
  };
}
