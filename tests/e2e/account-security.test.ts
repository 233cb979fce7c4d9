import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../support/two-factor.js';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * Account security as a person uses it (in French): the secretariat turns on two-factor authentication from the
 * account page with an authenticator app (the code computed here from the key shown), keeps the recovery codes,
 * signs out, and signs in again with a code. Every page passes axe-core with no serious or critical issue.
 */
describe('account security journeys in Chromium', () => {
  let journey: Journey;
  let secret = '';
  let recoveryCode = '';
  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('turns on two-factor authentication from the account page and is shown the recovery codes once', async () => {
    const { page } = journey;
    await page.goto('/sign-in');
    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByRole('heading', { name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
      .waitFor();

    await page.getByRole('button', { name: 'secretariat' }).click();
    await page.getByRole('menuitem', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    const section = page.getByRole('region', { name: 'Authentification à deux facteurs' });
    await section.getByText('Désactivée').waitFor();
    // The sessions section shows this one.
    await page.getByRole('region', { name: 'Sessions' }).getByText('Cette session').waitFor();
    await expectNoSeriousA11yIssues(page);

    await section.getByRole('button', { name: 'Activer l’authentification à deux facteurs' }).click();
    await section.getByRole('img', { name: 'Code QR à scanner avec votre application d’authentification' }).waitFor();
    secret = await section.getByRole('textbox', { name: 'Clé', exact: true }).inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSeriousA11yIssues(page);

    await section.getByLabel('Code à six chiffres').fill(totp(secret));
    await section.getByRole('button', { name: 'Activer', exact: true }).click();
    const codes = section.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    recoveryCode = (await codes.first().textContent()) ?? '';
    expect(recoveryCode).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    await section.getByRole('button', { name: 'Télécharger les codes' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await section.getByRole('button', { name: 'J’ai mis mes codes en lieu sûr' }).click();
    await section.getByText('Activée', { exact: true }).waitFor();
    await section.getByText('10 codes de secours restants.').waitFor();
    expect(await section.getByRole('list', { name: 'Codes de secours' }).count()).toBe(0);
  });

  it('signs out, then signs in again with a code from the app', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: 'secretariat' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();

    await page.getByLabel('Adresse électronique').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Authentification à deux facteurs' }).waitFor();
    await expectNoSeriousA11yIssues(page);

    // The code used to turn it on is spent: the app's next one is accepted.
    await page.getByLabel('Code d’authentification').fill(totp(secret, 1));
    await page.getByRole('button', { name: 'Vérifier' }).click();
    // Back where they signed out from.
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page
      .getByRole('region', { name: 'Authentification à deux facteurs' })
      .getByText('Activée', { exact: true })
      .waitFor();
  });

  it('turns it off with a recovery code; required of administrators, it must be set up again before anything else', async () => {
    const { page } = journey;
    const section = page.getByRole('region', { name: 'Authentification à deux facteurs' });
    await section.getByRole('button', { name: 'Désactiver' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mot de passe').fill(ADMIN.password);
    await dialog.getByRole('button', { name: 'Utiliser plutôt un code de secours' }).click();
    await dialog.getByLabel('Code de secours').fill(recoveryCode);
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Désactiver' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByText('Désactivée').waitFor();

    await page.getByRole('link', { name: 'Sécurité' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paramètres de sécurité' }).waitFor();
    const group = page.getByRole('group', { name: 'Rôles qui doivent utiliser l’authentification à deux facteurs' });
    await expect.poll(() => group.getByRole('checkbox').count()).toBe(5);
    await group.getByRole('checkbox', { name: 'Administrateur' }).check();
    await page.getByText('Votre propre rôle est coché').waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    // Held back at once: the enrolment page, and nothing else, until it is set up.
    await page.getByRole('heading', { level: 1, name: 'Configurer l’authentification à deux facteurs' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.goto('/institutions');
    await page.getByRole('heading', { level: 1, name: 'Configurer l’authentification à deux facteurs' }).waitFor();
    await page.getByRole('button', { name: 'Activer l’authentification à deux facteurs' }).click();
    const key = await page.getByRole('textbox', { name: 'Clé', exact: true }).inputValue();
    await page.getByLabel('Code à six chiffres').fill(totp(key));
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await page.getByRole('list', { name: 'Codes de secours' }).waitFor();
    await page.getByRole('button', { name: 'J’ai mis mes codes en lieu sûr' }).click();
    await page
      .getByRole('heading', { name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
      .waitFor();
  });
});
