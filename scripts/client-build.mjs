// Builds the web app when its output is missing or older than any of its sources, so `npm start` and
// `npm test` always serve what the tree holds without rebuilding on every run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'dist/client/index.html');
const sources = ['src/client', 'src/shared', 'vite.config.ts', 'package-lock.json'];

function newest(target) {
  const full = path.join(root, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(full)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

export function ensureClientBuilt() {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (built >= Math.max(...sources.map(newest))) return;
  console.log('Building the web app…');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The web app failed to build.');
}
