import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { childPageContent } from '../../../shared/contract/public-site.js';
import { isPageLanguage, type PageLanguage } from '../../../shared/languages.js';
import { resolveActor } from '../../auth/authenticate.js';
import { canWrite } from '../../auth/policy.js';
import { enrollmentPending } from '../../auth/two-factor.js';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { contentOf, publicPagePath } from './child-pages.present.js';
import * as repo from './child-pages.repo.js';
import { type LanguageLink, renderChildPage, renderIndex, renderNotFound, renderPublished } from './pages.js';
import { type PosterSize, posterSizes, renderPoster } from './poster.js';
import { publicStatements, publicVisitReports, visibleFacility } from './published.repo.js';
import { stylesheet, stylesheetPath, stylesheetVersion } from './stylesheet.js';

type Content = z.output<typeof childPageContent>;

/**
 * Pages for children, server-rendered and complete without JavaScript, under `/{lang}/…`:
 * `/{lang}/` the institutions with a published page in that language, `/{lang}/{slug}` one institution's page,
 * `/{lang}/published` public statements and visit reports, `/{lang}/{slug}/poster.pdf` its poster.
 * A first segment that is not a page language is not ours: it goes on to the web app (or the API's 404).
 */
const slugPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Scripts are never needed; styles come from this origin only; nothing is loaded from elsewhere.
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

interface LangParams {
  lang: string;
}
interface PageParams extends LangParams {
  slug: string;
}

function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { status?: number; private?: boolean } = {},
) {
  reply
    .status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('content-language', (request.params as LangParams).lang);
  if (options.private || (options.status ?? 200) !== 200) {
    // A preview or an error is never kept by a cache: what is unpublished must disappear at once.
    reply.header('cache-control', 'no-store');
    return reply.send(body);
  }
  // Revalidated on each visit (cheap with the ETag): a page taken off the site does not linger in caches.
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', 'public, no-cache').header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.send(body);
}

function notFoundPage(request: FastifyRequest, reply: FastifyReply, language: string) {
  return sendPage(request, reply, renderNotFound(language), { status: 404 });
}

/** The person behind a preview: signed in (session cookie), not held back by a pending 2FA enrolment. */
async function previewer(db: Kysely<DB>, config: Config, request: FastifyRequest) {
  try {
    const actor = await resolveActor(db, config, request);
    if (actor.kind === 'anonymous' || (await enrollmentPending(db, actor.user))) return null;
    return actor;
  } catch {
    return null;
  }
}

function languageLinks(languages: string[], path: (code: string) => string): LanguageLink[] {
  return languages.map((code) => ({ code, href: path(code) }));
}

