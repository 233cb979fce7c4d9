import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The header's search box, in French then in English: "/" puts the cursor in it, Enter opens the results, the
 * matched words are marked (without accents or capitals typed), a filter by type narrows the list, a result opens
 * its record. axe-core on the results.
 */

const FACILITY = 'Centre d’accueil de Zéphyrville';
const NOTES = 'Accueil des mineurs non accompagnés arrivés par la mer.';

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

/** Calls the API as the signed-in user (the browser's cookies, the session's CSRF token). */
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

describe('search journeys in Chromium', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('searches from the header, marks the words, filters by type and opens a result, in French', async () => {
    const { page } = journey;
    await signIn(page);
    const facility = await api(page, 'POST', '/facilities', {
      name: FACILITY,
      kind: 'reception_centre',
      countryCode: 'FR',
      notes: NOTES,
      visibility: 'group',
    });
    await api(page, 'POST', '/visits', {
      facilityId: facility.id,
      startsOn: '2018-05-02',
      endsOn: '2018-05-02',
      type: 'follow_up',
      announced: true,
      summary: 'Les mineurs non accompagnés dorment dans le hall.',
      visibility: 'group',
    });

    // "/" from anywhere outside a field puts the cursor in the header's box.
    await page.locator('body').press('/');
    const box = page.getByRole('searchbox', { name: 'Rechercher dans Vigie' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('Zephyrville MINEURS non accompagnes');
    await box.press('Enter');
    await page
      .getByRole('heading', { level: 1, name: 'Résultats pour « Zephyrville MINEURS non accompagnes »' })
      .waitFor();
    const results = page.getByRole('table', { name: 'Résultats de la recherche' });
    await results.waitFor();
    expect(await results.getByRole('row').count()).toBe(3);
    const marked = await results.locator('mark').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['mineurs', 'non', 'accompagnés']));
    expect(new URL(page.url()).searchParams.get('q')).toBe('Zephyrville MINEURS non accompagnes');
    await expectNoSeriousA11yIssues(page);

    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Visite' });
    await expect.poll(() => results.getByRole('row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('type')).toBe('visit');
    await results.getByRole('link', { name: FACILITY }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Zéphyrville/ }).waitFor();
  });

  it('says when nothing matches, with a hint, and works in English', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    const box = page.getByRole('searchbox', { name: 'Search Vigie' });
    await box.fill('accompagnes MER');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “accompagnes MER”' }).waitFor();
    const results = page.getByRole('table', { name: 'Search results' });
    await results.waitFor();
    expect(await results.getByRole('row').count()).toBe(2);
    expect(await results.getByText('Facility', { exact: true }).count()).toBe(1);
    expect(await results.locator('mark').allTextContents()).toEqual(['accompagnés', 'mer']);
    await expectNoSeriousA11yIssues(page);

    await box.fill('"NEAR( quetzalcoatlesque');
    await box.press('Enter');
    await page.getByText('No results for “"NEAR( quetzalcoatlesque”').waitFor();
    await page.getByText(/Check the spelling/).waitFor();
    await expectNoSeriousA11yIssues(page);
  });
});
