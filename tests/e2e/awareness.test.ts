import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * Axis 4 as the secretariat records it, in French: a session at a reception centre with
 * children counted by sex, age band and status, linked to action 4.2; the plan's axis 4 reach shows them; a repeat
 * with the same group (one more girl) moves the reach to what was seen at most, never to the sum. Then, in English,
 * the reach summary and a leaflet taken through its approval. axe-core on every page visited.
 */

const ACTION = 'Séances d’information dans les centres d’accueil';
const PLACE = 'Centre d’accueil de Calais';
const SESSION = 'Vos droits au centre d’accueil';

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

/** Picks an option of a searchable choice, then leaves the list. */
async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** A figure of the axis 4 reach on the plan's progress page. */
async function axis4Fact(page: Page, fact: 'children' | 'adults' | 'groups' | 'sessions'): Promise<number> {
  const cell = page.locator(`[data-reach-axis="4"] [data-fact="${fact}"] dd`);
  return digits(await cell.textContent());
}

describe('awareness journeys in Chromium, in French', () => {
  let journey: Journey;
  let progressUrl = '';
  let sessionUrl = '';

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('starts with no axis 4 reach on the plan: no session is linked yet', async () => {
    const { page } = journey;
    await signIn(page);
    const plans = (await api(page, 'GET', '/plans')) as { items: { id: string }[] };
    const planId = plans.items[0]?.id ?? '';
    const plan = (await api(page, 'GET', `/plans/${planId}`)) as {
      axes: { number: string; subItems: { id: string; number: string }[] }[];
    };
    const item = plan.axes.find((a) => a.number === '4')?.subItems.find((s) => s.number === '4.2');
    await api(page, 'POST', '/actions', { axisId: item?.id, title: ACTION });

    progressUrl = `/plans/${planId}/progress`;
    await page.goto(progressUrl);
    await page.getByRole('heading', { name: 'Actions par axe et par statut' }).waitFor();
    expect(await page.locator('[data-reach-axis="4"]').count()).toBe(0);
  });

  it('records a session at a reception centre, children counted by sex, age band and status', async () => {
    const { page } = journey;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Séances et campagnes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Séances et campagnes de sensibilisation' }).waitFor();
    await page.getByText('Aucune séance pour l’instant').waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Enregistrer une séance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle séance ou campagne' });
    await dialog.getByLabel('Intitulé').fill(SESSION);
    expect(await dialog.getByLabel('Cadre').inputValue()).toBe('reception');
    await dialog.getByLabel('Lieu', { exact: true }).fill(PLACE);
    await dialog.getByLabel(/^Date( \*)?$/).fill('2017-10-03');
    await dialog.getByLabel('Filles, 12–14 ans, Enfants non accompagnés').fill('3');
    await dialog.getByLabel('Garçons, 15–17 ans, Enfants non accompagnés').fill('5');
    await dialog.getByLabel('Filles, 6–11 ans, Enfants avec leur famille').fill('2');
    // The grid adds up as one types: 8 unaccompanied, 10 in all.
    await dialog.getByText('10 enfants au total').waitFor();
    const unaccompanied = dialog.locator('table[data-status="unaccompanied"] tfoot td').last();
    expect(digits(await unaccompanied.textContent())).toBe(8);
    await dialog.getByLabel('Adultes', { exact: true }).fill('4');
    await pick(page, dialog, 'Action du plan', `4.2 · ${ACTION}`);
    await expectNoSeriousA11yIssues(page);

    // A count that is not a whole number is refused, named at its cell, and nothing is saved.
    await dialog.getByLabel('Garçons, 0–5 ans, Enfants séparés').fill('-1');
    await dialog.getByText('Un nombre entier, 0 ou plus').waitFor();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText(/trop petit|minimum/).waitFor();
    await dialog.getByLabel('Garçons, 0–5 ans, Enfants séparés').fill('');

    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    sessionUrl = new URL(page.url()).pathname;
    await page.getByText('10 enfants au total').waitFor();
    await page.getByText('4 adultes').waitFor();
    await page.getByText(PLACE).first().waitFor();
    await page.getByRole('link', { name: `4.2 · ${ACTION}` }).waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('shows the children on the plan’s axis 4 reach', async () => {
    const { page } = journey;
    await page.goto(progressUrl);
    await page.locator('[data-reach-axis="4"]').waitFor();
    await page.getByRole('heading', { name: 'Axe 4 — public touché par la sensibilisation' }).waitFor();
    expect(await axis4Fact(page, 'children')).toBe(10);
    expect(await axis4Fact(page, 'adults')).toBe(4);
    expect(await axis4Fact(page, 'sessions')).toBe(1);
    await expectNoSeriousA11yIssues(page);
  });

  it('records a repeat with the same group: the reach stays honest (the most seen, not the sum)', async () => {
    const { page } = journey;
    await page.goto(sessionUrl);
    await page.getByRole('button', { name: 'Répéter avec le même groupe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Répéter la séance avec le même groupe' });
    await dialog.getByText('Même groupe', { exact: true }).waitFor();
    // Prefilled with the group as it was: one more girl came this time.
    expect(await dialog.getByLabel('Filles, 12–14 ans, Enfants non accompagnés').inputValue()).toBe('3');
    await dialog.getByLabel('Filles, 12–14 ans, Enfants non accompagnés').fill('4');
    await dialog.getByLabel(/^Date( \*)?$/).fill('2017-10-10');
    await dialog.getByText('11 enfants au total').waitFor();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('répétition', { exact: true }).waitFor();
    await page.getByRole('link', { name: SESSION }).waitFor();

    await page.goto(progressUrl);
    await page.locator('[data-reach-axis="4"]').waitFor();
    await expect.poll(() => axis4Fact(page, 'sessions')).toBe(2);
    expect(await axis4Fact(page, 'children')).toBe(11); // not 21
    expect(await axis4Fact(page, 'groups')).toBe(1);
    expect(await axis4Fact(page, 'adults')).toBe(4);
    const girls1214 = page.locator(
      '[data-reach-axis="4"] table[data-status="unaccompanied"] tbody tr:nth-child(3) td:nth-child(2)',
    );
    expect(digits(await girls1214.textContent())).toBe(4);
  });

  it('shows the reach summary and takes a leaflet through approval, in English', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto('/awareness-reach');
    await page.getByRole('heading', { level: 1, name: 'Reach' }).waitFor();
    await page.getByText('11 children in all').waitFor();
    await page.getByRole('columnheader', { name: 'Girls' }).first().waitFor();
    await page.getByText('Unaccompanied children').first().waitFor();
    await expectNoSeriousA11yIssues(page);
    await page
      .getByRole('navigation', { name: /Main navigation/ })
      .getByRole('link', { name: 'Materials' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Awareness materials' }).waitFor();
    await page.getByText('No materials yet').waitFor();
    await expectNoSeriousA11yIssues(page);

    // A leaflet through its approval: draft, in review, approved.
    await page.getByRole('button', { name: 'Add a material' }).click();
    const dialog = page.getByRole('dialog', { name: 'New material' });
    await dialog.getByLabel('Title').fill('Your rights at the border');
    await dialog.getByLabel('Minimum age').fill('12');
    await dialog.getByLabel('Maximum age').fill('17');
    await dialog.getByRole('button', { name: 'Add a material' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your rights at the border' }).waitFor();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toBe('Draft');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toBe('In review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.getByTestId('approval-status').textContent()).toBe('Approved');
    await page.getByText('12–17 years').waitFor();
    await page.getByRole('button', { name: 'Withdraw' }).waitFor();
    await expectNoSeriousA11yIssues(page);
  });
});
