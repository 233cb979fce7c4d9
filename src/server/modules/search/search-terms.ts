import { sql } from 'kysely';

/** At most this many words of a query are searched: enough for a sentence, short of a costly query. */
const MAX_TERMS = 12;

/**
 * The words of what someone typed: letters and digits (with their combining marks), in order, lower case. Every
 * other character — quotes, parentheses, colons, asterisks, operators — is a separator, so nothing a person types
 * reaches either engine as query syntax.
 */
export function termsOf(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.slice(0, MAX_TERMS).map((w) => w.toLowerCase());
}

/**
 * The FTS5 query: every word, the last one also as a prefix (results appear while a word is being typed), in the
 * title and body columns only (the key column is how triggers find a row again). Words are quoted strings.
 */
export function sqliteMatch(terms: string[]): string {
  const phrases = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`);
  return `{title body} : (${phrases.join(' AND ')})`;
}

/**
 * The PostgreSQL tsquery: every word, in any of the three ways the index reads text (exact, French stem, English
 * stem). The last word is a prefix of exact words only: a prefix of a stem reaches too far ("bruxellisme" would
 * find "Bruxelles"). Words hold only letters, digits and marks, so `to_tsquery` sees no operator.
 */
export function postgresQuery(terms: string[]) {
  return sql`(${sql.join(
    terms.map((t, i) => {
      const exact = i === terms.length - 1 ? `${t}:*` : t;
      return sql`(to_tsquery('vigie_simple'::regconfig, ${exact}::text) || to_tsquery('vigie_french'::regconfig, ${t}::text) || to_tsquery('vigie_english'::regconfig, ${t}::text))`;
    }),
    sql` && `,
  )})`;
}
