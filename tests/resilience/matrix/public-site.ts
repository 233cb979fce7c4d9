import { defaultContent } from '../../../src/server/modules/public-site/texts.js';
import type { MatrixEntry, UnscopedCase } from '../support/matrix.js';
import { only } from '../support/matrix.js';
import type { World } from '../support/world.js';

// Pages for children belong to their institution: France's writers (administrator, France's contact point and
// staff) manage France's; everyone else signed in gets 403, the public 401.
const writersOfFrance = only(200, ['administrator', 'contactPointFR', 'staffFR']);

/** France's page in `language`, written through the API once per world by the administrator. */
function francePage(w: World, language: 'fr' | 'en') {
  return w.once(`public-site:${language}`, async () => {
    const { content } = defaultContent(language, { name: 'Défenseur des droits', website: null });
    const page = await w.ok<{ version: number }>(
      'administrator',
      'PUT',
      `/api/v1/institutions/${w.france}/child-pages/${language}`,
      content,
    );
    return { id: w.france, version: page.version, marker: language };
  });
}

async function current(w: World, language: string) {
  return w.t.db
    .selectFrom('child_page_contents')
    .select(['status', 'version'])
    .where('institution_id', '=', w.france)
    .where('language', '=', language)
    .executeTakeFirstOrThrow();
}

/** A read about France: of its page in `language` (made first), or of a language it has no page in yet. */
const onFrance = (label: string, language: 'fr' | null): UnscopedCase => ({
  kind: 'unscoped',
  label,
  expect: writersOfFrance,
  ...(language ? { setup: (w: World) => francePage(w, language) } : {}),
  request: (w) => ({ params: { id: w.france, lang: language ?? 'ti' } }),
});

export const publicSiteEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/institutions/{id}/child-pages': {
    cases: [
      {
        kind: 'unscoped',
        label: 'France’s pages for children',
        expect: writersOfFrance,
        setup: (w) => francePage(w, 'fr'),
        request: (w) => ({ params: { id: w.france }, query: { status: 'draft', sort: 'updatedAt' } }),
      },
    ],
  },
  'GET /api/v1/institutions/{id}/child-pages/{lang}': {
    cases: [onFrance('France’s page in French', 'fr')],
  },
  'GET /api/v1/institutions/{id}/child-pages/{lang}/defaults': {
    cases: [onFrance('the text France’s page in Tigrinya would start from', null)],
  },
  'PUT /api/v1/institutions/{id}/child-pages/{lang}': {
    cases: [
      {
        kind: 'unscoped',
        label: 'an edit of France’s page in French, from its current version',
        expect: writersOfFrance,
        setup: (w) => francePage(w, 'fr'),
        request: async (w) => {
          const { content } = defaultContent('fr', { name: 'Défenseur des droits', website: null });
          return {
            params: { id: w.france, lang: 'fr' },
            body: { ...content, hours: w.unique('hours'), version: (await current(w, 'fr')).version },
          };
        },
      },
    ],
  },
  'POST /api/v1/institutions/{id}/child-pages/{lang}/status': {
    cases: [
      {
        kind: 'unscoped',
        label: 'France’s page in English, reviewed or back to draft',
        expect: writersOfFrance,
        setup: (w) => francePage(w, 'en'),
        request: async (w) => {
          const { status, version } = await current(w, 'en');
          return {
            params: { id: w.france, lang: 'en' },
            body: { status: status === 'draft' ? 'reviewed' : 'draft', version },
          };
        },
      },
    ],
  },
};
