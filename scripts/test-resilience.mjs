// `npm run test:resilience`: the resilience suite (tests/resilience, vitest.resilience.config.ts) on SQLite and
// PostgreSQL — the authorization matrix, hostile input, SIGKILLs, two processes — then one summary of what was tried.
// Extra arguments go to Vitest (a file, `-t <name>`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const summaryFile = path.join(tmpdir(), `vigie-resilience-${process.pid}.jsonl`);
const reportFile = path.join(tmpdir(), `vigie-resilience-report-${process.pid}.json`);
rmSync(summaryFile, { force: true });

const started = Date.now();
const result = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--config',
    'vitest.resilience.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, VIGIE_RESILIENCE_SUMMARY: summaryFile } },
);
let failed = result.status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  totals.passed = report.numPassedTests;
  totals.failed = report.numFailedTests;
  totals.skipped = report.numPendingTests + report.numTodoTests;
  rmSync(reportFile);
}
if (process.env.CI && totals.skipped > 0) {
  console.error(`${totals.skipped} resilience tests were skipped: in CI every test must run.`);
  failed = 1;
}

const lines = existsSync(summaryFile)
  ? readFileSync(summaryFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(summaryFile, { force: true });
const sum = (test, key) => lines.filter((l) => l.test === test).reduce((n, l) => n + (l.counts[key] ?? 0), 0);
const engines = [...new Set(lines.map((l) => l.engine))].join(' and ') || 'no engine';

console.log('\nVigie resilience — what was tried:');
for (const line of lines) console.log(`  ${line.test} on ${line.engine}: ${line.line}`);
console.log(
  `\nVigie resilience (${engines}): ${sum('authorization', 'calls')} authorization calls ` +
    `(route × person × visibility), ${sum('fuzz', 'requests')} hostile requests ` +
    `(${sum('fuzz', 'rejections')} rejections checked unchanged), ${sum('crash', 'kills')} kills survived, ` +
    `${sum('crash', 'acknowledged')} acknowledged writes checked after kills, ${sum('processes', 'edits')} ` +
    `concurrent edits through two processes (${sum('processes', 'conflicts')} refused with 409); ` +
    `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ` +
    `in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(failed);
