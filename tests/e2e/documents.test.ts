import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The documents library as the secretariat uses it, in French: a mission report uploaded as a PDF from the
 * library, listed, downloaded byte for byte, then replaced by a revised version that becomes current while the
 * first stays listed. Then the same pages in English. axe-core on the list, the upload form and the document.
 */

const settle = { timeout: 15_000 };

function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.text(text);
    pdf.end();
  });
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

describe('documents library journeys in Chromium', () => {
  let journey: Journey;
  let report: Buffer;
  let revised: Buffer;
  let documentUrl = '';
  beforeAll(async () => {
    journey = await startJourney();
    report = await pdfWith('Rapport de la visite d’étude à Malte, octobre 2017.');
    revised = await pdfWith('Rapport révisé de la visite d’étude à Malte, octobre 2017.');
  });
  afterAll(() => journey?.close());

  it('uploads a PDF from the library and finds it listed, in French', async () => {
    const { page } = journey;
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Documents' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.getByText('Aucun document pour l’instant').waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Déposer un document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Déposer un document' });
    await dialog.getByText(/au plus/).waitFor();
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'visite-malte-2017.pdf', mimeType: 'application/pdf', buffer: report });
    // The title starts as the file's name.
    await expect.poll(() => dialog.getByLabel('Titre').inputValue(), settle).toBe('visite-malte-2017');
    await dialog.getByLabel('Titre').fill('Visite d’étude à Malte — rapport de mission');
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Déposer' }).click();

    await page.getByRole('heading', { level: 1, name: 'Visite d’étude à Malte — rapport de mission' }).waitFor(settle);
    documentUrl = new URL(page.url()).pathname;
    await page.getByRole('link', { name: '← Tous les documents' }).click();
    const row = page.getByRole('row', { name: /Visite d’étude à Malte/ });
    await row.waitFor(settle);
    expect(await row.getByText('visite-malte-2017.pdf').count()).toBe(1);
    expect(await row.getByText('PDF', { exact: true }).count()).toBe(1);
    await page.getByLabel('Rechercher (titre, fichier, description)').fill('malte');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), settle).toBe('malte');
    expect(await page.getByRole('row', { name: /Visite d’étude à Malte/ }).count()).toBe(1);
  });

  it('downloads the file as uploaded, then uploads a new version that becomes current', async () => {
    const { page } = journey;
    await page.goto(documentUrl);
    await page.getByRole('heading', { level: 1, name: 'Visite d’étude à Malte — rapport de mission' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('visite-malte-2017.pdf');
    expect(readFileSync(await download.path()).equals(report)).toBe(true);

    await page.getByRole('button', { name: 'Nouvelle version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Déposer une nouvelle version' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'visite-malte-2017-revise.pdf', mimeType: 'application/pdf', buffer: revised });
    await dialog.getByRole('button', { name: 'Déposer' }).click();
    await page.getByText('Version 2 déposée.').waitFor(settle);
    const versions = page.getByRole('table', { name: /2 versions/ });
    await versions.waitFor(settle);
    expect(await versions.getByRole('row').count()).toBe(3);
    expect(await versions.getByText('visite-malte-2017-revise.pdf').count()).toBe(1);
    await expectNoSeriousA11yIssues(page);

    const [current] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger', exact: true }).click(),
    ]);
    expect(readFileSync(await current.path()).equals(revised)).toBe(true);
    const [first] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger la version 1' }).click(),
    ]);
    expect(readFileSync(await first.path()).equals(report)).toBe(true);
  });

  it('shows the library and the document in English', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), settle).toBe('en');
    // The page re-renders in English as a whole: wait for each label rather than counting at once.
    await page.getByRole('heading', { level: 2, name: 'Versions' }).waitFor(settle);
    await page.getByRole('button', { name: 'New version' }).waitFor(settle);
    await page.getByRole('link', { name: 'Download version 1' }).waitFor(settle);
    await page.getByRole('link', { name: '← All documents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor(settle);
    await page.getByRole('button', { name: 'Upload a document' }).waitFor(settle);
    await page.getByRole('columnheader', { name: 'Document language' }).waitFor(settle);
  });
});
