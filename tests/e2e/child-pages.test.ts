import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The pages for children managed from the web app, in French: the secretariat opens France's institution, goes to
 * its pages for children, adds Albanian from the shipped starting text, names the institution in Albanian, saves,
 * marks the page reviewed and publishes it (each step confirmed), and the public page /sq/fr then answers with the
 * saved text. axe-core on the list and the editor.
 */

const albanianName = 'Mbrojtësi i të Drejtave';

describe('pages for children in the web app', () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('adds an Albanian page from the starting text, publishes it with confirmation, and the public gets it', async () => {
    const { page } = journey;
    page.setDefaultTimeout(15_000);
    await page.goto('/');
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
      .waitFor();

    await page.getByRole('link', { name: 'Défenseur des droits' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Défenseur des droits' }).waitFor();
    await page.getByRole('link', { name: 'Pages pour les enfants' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pages pour les enfants — Défenseur des droits' }).waitFor();
    await page.getByText('Aucune page pour l’instant').waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByLabel('Langue de la page').selectOption('sq');
    await page.getByRole('button', { name: 'Commencer la page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Page pour les enfants en Shqip' }).waitFor();
    const name = page.getByLabel('Nom de l’institution');
    // Prefilled from the shipped text (English, none being shipped in Albanian), typed left to right in Albanian.
    expect(await name.inputValue()).not.toBe('');
    expect(await name.getAttribute('lang')).toBe('sq');
    expect(await name.locator('xpath=..').getAttribute('dir')).toBe('ltr');
    await expectNoSeriousA11yIssues(page);
    await name.fill(albanianName);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Brouillon').first().waitFor();

    await page.getByRole('button', { name: 'Marquer comme relue' }).click();
    let dialog = page.getByRole('dialog', { name: 'Marquer la page comme relue ?' });
    await dialog.getByRole('button', { name: 'Marquer comme relue' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Publier' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Publier' }).click();
    dialog = page.getByRole('dialog', { name: 'Publier la page ?' });
    await dialog.getByRole('button', { name: 'Publier' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Repasser en brouillon' }).waitFor();
    await page.getByRole('link', { name: /Page publique \(Shqip\)/ }).waitFor();

    const anonymous = await journey.browser.newContext({ baseURL: journey.server.url });
    const response = await anonymous.request.get('/sq/fr');
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(albanianName);
    await anonymous.close();

    // From the keyboard: the link sits at the top of a long page, under the sticky header once scrolled.
    const back = page.getByRole('link', { name: 'Pages pour les enfants — Défenseur des droits' });
    await back.focus();
    await page.keyboard.press('Enter');
    const row = page.getByRole('row', { name: /Shqip/ });
    await expect.poll(() => row.textContent()).toContain('Publiée');
    await expectNoSeriousA11yIssues(page);
  });
});
