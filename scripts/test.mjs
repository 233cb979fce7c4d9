// `npm test`: unit and integration tests (SQLite and PostgreSQL), then the browser journeys in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureClientBuilt } from './client-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const chromium = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

function run(args) {
  const result = spawnSync(process.execPath, [vitest, 'run', ...args], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

let failed = run([]);

if (existsSync(chromium)) {
  ensureClientBuilt();
  failed ||= run(['--config', 'vitest.e2e.config.ts']);
} else if (process.env.CI) {
  console.error(`Browser journeys must run in CI, but Chromium is missing at ${chromium}.`);
  failed = 1;
} else {
  console.warn(`\n!!! Chromium not found at ${chromium}: browser journeys SKIPPED (apt-get install -y chromium) !!!\n`);
}
process.exit(failed);
