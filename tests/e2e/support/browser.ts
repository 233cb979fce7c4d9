import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../support/server-process.js';

export const ADMIN = { email: 'secretariat@vigie.test', password: 'secretariat passphrase' };
const executablePath = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '../../..');

export interface Journey {
  server: ServerProcess;
  /** The server's data folder (its SQLite database), for a journey that must set up a state the API cannot. */
  dataDir: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh Vigie (SQLite, its own data folder, the built web app) and a fresh headless Chromium page; `env` adds to
 * the server's environment (`VIGIE_DEMO: '1'` for the demonstration data).
 */
export async function startJourney(env: Record<string, string> = {}): Promise<Journey> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-e2e-'));
  const server = await startServerProcess({
    VIGIE_DATA_DIR: dataDir,
    VIGIE_ADMIN_EMAIL: ADMIN.email,
    VIGIE_ADMIN_PASSWORD: ADMIN.password,
    // A build elsewhere can be tried without touching the one `npm test` keeps up to date.
    VIGIE_CLIENT_DIR: process.env.VIGIE_E2E_CLIENT_DIR ?? path.join(root, 'dist/client'),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // Flags for a closed network and a root user in CI: no background calls home, no sandbox.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  return {
    server,
    dataDir,
    browser,
    page,
    async close() {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and fails on any serious or critical violation, listing them. */
export async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  // A dialog still fading in or out is half transparent: axe would measure the contrast of a frame nobody reads.
  // Wait for finite transitions and animations to end (loaders spin forever and are left alone).
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    undefined,
    { timeout: 5000, polling: 'raf' },
  );
  // A menu just used (the language menu, say) may still be closing while the page around it changes: axe would
  // measure the menu's focus trap rather than the page. Let it leave first; one still open after that is measured.
  await page
    .waitForFunction(() => document.querySelector('[data-menu-dropdown]') === null, undefined, { timeout: 3000 })
    .catch(() => undefined);
  // Evaluated through the DevTools protocol: an inline <script> would be (rightly) refused by the page's CSP.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}
