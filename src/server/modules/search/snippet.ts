import type { SearchSnippet } from '../../../shared/contract/search.js';

/** Words shown before the first match, and in all. */
const WORDS_BEFORE = 8;
const WORDS_IN_SNIPPET = 32;
/** Text scanned for a match: the start of a long document is enough to show why it matched. */
const MAX_SCANNED = 200_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text from indexed text: minutes and statements are stored as sanitised HTML, so tags become spaces and
 * character references their characters. The result is shown as text, never parsed as HTML.
 */
export function plainText(text: string): string {
  return text
    .slice(0, MAX_SCANNED)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Case and accents folded, as both engines' indexes fold them. */
export function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether a word of the text is one the query matched: it starts with a query word (the last is a prefix), or
 * shares its stem, approximated as all but its last two letters (children/child, mineurs/mineur, visiting/visits).
 */
function matches(word: string, terms: string[]): boolean {
  return terms.some((term) => {
    if (word.startsWith(term)) return true;
    if (term.length < 5) return false;
    return word.startsWith(term.slice(0, term.length - 2));
  });
}

/** The words of `text` with their offsets, and whether the query matched each. */
function wordsOf(text: string, queryTerms: string[]) {
  const terms = queryTerms.map(folded);
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: matches(folded(m[0]), terms),
  }));
}

/** The matched words of a short text shown whole (a result's title), as ranges over it. */
export function highlightsIn(text: string, queryTerms: string[]): SearchSnippet['highlights'] {
  return wordsOf(text, queryTerms)
    .filter((w) => w.hit)
    .map(({ start, end }) => ({ start, end }));
}

/** A stretch of `text` around its first matched word, with every matched word in it as a highlight range. */
export function snippetOf(rawText: string, queryTerms: string[]): SearchSnippet {
  const text = plainText(rawText);
  const words = wordsOf(text, queryTerms);
  if (words.length === 0) return { text: '', highlights: [] };
  const first = Math.max(
    0,
    words.findIndex((w) => w.hit),
  );
  const from = Math.max(0, first - WORDS_BEFORE);
  const to = Math.min(words.length, from + WORDS_IN_SNIPPET);
  const start = from === 0 ? 0 : (words[from]?.start ?? 0);
  const end = to === words.length ? text.length : (words[to - 1]?.end ?? text.length);
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    highlights: words
      .slice(from, to)
      .filter((w) => w.hit)
      .map((w) => ({ start: w.start + shift, end: w.end + shift })),
  };
}
