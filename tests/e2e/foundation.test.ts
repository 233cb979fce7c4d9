import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The foundation, as a person uses it: the secretariat signs in (French by default), switches to Arabic and sees
 * the layout mirrored, opens Turkey's institution and sees its pending membership, names a contact point and
 * finds the change in the audit trail. Every page passes axe-core with no serious or critical issue.
 */
describe('foundation journeys in Chromium', () => {
  let journey: Journey;
  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('signs in as the administrator in French and lands on the working group', async () => {
    const { page } = journey;
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByRole('heading', { name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
      .waitFor();
    const rows = page.getByRole('table').first().getByRole('row');
    await expect.poll(() => rows.count()).toBe(11);
    await expect.poll(() => rows.nth(10).textContent()).toContain('En attente de validation');
    await expectNoSeriousA11yIssues(page);
  });

  it('opens Turkey’s institution and sees its membership pending validation', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Institution de l’Ombudsman de Turquie (KDK)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Institution de l’Ombudsman de Turquie (KDK)' }).waitFor();
    await page.getByText('En attente de validation').first().waitFor();
    expect(await page.getByText('Kamu Denetçiliği Kurumu').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yIssues(page);
  });

  it('names Turkey’s contact point and finds the change in the audit trail', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: 'Modifier le point de contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Point de contact KDK');
    await dialog.getByLabel('Adresse électronique').fill('point.contact@kdk.example');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Point de contact KDK').first().waitFor();

    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByRole('heading', { name: 'Journal d’audit' }).waitFor();
    const latest = page.getByRole('table', { name: 'Événements du journal d’audit' }).getByRole('row').nth(1);
    await expect.poll(() => latest.textContent()).toContain('Point de contact');
    const text = (await latest.textContent()) ?? '';
    expect(text).toContain('Modification');
    expect(text).toContain('Point de contact KDK');
    expect(text).toContain(ADMIN.email);
    await expectNoSeriousA11yIssues(page);
  });

  it('switches to Arabic: right-to-left document, mirrored layout, and the choice is kept', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(['ar', 'rtl']);
    await page.getByRole('heading', { name: 'سجل التدقيق' }).waitFor();
    // Mirrored: the navigation sits on the right of the main content.
    const nav = await page.getByRole('navigation').first().boundingBox();
    const main = await page.getByRole('main').boundingBox();
    expect(nav && main && nav.x > main.x).toBe(true);
    await expectNoSeriousA11yIssues(page);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });
});
