import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Journey, startJourney } from './support/browser.js';

/**
 * Each language's messages are a chunk of their own, fetched only when that language is shown: French readers never
 * download Arabic, and switching fetches the new language before the screen changes. At no moment may a message key
 * stand in for its text, which is what switching first and loading afterwards would show.
 */

const localesDir = path.resolve(import.meta.dirname, '../../src/shared/locales/fr');

/** Every key of the web app's catalogs, as i18next would show a missing one (without and with its namespace). */
function messageKeys(): string[] {
  const keys: string[] = [];
  const walk = (namespace: string, node: unknown, prefix: string) => {
    if (typeof node === 'string') keys.push(prefix, `${namespace}:${prefix}`);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(namespace, value, prefix ? `${prefix}.${key}` : key);
    }
  };
  for (const file of readdirSync(localesDir)) {
    const namespace = file.replace(/\.json$/, '');
    walk(namespace, JSON.parse(readFileSync(path.join(localesDir, file), 'utf8')), '');
  }
  return keys.filter((key) => key.includes('.'));
}

/** Records, from the first script on, every text the page shows that is exactly a message key. */
async function watchForKeys(page: Page): Promise<void> {
  await page.addInitScript((keys: string[]) => {
    const known = new Set(keys);
    const seen: string[] = [];
    (window as unknown as { shownKeys: string[] }).shownKeys = seen;
    const check = (node: Node) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.currentNode; text; text = walker.nextNode() as Node) {
        const value = text.nodeType === Node.TEXT_NODE ? (text.textContent ?? '').trim() : '';
        if (known.has(value)) seen.push(value);
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') check(record.target);
        for (const added of record.addedNodes) check(added);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, messageKeys());
}

const shownKeys = (page: Page) => page.evaluate(() => (window as unknown as { shownKeys: string[] }).shownKeys);

describe('message catalogs loaded per language, in Chromium', () => {
  let journey: Journey;
  const catalogsFetched: string[] = [];
  beforeAll(async () => {
    journey = await startJourney();
    await watchForKeys(journey.page);
    journey.page.on('request', (request) => {
      const chunk = /\/assets\/(fr|en|ar|es)-[\w-]+\.js$/.exec(new URL(request.url()).pathname);
      if (chunk?.[1]) catalogsFetched.push(chunk[1]);
    });
  });
  afterAll(() => journey?.close());

  it('fetches only French for a French browser', async () => {
    const { page } = journey;
    await page.goto('/');
    await page.getByLabel('Adresse électronique').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(catalogsFetched).toEqual(['fr']);
    expect(await shownKeys(page)).toEqual([]);
  });

  it('fetches Spanish when asked for it, then shows it', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await page.getByLabel('Correo electrónico').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(catalogsFetched).toEqual(['fr', 'es']);
    expect(await shownKeys(page)).toEqual([]);
  });

  it('opens in the remembered language without fetching French', async () => {
    const { page } = journey;
    catalogsFetched.length = 0;
    await page.reload();
    await page.getByLabel('Correo electrónico').waitFor();
    expect(catalogsFetched).toEqual(['es']);
    expect(await shownKeys(page)).toEqual([]);
  });

  it('signs in and takes the account’s language, then Arabic from the menu, each fetched once', async () => {
    const { page } = journey;
    await page.getByLabel('Correo electrónico').fill(ADMIN.email);
    await page.getByLabel('Contraseña').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    // The administrator's account is in French: French is fetched, then shown.
    await page
      .getByRole('heading', { name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
      .waitFor();
    expect(catalogsFetched).toEqual(['es', 'fr']);

    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(['ar', 'rtl']);
    await page.getByRole('button', { name: /لغة الواجهة/ }).waitFor();
    expect(catalogsFetched).toEqual(['es', 'fr', 'ar']);

    await page.getByRole('button', { name: /لغة الواجهة/ }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByRole('button', { name: /Idioma de la interfaz/ }).waitFor();
    // Spanish, already loaded in this page, is not fetched again.
    expect(catalogsFetched).toEqual(['es', 'fr', 'ar']);
    expect(await shownKeys(page)).toEqual([]);
  });
});
