// `npm test`: unit and integration tests (SQLite and PostgreSQL), then the browser journeys in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureClientBuilt } from './client-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const chromium = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

const totals = { passed: 0, failed: 0, skipped: 0 };
const reportFile = path.join(tmpdir(), `vigie-test-report-${process.pid}.json`);

function run(args) {
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...args],
    { cwd: root, stdio: 'inherit' },
  );
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    rmSync(reportFile);
  }
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
if (process.env.CI && totals.skipped > 0) {
  console.error(`${totals.skipped} tests were skipped: in CI every test must run.`);
  failed = 1;
}
console.log(`\nVigie: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed);
