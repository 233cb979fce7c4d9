import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The secretariat, in French, filters the visited places down to three reception centres, exports them as XLSX and
 * as CSV from the list's menu (keyboard only for the CSV), and finds in each file exactly the rows of the filtered
 * list, a formula kept as text; then downloads France's data as JSON from its page. axe-core with the menu open.
 */

const MARKER = 'Centre export';
const names = [`${MARKER} Calais`, `${MARKER} Lille`, `=1+1 ${MARKER} Metz`];

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

async function api(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

describe('exports in Chromium, in French', () => {
  let journey: Journey;
  let listed: string[] = [];

  beforeAll(async () => {
    journey = await startJourney();
    const { page } = journey;
    await signIn(page);
    for (const name of names) {
      await api(page, 'POST', '/facilities', { name, kind: 'reception_centre', countryCode: 'FR', capacity: 30 });
    }
    // A place of another kind, which the filter leaves out.
    await api(page, 'POST', '/facilities', {
      name: `${MARKER} Vintimille`,
      kind: 'police_border_holding',
      countryCode: 'IT',
    });
  });
  afterAll(() => journey?.close());

  it('filters the list, then exports it as XLSX: the rows of the list, formulas as text', async () => {
    const { page } = journey;
    await page.goto('/facilities?kind=reception_centre&sort=name');
    await page.getByRole('heading', { level: 1, name: 'Lieux visités' }).waitFor();
    await page.getByLabel('Rechercher un lieu').fill(MARKER);
    await page.waitForURL((url) => url.searchParams.get('q') === MARKER);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
    listed = (await page.locator('tbody tr').allInnerTexts()).map((text) => text.split('\n')[0]?.trim() ?? '');

    await page.getByRole('button', { name: 'Exporter' }).click();
    await page.getByRole('menuitem', { name: /XLSX/ }).waitFor();
    await expectNoSeriousA11yIssues(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /XLSX/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vigie-facilities-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Lieux');
    expect(sheet.getRow(1).getCell(1).value).toBe('Nom');
    const exported = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(1).value);
    expect(exported).toEqual(listed);
    expect(exported).toContain(`=1+1 ${MARKER} Metz`);
    await page.getByText(/Le fichier vigie-facilities-.*\.xlsx a été téléchargé/).waitFor();
  });

  it('exports the same rows as CSV with the keyboard alone', async () => {
    const { page } = journey;
    const button = page.getByRole('button', { name: 'Exporter' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: /CSV/ }).waitFor();
    // Arrows move through the items (and wrap): down until the CSV item has the focus.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 3 && !(await focused()).includes('CSV'); i += 1) await page.keyboard.press('ArrowDown');
    expect(await focused()).toContain('CSV');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^vigie-facilities-.*\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows[0]?.[0]).toBe('Nom');
    expect(rows.slice(1).map((row) => row[0])).toEqual(
      listed.map((name) => (name.startsWith('=') ? `'${name}` : name)),
    );
    await expectNoSeriousA11yIssues(page);
  });

  it('downloads France’s own data as JSON from its page', async () => {
    const { page } = journey;
    const institutions = (await api(page, 'GET', '/institutions?country=FR')) as { items: { id: string }[] };
    const france = institutions.items[0]?.id ?? '';
    await page.goto(`/institutions/${france}`);
    await page.getByRole('heading', { level: 2, name: 'Données de l’institution' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter les données (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `vigie-institution-${france}-${new Date().toISOString().slice(0, 10)}.json`,
    );
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      institution: { id: string };
      tables: Record<string, unknown[]>;
    };
    expect(file.format).toBe('vigie-institution-data/1');
    expect(file.institution.id).toBe(france);
    expect(file.tables.institutions?.length).toBeGreaterThan(0);
  });
});
