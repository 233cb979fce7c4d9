import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * What in the data folder is not data: the SQLite database and its journals (copied table by table instead), the
 * start-up lock, the generated secrets (kept apart by the operator: a backup must not carry the keys to its own
 * encrypted fields and token hashes), a `backups/` folder, and our own temporary files.
 */
const NOT_DATA = new Set(['secrets', 'backups']);
const NOT_DATA_PREFIXES = ['vigie.sqlite', 'vigie.startup.lock', '.restore-'];

function isData(name: string): boolean {
  return !NOT_DATA.has(name) && !NOT_DATA_PREFIXES.some((p) => name.startsWith(p)) && !name.endsWith('.partial');
}

/** Files of the data folder that a backup carries, as `/`-separated relative paths, sorted. */
export function dataFiles(dataDir: string, exclude: string[] = []): string[] {
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  const found: string[] = [];
  const walk = (dir: string, relative: string[]) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      if (relative.length === 0 && !isData(name)) continue;
      if (name.endsWith('.partial')) continue;
      const full = path.join(dir, name);
      if (excluded.has(full)) continue;
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full, [...relative, name]);
      else if (stat.isFile()) found.push([...relative, name].join('/'));
    }
  };
  walk(path.resolve(dataDir), []);
  return found;
}

/** A data file's path inside the data folder, refusing anything that would leave it. */
export function dataFilePath(dataDir: string, relative: string): string {
  const root = path.resolve(dataDir);
  const full = path.resolve(root, ...relative.split('/'));
  if (
    relative.includes('\\') ||
    relative.split('/').some((part) => part === '' || part === '.' || part === '..') ||
    !full.startsWith(`${root}${path.sep}`) ||
    !isData(relative.split('/')[0] ?? '')
  ) {
    throw new Error(`The backup names a file outside the data folder's data: ${relative}`);
  }
  return full;
}
