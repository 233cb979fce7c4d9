import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The secretariat, in English, imports awareness sessions: downloads the CSV template, uploads a file whose second
 * session has an impossible date, finds the error at its row and column with the import button disabled, uploads
 * the fixed file, confirms the number of records in a dialog, and finds the sessions in the list. axe-core on the
 * page with the preview and with the dialog open.
 */

const settle = { timeout: 10_000 };
const MARKER = 'Imported session';
const header = 'Title,Setting,Channel,Start date,Unaccompanied · girls · 12–14 years,Adults';
const fileOf = (secondDate: string) =>
  Buffer.from(
    [
      header,
      `${MARKER} Calais,reception,in_person,2018-03-01,3,1`,
      `${MARKER} Lille,school,in_person,${secondDate},2,0`,
    ].join('\r\n'),
  );

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
  await page.getByRole('button', { name: /Langue de l’interface/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, settle);
}

async function upload(page: Page, name: string, content: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
}

describe('imports in Chromium, in English', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
    await signIn(journey.page);
  });
  afterAll(() => journey?.close());

  it('downloads the template of awareness sessions, its headers in English', async () => {
    const { page } = journey;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor(settle);
    await page.getByText('Awareness sessions', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'awareness-sessions');
    await page.getByRole('cell', { name: 'Unaccompanied · girls · 12–14 years' }).waitFor(settle);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vigie-awareness-sessions.csv');
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toContain('Title,Setting,Channel');
  });

  it('shows a bad row’s error at its row and column, and will not import while it is there', async () => {
    const { page } = journey;
    await upload(page, 'sessions.csv', fileOf('2018-02-30'));
    await page.getByText('2 rows, 1 with errors').waitFor(settle);
    const cell = page.locator('tr[data-row="3"] td[data-column="startsOn"]');
    await expect.poll(() => cell.textContent(), settle).toContain('2018-02-30');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await cell.locator('[role="note"]').count()).toBe(1);
    expect(await page.locator('tr[data-row="2"] [role="note"]').count()).toBe(0);
    const importButton = page.getByRole('button', { name: 'Import 1 record' });
    expect(await importButton.isDisabled()).toBe(true);
    // The filter lives in the address: the box shows it once the navigation has rendered.
    await page.getByLabel('Only rows with errors').click();
    await page.waitForURL((url) => url.searchParams.get('errors') === '1');
    await expect.poll(() => page.getByLabel('Only rows with errors').isChecked(), settle).toBe(true);
    await expect.poll(() => page.locator('tbody tr[data-row]').count(), settle).toBe(1);
    await expectNoSeriousA11yIssues(page);
  });

  it('imports the fixed file after a confirmation naming the number of records, then lists them', async () => {
    const { page } = journey;
    await upload(page, 'sessions-fixed.csv', fileOf('2018-03-02'));
    await page.getByText('2 rows, none with errors').waitFor(settle);
    await page.getByRole('button', { name: 'Import 2 records' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm the import' });
    await dialog.getByText(/2 records will be created/).waitFor(settle);
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('2 records created.').waitFor(settle);
    await page.getByRole('link', { name: `${MARKER} Lille` }).waitFor(settle);
    await page.getByRole('link', { name: 'See the list' }).click();
    await page.getByRole('heading', { level: 1, name: /Awareness sessions/ }).waitFor(settle);
    await page.getByRole('link', { name: `${MARKER} Calais` }).waitFor(settle);
    await page.getByRole('link', { name: `${MARKER} Lille` }).waitFor(settle);
  });
});
