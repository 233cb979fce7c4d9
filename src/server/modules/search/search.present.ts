import type { SearchResult, SearchSnippet } from '../../../shared/contract/search.js';
import type { Actor } from '../../auth/actor.js';
import type { SearchRow } from './search.repo.js';
import { highlightsIn, snippetOf } from './snippet.js';

/** The body's stretch around the match; when only the title matched, the start of the body, or the title. */
function snippetFor(text: { title: string; body: string } | undefined, terms: string[]): SearchSnippet {
  if (!text) return { text: '', highlights: [] };
  const body = snippetOf(text.body, terms);
  if (body.highlights.length > 0 || body.text !== '') return body;
  return snippetOf(text.title, terms);
}

export function presentResult(
  actor: Actor,
  row: SearchRow,
  text: { title: string; body: string } | undefined,
  terms: string[],
): SearchResult {
  const english = actor.kind === 'user' && actor.user.language === 'en';
  const axis = row.axis === null ? null : Number.parseInt(row.axis, 10);
  const title = (english && row.title_en) || row.title;
  return {
    type: row.type,
    id: row.id,
    title,
    titleHighlights: highlightsIn(title, terms),
    parentId: row.parent_id,
    snippet: snippetFor(text, terms),
    date: row.date && /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? row.date : null,
    axis: axis !== null && axis >= 1 && axis <= 5 ? axis : null,
    country: row.country,
    institution:
      row.institution_id && row.institution_name
        ? {
            id: row.institution_id,
            name: (english && row.institution_name_en) || row.institution_name,
          }
        : null,
  };
}
