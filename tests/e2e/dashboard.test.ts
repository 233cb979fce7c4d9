import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The network dashboard over the demonstration data, in French then English: the period and an institution change
 * the figures (and the address); a figure's link opens its list, filtered, with the same count; a chart shows as a
 * table; the map draws the member countries beside the table that says the same in text. axe-core on each view.
 */

/** Figures as Latin digits, whichever digits and separators the language writes them with. */
const digits = (text: string | null) =>
  Number((text ?? '').replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/[^\d]/g, ''));

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

/** The number a tile shows (`data-figure` names it), once the dashboard has settled. */
async function tile(page: Page, figure: string): Promise<number> {
  await page.locator('[aria-busy="false"]').first().waitFor();
  return digits(await page.locator(`[data-figure="${figure}"] a, [data-figure="${figure}"] p`).last().textContent());
}

describe('network dashboard in Chromium', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney({ VIGIE_DEMO: '1' });
  });
  afterAll(() => journey?.close());

  it('opens from the menu and follows the period and the institution chosen', async () => {
    const { page } = journey;
    await signIn(page);
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord du réseau' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Visites de contrôle' }).waitFor();
    expect(await tile(page, 'visits')).toBe(5);
    expect(await tile(page, 'children')).toBe(64);
    await expectNoSeriousA11yIssues(page);

    await page.getByLabel('Du', { exact: true }).fill('2017-01-01');
    await page.getByLabel('Au', { exact: true }).fill('2017-12-31');
    // France's session of October 2017 only.
    await expect.poll(() => tile(page, 'children')).toBe(22);
    expect(await tile(page, 'visits')).toBe(4);
    expect(new URL(page.url()).searchParams.get('to')).toBe('2017-12-31');

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByLabel('Institutions', { exact: true }).first().click();
    await page.getByRole('option', { name: /\(Maroc\)/ }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => tile(page, 'children')).toBe(26);
    expect(new URL(page.url()).searchParams.getAll('institutionId')).toHaveLength(1);
    expect(await tile(page, 'visits')).toBe(0);
  });

  it('opens the list behind a figure, filtered, with the same count', async () => {
    const { page } = journey;
    const sessions = await tile(page, 'sessions');
    expect(sessions).toBe(2);
    await page.locator('[data-figure="sessions"] a').click();
    await page.waitForURL(/\/awareness-sessions\?/);
    expect(new URL(page.url()).searchParams.get('institutionId')).toBeTruthy();
    await page.getByText('2 résultats').waitFor();

    await page.goto('/dashboard?country=MK');
    await page.getByRole('heading', { level: 2, name: 'Visites de contrôle' }).waitFor();
    const visits = await tile(page, 'visits');
    expect(visits).toBe(3);
    await page.locator('[data-figure="visits"] a').click();
    await page.waitForURL(/\/visits\?/);
    await page.getByText(`${visits} résultats`).waitFor();
    expect(new URL(page.url()).searchParams.get('country')).toBe('MK');
    await expectNoSeriousA11yIssues(page);
  });

  it('shows a chart as a table, and the map with its country table', async () => {
    const { page } = journey;
    await page.goto('/dashboard');
    const visits = page.getByRole('region', { name: 'Visites de contrôle' });
    await visits.getByRole('list', { name: 'Visites par type de lieu' }).waitFor();
    await visits.getByText('Tableau', { exact: true }).click();
    const table = visits.getByRole('table', { name: 'Visites par type de lieu' });
    await table.waitFor();
    const transit = table.getByRole('row', { name: /Centre de transit/ });
    expect(digits(await transit.getByRole('cell').last().textContent())).toBe(2);
    await transit.getByRole('link').click();
    await page.waitForURL(/kind=transit_centre/);
    await page.getByText('2 résultats').waitFor();

    await page.goto('/dashboard');
    const map = page.getByRole('img', {
      name: 'Carte des pays membres, des lieux visités et des séances de sensibilisation',
    });
    await map.waitFor();
    const board = (await (await page.request.get('/api/v1/dashboard')).json()) as {
      map: { memberCountries: string[] };
    };
    expect(board.map.memberCountries.length).toBeGreaterThanOrEqual(9);
    // Every member country is drawn (Malta included: 1:50m), and only they are marked as members.
    expect(await page.locator('[data-testid="network-map"] path[data-member="true"]').count()).toBe(
      board.map.memberCountries.length,
    );
    const countries = page.getByRole('table', { name: 'Par pays' });
    await countries.getByRole('row', { name: /Malte/ }).waitFor();
    const macedonia = countries.getByRole('row', { name: /Macédoine/ });
    expect(digits(await macedonia.getByRole('cell').nth(1).textContent())).toBe(3);
    await expectNoSeriousA11yIssues(page);
  });

  it('reads in English', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Network dashboard' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Children reached' }).waitFor();
    expect(await tile(page, 'children')).toBe(64);
    await page.getByRole('table', { name: 'By country' }).getByRole('row', { name: /Malta/ }).waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('reads right to left in Arabic, bars growing from the right', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Interface language/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(['ar', 'rtl']);
    await page.getByRole('heading', { level: 1, name: 'لوحة متابعة الشبكة' }).waitFor();
    const bars = page.getByRole('list', { name: 'الزيارات حسب نوع المكان' });
    await bars.waitFor();
    const transform = await bars
      .locator('svg')
      .first()
      .evaluate((svg) => getComputedStyle(svg).transform);
    expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(await tile(page, 'visits')).toBe(5);
    await expectNoSeriousA11yIssues(page);
  });
});
