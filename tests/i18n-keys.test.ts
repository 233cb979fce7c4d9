import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

/**
 * The catalogs and the code must agree: same keys in every language, every key the code names exists, every key the
 * web app owns is used, and every message is valid ICU. Keys are only ever written as literals (`'ns:key'`), which
 * is what makes this check possible.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = path.join(root, 'src/shared/locales');
const languages = ['fr', 'en', 'ar', 'es'] as const;
const clientNamespaces = [
  'common',
  'dashboard',
  'auth',
  'network',
  'users',
  'audit',
  'plan',
  'awareness',
  'settings',
  'documents',
  'imports',
  'monitoring',
  'notifications',
  'activities',
  'calendar',
  'public-site',
  'reports',
  'search',
  'exports',
] as const;
// `public`: the public site's wording, rendered by the server (same keys everywhere, valid ICU).
// `import-columns`: the headers and explanations of import templates, written by the server.
const namespaces = [...clientNamespaces, 'errors', 'public', 'import-columns'] as const;

type Catalog = Map<string, string>;

function flatten(node: unknown, prefix: string, into: Catalog): Catalog {
  if (typeof node === 'string') {
    into.set(prefix, node);
  } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    throw new Error(`${prefix}: a message must be a string or an object of messages`);
  }
  return into;
}

function loadCatalog(language: string, namespace: string): Catalog {
  const file = path.join(localesDir, language, `${namespace}.json`);
  return flatten(JSON.parse(readFileSync(file, 'utf8')), '', new Map());
}

const catalogs = new Map<string, Catalog>();
for (const language of languages) {
  for (const namespace of namespaces) catalogs.set(`${language}/${namespace}`, loadCatalog(language, namespace));
}
const catalog = (language: string, namespace: string): Catalog => catalogs.get(`${language}/${namespace}`) as Catalog;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every `'ns:key'` literal in the sources (single, double or back quotes), by namespace, with where it is used. */
function usedKeys(): Map<string, Set<string>> {
  const pattern = new RegExp(`(['"\`])(${namespaces.join('|')}):([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\1`, 'g');
  const used = new Map<string, Set<string>>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // The server formats only `errors`, `notifications` (emails) and `exports` (files' headers) messages: elsewhere
    // in its code, `audit:verify` is a command, not a key.
    const serverSide = path.relative(root, file).startsWith(`src${path.sep}server${path.sep}`);
    for (const match of text.matchAll(pattern)) {
      if (serverSide && match[2] !== 'errors' && match[2] !== 'notifications' && match[2] !== 'exports') continue;
      const key = `${match[2]}:${match[3]}`;
      const places = used.get(key) ?? new Set<string>();
      places.add(path.relative(root, file));
      used.set(key, places);
    }
  }
  return used;
}

const used = usedKeys();

describe('message catalogs', () => {
  it.each(namespaces)('%s has the same keys in every language', (namespace) => {
    const reference = [...catalog('fr', namespace).keys()].sort();
    for (const language of languages) {
      expect([...catalog(language, namespace).keys()].sort(), `${language}/${namespace}.json`).toEqual(reference);
    }
  });

  it('has no empty message', () => {
    const empty = [...catalogs].flatMap(([name, messages]) =>
      [...messages].filter(([, message]) => message.trim() === '').map(([key]) => `${name}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('holds valid ICU messages only', () => {
    const invalid: string[] = [];
    for (const [name, messages] of catalogs) {
      const language = name.split('/')[0] as string;
      for (const [key, message] of messages) {
        try {
          new IntlMessageFormat(message, language);
        } catch (error) {
          invalid.push(`${name}: ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });
});

describe('keys used in the code', () => {
  it('finds keys to check', () => {
    expect(used.size).toBeGreaterThan(0);
  });

  it('all exist in every language', () => {
    const missing: string[] = [];
    for (const [key, files] of used) {
      const [namespace, name] = key.split(':') as [string, string];
      for (const language of languages) {
        if (!catalog(language, namespace).has(name))
          missing.push(`${language}: ${key} (used in ${[...files].join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(clientNamespaces)('%s has no unused key', (namespace) => {
    const unused = [...catalog('fr', namespace).keys()].filter((key) => !used.has(`${namespace}:${key}`));
    expect(unused).toEqual([]);
  });
});
