import { appendFileSync } from 'node:fs';

/**
 * Prints what a resilience test tried (the CI log keeps it) and, when `VIGIE_RESILIENCE_SUMMARY` names a file,
 * appends it there as a JSON line, for `scripts/test-resilience.mjs` to total at the end of the run.
 */
export function reportSummary(test: string, engine: string, counts: Record<string, number>, line: string): void {
  console.log(`[resilience] ${test} on ${engine}: ${line}`);
  const file = process.env.VIGIE_RESILIENCE_SUMMARY;
  if (file) appendFileSync(file, `${JSON.stringify({ test, engine, counts, line })}\n`);
}
