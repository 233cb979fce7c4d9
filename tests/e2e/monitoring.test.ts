import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * A monitoring visit as the secretariat records it, in French: the Tabanovce transit centre registered, an
 * unannounced joint visit planned with UNHCR, the population counted (a count that does not add up is refused as
 * typed), the checklist answered, two findings and three recommendations, the report validated and downloaded in
 * PDF (its text read back) and DOCX, a stale save refused with nothing lost, then the authority's reply and an
 * implementation recorded and seen in the tracker and its comparison of themes across countries. The main pages
 * again in English. axe-core on each page.
 */

const FACILITY = 'Centre de transit de Tabanovce';
const RECOMMENDATIONS = [
  'Informer les enfants de leurs droits dans une langue qu’ils comprennent, sous une forme adaptée à leur âge.',
  'Identifier les enfants vulnérables dès leur arrivée et les orienter vers les services de protection.',
  'Assurer la protection policière des femmes, des enfants et des victimes de la traite sur le site.',
];

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

/** Picks the option of a native select by its whole label. */
async function choose(scope: Page | Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** Moves the visit one step in its workflow, confirming in the dialog, and waits for the new status. */
async function moveVisit(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('main').getByText(status, { exact: true }).first().waitFor();
}

/** The text of a PDF, with its line breaks and repeated spaces folded, so that a wrapped sentence reads whole. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('monitoring journeys in Chromium, in French', () => {
  let journey: Journey;
  let visitUrl = '';
  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('registers the Tabanovce transit centre from the navigation', async () => {
    const { page } = journey;
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Lieux visités' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Lieux visités' }).waitFor();
    await page.getByText('Aucun lieu enregistré').waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Enregistrer un lieu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau lieu' });
    await dialog.getByLabel(/^Nom/).fill(FACILITY);
    await choose(dialog, 'Type de lieu', 'Centre de transit');
    await dialog.getByLabel(/^Pays/).fill('Macédoine');
    await page.getByRole('listbox', { name: 'Pays' }).getByRole('option', { name: 'Macédoine du Nord' }).click();
    await dialog.getByLabel('Ville').fill('Tabanovce');
    await dialog.getByLabel('Autorité gestionnaire').fill('Ministère de l’Intérieur');
    await dialog.getByLabel('Capacité').fill('1000');
    expect(await dialog.getByLabel('Accueille ou retient des enfants').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Enregistrer un lieu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: FACILITY }).waitFor();
    await page.getByText('Aucune visite de ce lieu pour l’instant').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('plans an unannounced joint visit with UNHCR, and starts it', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: 'Planifier une visite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Planifier une visite' });
    expect(await dialog.getByLabel(/^Lieu/).locator('option:checked').textContent()).toBe(FACILITY);
    await choose(dialog, 'Institution qui mène la visite', 'Ombudsman de la Macédoine du Nord');
    await dialog.getByLabel('Premier jour').fill('2017-03-13');
    await dialog.getByLabel('Dernier jour').fill('2017-03-14');
    await choose(dialog, 'Type de visite', 'Approfondie');
    await dialog.getByRole('radio', { name: 'Inopinée' }).check();
    await dialog.getByRole('checkbox', { name: 'Défenseur des droits' }).check();
    await dialog.getByRole('checkbox', { name: 'HCR' }).check();
    await dialog.getByRole('button', { name: 'Ajouter un membre' }).click();
    await dialog.getByLabel('Nom du membre 1').fill('Équipe enfance');
    await dialog.getByLabel('Rôle du membre 1').fill('Cheffe de mission');
    await dialog.getByRole('button', { name: 'Planifier une visite' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: `${FACILITY} — 13 mars 2017` }).waitFor();
    visitUrl = new URL(page.url()).pathname;

    const main = page.getByRole('main');
    await main.getByText('Inopinée', { exact: true }).first().waitFor();
    await main.getByText('Visite conjointe', { exact: true }).waitFor();
    await main.getByText('HCR', { exact: true }).waitFor();
    await main.getByText('Planifiée', { exact: true }).first().waitFor();
    await expectNoSeriousA11yIssues(page);

    await moveVisit(page, 'Commencer la visite', 'En cours');
    await main
      .getByText(/^Le .*, par /)
      .first()
      .waitFor();
  });

  it('counts the population on the day: a count that does not add up is refused as it is typed', async () => {
    const { page } = journey;
    await page.getByRole('tab', { name: 'Population' }).click();
    await page.getByLabel('Personnes présentes').fill('617');
    await page.getByLabel('Enfants', { exact: true }).fill('700');
    await page.getByText('Plus d’enfants que de personnes présentes.').waitFor();
    await page.getByLabel('Enfants', { exact: true }).fill('212');
    await page.getByLabel('Non accompagnés ou séparés').fill('38');
    await page.getByLabel('Filles').fill('90');
    await page.getByLabel('0 à 5 ans').fill('60');
    await page.getByLabel('6 à 11 ans').fill('70');
    await page.getByLabel('12 à 14 ans').fill('40');
    await page.getByLabel('15 à 17 ans').fill('42');
    await page.getByText('Total des tranches d’âge : 212 sur 212 enfants').waitFor();
    await page.getByRole('button', { name: 'Enregistrer la population' }).click();
    await page.getByText('Population enregistrée.').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('keeps a stale save from overwriting: the second tab gets the conflict and its figures stay', async () => {
    const { page } = journey;
    const other = await page.context().newPage();
    await other.goto(`${visitUrl}?tab=population`);
    await other.getByLabel('Filles').waitFor();
    expect(await other.getByLabel('Filles').inputValue()).toBe('90');

    await page.getByLabel('Filles').fill('95');
    await page.getByRole('button', { name: 'Enregistrer la population' }).click();
    await page.getByText('Population enregistrée.').waitFor();

    await other.getByLabel('Filles').fill('88');
    await other.getByRole('button', { name: 'Enregistrer la population' }).click();
    await other.getByRole('alert').filter({ hasText: 'Modifié entre-temps' }).waitFor();
    expect(await other.getByLabel('Filles').inputValue()).toBe('88');
    await other.getByRole('button', { name: 'Charger la version actuelle' }).click();
    await expect.poll(() => other.getByLabel('Filles').inputValue()).toBe('95');
    await other.close();
  });

  it('opens the checklist and answers the first theme from the keyboard and the mouse', async () => {
    const { page } = journey;
    await page.getByRole('tab', { name: /^Grille/ }).click();
    await page.getByRole('button', { name: 'Ouvrir la grille' }).click();
    const theme = page.getByRole('group', { name: /^1\. / });
    const questions = theme.getByRole('radiogroup');
    await expect.poll(() => questions.count()).toBeGreaterThan(1);
    // The first answer with the keyboard: Tab into the group, arrows between the choices.
    await questions.nth(0).getByRole('radio', { name: 'Oui', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await questions.nth(0).getByRole('radio', { name: 'Non', exact: true }).isChecked()).toBe(true);
    await theme.getByRole('textbox').first().fill('Décision de placement non motivée par écrit.');
    await questions.nth(1).getByRole('radio', { name: 'En partie' }).check();
    await page.getByText('2 réponses modifiées').waitFor();
    await page.getByRole('button', { name: 'Enregistrer les réponses' }).click();
    await page.getByText('Non : 1', { exact: true }).waitFor();
    await page.getByText('En partie : 1', { exact: true }).waitFor();
    await page.getByText('Aucune modification à enregistrer').waitFor();
    await page
      .getByRole('tab', { name: /^Grille/ })
      .getByText('2')
      .waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('adds two findings and three recommendations', async () => {
    const { page } = journey;
    await page.getByRole('tab', { name: /^Constats/ }).click();
    const findings: [string, string, string][] = [
      [
        'Asile, information et interprétariat',
        'Élevée',
        'Aucune information sur leurs droits n’est donnée aux enfants.',
      ],
      ['Séparation et sécurité', 'Critique', 'Des enfants non accompagnés dorment avec des adultes sans lien.'],
    ];
    for (const [theme, severity, text] of findings) {
      await page.getByRole('button', { name: 'Ajouter un constat' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Nouveau constat' });
      await choose(dialog, 'Thème', theme);
      await choose(dialog, 'Gravité', severity);
      await dialog.getByLabel(/^Constat/).fill(text);
      await dialog.getByLabel('Normes en cause').fill('CIDE art. 22\nCIDE art. 37 c');
      await dialog.getByRole('button', { name: 'Ajouter un constat' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(text).waitFor();
    }

    await page.getByRole('tab', { name: /^Recommandations/ }).click();
    const themes = [
      'Asile, information et interprétariat',
      'Identification et évaluation de l’âge',
      'Séparation et sécurité',
    ];
    for (const [index, text] of RECOMMENDATIONS.entries()) {
      await page.getByRole('button', { name: 'Ajouter une recommandation' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle recommandation' });
      await dialog.getByLabel('Autorité destinataire').fill('Ministère de l’Intérieur');
      await dialog.getByLabel(/^Recommandation/).fill(text);
      await choose(dialog, 'Thème', themes[index] ?? '');
      await dialog.getByLabel('Émise le').fill('2017-04-10');
      await dialog.getByLabel('Échéance').fill('2017-10-10');
      await dialog.getByRole('button', { name: 'Ajouter une recommandation' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: new RegExp(`^Recommandation ${index + 1}`) }).waitFor();
    }
    await expectNoSeriousA11yIssues(page);
  });

  it('drafts and validates the report, who and when shown', async () => {
    const { page } = journey;
    await page.getByRole('tab', { name: 'Vue d’ensemble' }).click();
    await moveVisit(page, 'Marquer le rapport comme rédigé', 'Rapport rédigé');
    await moveVisit(page, 'Valider le rapport', 'Rapport validé');
    await expect
      .poll(() =>
        page
          .getByRole('main')
          .getByText(/^Le .*, par /)
          .count(),
      )
      .toBe(4);
  });

  it('downloads the report in PDF and in DOCX: the facility and every recommendation are in it', async () => {
    const { page } = journey;
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF en français' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const text = await pdfText(new Uint8Array(readFileSync(await pdf.path())));
    expect(text).toContain(FACILITY);
    for (const recommendation of RECOMMENDATIONS) expect(text).toContain(recommendation);

    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'DOCX en français' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const files = unzipSync(new Uint8Array(readFileSync(await docx.path())));
    const documentXml = new TextDecoder().decode(files['word/document.xml']);
    const words = documentXml
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/\s+/g, ' ');
    expect(words).toContain(FACILITY);
    for (const recommendation of RECOMMENDATIONS) expect(words).toContain(recommendation);
  });

  it('records the authority’s reply and then an implementation, the time to reply shown', async () => {
    const { page } = journey;
    await page.getByRole('tab', { name: /^Recommandations/ }).click();
    await page.getByRole('button', { name: /^Recommandation 1/ }).click();
    const record = async (status: string, date: string) => {
      await page.getByRole('button', { name: 'Enregistrer une étape du suivi' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle étape du suivi' });
      await choose(dialog, 'Nouveau statut', status);
      await dialog.getByLabel('Date').fill(date);
      await dialog.getByLabel('Note').fill(`${status} par courrier du ministère.`);
      await dialog.getByRole('button', { name: 'Enregistrer l’étape' }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    await record('Acceptée', '2017-05-02');
    await page.getByText('Première réponse de l’autorité le 2 mai 2017, après 22 jours.').waitFor();
    await record('Mise en œuvre', '2018-01-15');
    await page.getByText('Mise en œuvre par courrier du ministère.').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('shows it in the tracker, filtered by status, and in the comparison of themes across countries', async () => {
    const { page } = journey;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Suivi des recommandations' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Suivi des recommandations' }).waitFor();
    const rows = page.getByRole('table', { name: 'Recommandations' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await choose(page, 'Statut', 'Mise en œuvre');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('implemented');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(RECOMMENDATIONS[0]);
    expect(await rows.first().textContent()).toContain('Réponse en 22 jours');
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByRole('tab', { name: 'Thèmes par pays' }).click();
    const table = page.getByTestId('themes-by-country');
    await table.getByRole('columnheader', { name: 'Macédoine du Nord' }).waitFor();
    const asylum = table.getByRole('row', { name: /^Asile, information et interprétariat/ });
    expect(await asylum.locator('td[data-country="MK"]').textContent()).toMatch(/^1/);
    await expectNoSeriousA11yIssues(page);
  });

  it('lists the visit on the facility’s page', async () => {
    const { page } = journey;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Lieux visités' })
      .click();
    await page.getByRole('link', { name: FACILITY }).click();
    await page.getByRole('link', { name: '13 mars 2017 – 14 mars 2017' }).waitFor();
    await page.getByText('Rapport validé', { exact: true }).waitFor();
  });

  it('shows the main pages in English: the labels switch', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Visits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visits' }).waitFor();
    await page.getByRole('columnheader', { name: 'Facility' }).waitFor();
    await page.getByRole('table', { name: 'Visits' }).getByText('Report validated', { exact: true }).waitFor();
    await expectNoSeriousA11yIssues(page);

    await nav.getByRole('link', { name: 'Recommendation tracker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendation tracker' }).waitFor();
    await page.getByRole('table', { name: 'Recommendations' }).getByText('Implemented', { exact: true }).waitFor();
    await expectNoSeriousA11yIssues(page);

    await nav.getByRole('link', { name: 'Checklist templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checklist templates' }).waitFor();
    await page.getByRole('table', { name: 'Checklist templates' }).locator('tbody tr').first().waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.goto(visitUrl);
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'PDF in English' }).waitFor();
    await expectNoSeriousA11yIssues(page);
  });
});