export function registerPublicSite(app: FastifyInstance, db: Kysely<DB>, config: Config): void {
  app.get<{ Querystring: { v?: string } }>(stylesheetPath, async (request, reply) => {
    // Pages name the stylesheet with its version: that address never changes content, so it is kept a year.
    const current = request.query.v === stylesheetVersion;
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return reply.send(stylesheet);
  });

  app.get<{ Params: LangParams }>('/:lang', async (request, reply) => {
    if (!isPageLanguage(request.params.lang)) return reply.callNotFound();
    return reply.redirect(`/${request.params.lang}/`, 301);
  });

  app.get<{ Params: LangParams }>('/:lang/', async (request, reply) => {
    const { lang } = request.params;
    if (!isPageLanguage(lang)) return reply.callNotFound();
    const [pages, languages] = await Promise.all([repo.publishedPages(db, lang), repo.languagesWithPages(db)]);
    const entries = pages.map((p) => ({ slug: p.slug, name: p.institution_name, countryCode: p.country_code }));
    const links = languageLinks(languages.includes(lang) ? languages : [lang, ...languages], (code) => `/${code}/`);
    return sendPage(request, reply, renderIndex(lang, entries, links));
  });

  app.get<{ Params: LangParams }>('/:lang/published', async (request, reply) => {
    const { lang } = request.params;
    if (!isPageLanguage(lang)) return reply.callNotFound();
    const [statements, visits, languages] = await Promise.all([
      publicStatements(db),
      publicVisitReports(db),
      repo.languagesWithPages(db),
    ]);
    const nameIn = (row: { name_fr: string | null; name_en: string | null }) =>
      lang === 'fr' ? row.name_fr : (row.name_en ?? row.name_fr);
    const links = languageLinks(languages.includes(lang) ? languages : [lang, ...languages], (c) => `/${c}/published`);
    const html = renderPublished(
      lang,
      statements.map((s) => ({
        title: s.title,
        date: s.starts_local.slice(0, 10),
        institution: nameIn(s),
        summary: statementAddressee(s.details),
      })),
      visits.map((v) => ({
        title: v.facility_name,
        date: v.starts_on,
        institution: nameIn(v),
        summary: v.summary ? shorten(v.summary, 600) : null,
      })),
      links,
    );
    return sendPage(request, reply, html);
  });

  /**
   * The page at `/{lang}/{slug}` as the caller may have it: published (of a public institution) for everyone, as it
   * stands for the institution's writers asking for a preview; null otherwise (a 404, whatever the reason).
   */
  async function pageFor(request: FastifyRequest, lang: string, slug: string, preview: boolean) {
    if (!slugPattern.test(slug)) return null;
    const institution = await repo.institutionBySlug(db, slug);
    if (!institution) return null;
    if (preview) {
      const actor = await previewer(db, config, request);
      if (!actor || !canWrite(actor, institution.id)) return null;
      const page = await repo.findChildPage(db, institution.id, lang);
      return page ? { institution, actor, content: contentOf(page) as Content } : null;
    }
    if (institution.visibility !== 'public') return null;
    const page = await repo.findChildPage(db, institution.id, lang);
    return page?.status === 'published' ? { institution, actor: null, content: contentOf(page) as Content } : null;
  }

  app.get<{ Params: PageParams; Querystring: Record<string, string> }>('/:lang/:slug', async (request, reply) => {
    const { lang, slug } = request.params;
    if (!isPageLanguage(lang)) return reply.callNotFound();
    const preview = request.query.preview === '1';
    const found = await pageFor(request, lang, slug, preview);
    if (!found) return notFoundPage(request, reply, lang);
    const { institution, content } = found;
    const published = institution.visibility === 'public' ? await repo.publishedLanguages(db, institution.id) : [];
    const languages = published.includes(lang) ? published : [lang, ...published];
    const body = renderChildPage({
      language: lang as PageLanguage,
      content,
      languages: languageLinks(languages, (code) => publicPagePath(code, slug)),
      preview,
    });
    return sendPage(request, reply, body, { private: preview });
  });

  const sizeOf = (query: Record<string, string>): PosterSize | null =>
    query.size === undefined
      ? 'A4'
      : (posterSizes as readonly string[]).includes(query.size)
        ? (query.size as PosterSize)
        : null;

  async function sendPoster(reply: FastifyReply, file: Buffer, name: string, cacheable: boolean) {
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${name}"`)
      .header('cache-control', cacheable ? 'public, no-cache' : 'no-store')
      .send(file);
  }

  app.get<{ Params: PageParams; Querystring: Record<string, string> }>(
    '/:lang/:slug/poster.pdf',
    async (request, reply) => {
      const { lang, slug } = request.params;
      if (!isPageLanguage(lang)) return reply.callNotFound();
      const size = sizeOf(request.query);
      const preview = request.query.preview === '1';
      const found = size ? await pageFor(request, lang, slug, preview) : null;
      if (!found || !size) return notFoundPage(request, reply, lang);
      const file = await renderPoster({
        language: lang,
        content: found.content,
        url: config.publicUrl + publicPagePath(lang, slug),
        size,
      });
      return sendPoster(reply, file, `poster-${slug}-${lang}-${size}.pdf`, !preview);
    },
  );

  // A facility's poster names the place, and facilities are not public records: only the institution's writers
  // who may see the facility get it (signed in), from the institution's published page or, previewing, its draft.
  app.get<{ Params: PageParams & { facilityId: string }; Querystring: Record<string, string> }>(
    '/:lang/:slug/facilities/:facilityId/poster.pdf',
    async (request, reply) => {
      const { lang, slug, facilityId } = request.params;
      if (!isPageLanguage(lang)) return reply.callNotFound();
      const size = sizeOf(request.query);
      const preview = request.query.preview === '1';
      const actor = await previewer(db, config, request);
      const found = size && actor ? await pageFor(request, lang, slug, preview) : null;
      const facility =
        found && actor && canWrite(actor, found.institution.id) && uuidPattern.test(facilityId)
          ? await visibleFacility(db, actor, facilityId)
          : undefined;
      if (!found || !size || !facility) return notFoundPage(request, reply, lang);
      const file = await renderPoster({
        language: lang,
        content: found.content,
        url: config.publicUrl + publicPagePath(lang, slug),
        size,
        facilityName: facility.name,
      });
      return sendPoster(reply, file, `poster-${slug}-${lang}-${size}.pdf`, false);
    },
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function statementAddressee(details: string): string | null {
  try {
    const parsed = JSON.parse(details) as { addressee?: unknown };
    return typeof parsed.addressee === 'string' ? parsed.addressee : null;
  } catch {
    return null;
  }
}
