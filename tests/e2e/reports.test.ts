import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The consolidated activity report as the secretariat uses it: the page starts empty with the plan's period
 * proposed; a report being generated shows its progress and step, and the list follows it as it changes (here to
 * a failure with its reason); a report requested in English is generated in the background, then downloaded as
 * PDF and DOCX with the plan's axes in them; in English, reports are deleted after a confirmation. axe-core on
 * every state shown.
 */

const AXES_EN = [
  'Axis 1 — Creation of dialogue bodies and partnerships',
  'Axis 2 — Raising the awareness of authorities',
  'Axis 3 — Capacity building',
  "Axis 4 — Raising migrant children's awareness",
  'Axis 5 — On-site verification visits',
];

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
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

describe('consolidated reports in Chromium', () => {
  let journey: Journey;
  let database: SQLite.Database;
  let stalledId = '';

  beforeAll(async () => {
    journey = await startJourney();
    database = new SQLite(path.join(journey.dataDir, 'vigie.sqlite'));
    database.pragma('busy_timeout = 10000');
  });
  afterAll(async () => {
    database?.close();
    await journey?.close();
  });

  it('starts empty, with the plan’s period proposed', async () => {
    const { page } = journey;
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Rapports d’activité' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Rapports d’activité consolidés' }).waitFor();
    await page.getByText('Aucun rapport pour l’instant').waitFor();
    expect(await page.getByRole('textbox', { name: 'Du', exact: true }).inputValue()).toBe('2017-01-01');
    expect(await page.getByRole('textbox', { name: 'Au', exact: true }).inputValue()).toBe('2018-12-31');
    expect(await page.getByLabel('Langue du rapport').inputValue()).toBe('fr');
    await expectNoSeriousA11yIssues(page);
  });

  it('shows a report being generated with its step and progress, and follows it to a failure with the reason', async () => {
    const { page } = journey;
    // A generation under way in another process: a live claim, at the step of the table per institution.
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { id: string } };
    stalledId = randomUUID();
    const now = new Date().toISOString();
    database
      .prepare(
        `insert into activity_reports (id, requested_by, language, period_from, period_to, institution_ids, status,
          progress, step, lease_owner, lease_until, attempts, created_at, started_at)
         values (?, ?, 'fr', '2017-01-01', '2017-12-31', '[]', 'running', 45, 'institutions', 'another-process', ?, 1, ?, ?)`,
      )
      .run(stalledId, me.user.id, new Date(Date.now() + 3600_000).toISOString(), now, now);
    await page.reload();
    const progress = page.getByRole('progressbar', {
      name: 'Avancement du rapport du 1 janvier 2017 au 31 décembre 2017',
    });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('45');
    await page.getByText('Étape : tableau par institution (45 %)').waitFor();
    await expectNoSeriousA11yIssues(page);

    // The list asks again while a report is under way: the failure shows without reloading.
    database
      .prepare(
        `update activity_reports set status = 'failed', error = 'interrupted', lease_owner = null, lease_until = null,
          finished_at = ? where id = ?`,
      )
      .run(new Date().toISOString(), stalledId);
    await page.getByText('La génération a été interrompue plusieurs fois', { exact: false }).waitFor();
    await page.getByText('Échec', { exact: true }).waitFor();
    expect(await progress.count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
  });

  it('requests a report in English, generated in the background, and downloads it as PDF and DOCX', async () => {
    const { page } = journey;
    await page.getByLabel('Langue du rapport').selectOption('en');
    await page.getByRole('button', { name: 'Lancer la génération' }).click();
    await page.getByText('Le rapport est en file d’attente', { exact: false }).waitFor();
    const pdfLink = page.getByRole('link', {
      name: 'Télécharger en PDF le rapport du 1 janvier 2017 au 31 décembre 2018',
    });
    await pdfLink.waitFor({ timeout: 60_000 });
    await page.getByText('Prêt', { exact: true }).waitFor();
    await expectNoSeriousA11yIssues(page);

    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(pdf.suggestedFilename()).toBe('activity-report-2017-01-01-2018-12-31.pdf');
    const bytes = new Uint8Array(readFileSync(await pdf.path()));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Consolidated activity report of the working group');
    for (const axis of AXES_EN) expect(text).toContain(axis);

    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger en Word le rapport du 1 janvier 2017 au 31 décembre 2018' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe('activity-report-2017-01-01-2018-12-31.docx');
    const files = unzipSync(new Uint8Array(readFileSync(await docx.path())));
    const words = new TextDecoder()
      .decode(files['word/document.xml'])
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/\s+/g, ' ');
    for (const axis of AXES_EN) expect(words).toContain(axis);
  }, 120_000);

  it('deletes reports after a confirmation, in English', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Consolidated activity reports' }).waitFor();
    await page.getByRole('columnheader', { name: /Period/ }).waitFor();
    await expectNoSeriousA11yIssues(page);

    // Cancelling keeps the report.
    await page.getByRole('button', { name: 'Delete the report from January 1, 2017 to December 31, 2018' }).click();
    let dialog = page.getByRole('dialog', { name: 'Delete this report?' });
    await dialog.waitFor();
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('link', { name: /Download the report from January 1, 2017 to December 31, 2018 as PDF/ })
      .waitFor();

    await page.getByRole('button', { name: 'Delete the report from January 1, 2017 to December 31, 2018' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete this report?' });
    await dialog.getByRole('button', { name: 'Delete the report' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Report deleted.').waitFor();

    await page.getByRole('button', { name: 'Delete the report from January 1, 2017 to December 31, 2017' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete this report?' });
    await dialog.getByRole('button', { name: 'Delete the report' }).click();
    await page.getByText('No reports yet').waitFor();
    await expectNoSeriousA11yIssues(page);
    const left = database.prepare('select count(*) as n from activity_reports').get() as { n: number };
    expect(left.n).toBe(0);
  });
});
