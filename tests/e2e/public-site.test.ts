import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The pages for children as a child's phone gets them: JavaScript off, French and Arabic, axe-core, nothing asked
 * of another host, readable at 320 px wide (200 % zoom of a 640 px screen) without scrolling sideways. Then the
 * secretariat writes the Tigrinya translation, previews it (the public still gets a 404), publishes it, and the
 * public gets it.
 */

interface Editor {
  api: APIRequestContext;
  csrf: string;
  france: string;
}

async function signInApi(context: BrowserContext): Promise<Editor> {
  const login = await context.request.post('/api/v1/auth/login', { data: ADMIN });
  expect(login.status()).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const list = await context.request.get('/api/v1/institutions?country=FR&member=true');
  const france = ((await list.json()) as { items: { id: string }[] }).items[0]?.id as string;
  return { api: context.request, csrf, france };
}

async function writeAndPublish(editor: Editor, lang: string, change: Record<string, unknown>, publish: boolean) {
  const base = `/api/v1/institutions/${editor.france}/child-pages/${lang}`;
  const headers = { 'x-csrf-token': editor.csrf };
  const { content } = (await (await editor.api.get(`${base}/defaults`)).json()) as { content: object };
  const created = await editor.api.put(base, {
    headers,
    data: { ...content, phone: '09 69 39 00 00', emergencyNumbers: [{ label: '119', number: '119' }], ...change },
  });
  expect(created.status()).toBe(200);
  if (!publish) return;
  let version = ((await created.json()) as { version: number }).version;
  for (const status of ['reviewed', 'published']) {
    const moved = await editor.api.post(`${base}/status`, { headers, data: { status, version } });
    expect(moved.status()).toBe(200);
    version = ((await moved.json()) as { version: number }).version;
  }
}

/** Opens a page and lists the hosts it asked anything of. */
async function visit(page: Page, url: string): Promise<{ status: number; hosts: Set<string> }> {
  const hosts = new Set<string>();
  const listener = (request: { url(): string }) => {
    hosts.add(new URL(request.url()).host);
  };
  page.on('request', listener);
  const response = await page.goto(url, { waitUntil: 'load' });
  page.off('request', listener);
  return { status: response?.status() ?? 0, hosts };
}

describe('public site for children (JavaScript off)', () => {
  let journey: Journey;
  let child: BrowserContext;
  let page: Page;
  /** axe-core needs scripts (its timers do not run with JavaScript off): the same page, opened with them on. */
  let auditPage: Page;
  let editor: Editor;
  let host: string;

  beforeAll(async () => {
    journey = await startJourney();
    host = new URL(journey.server.url).host;
    const staff = await journey.browser.newContext({ baseURL: journey.server.url });
    editor = await signInApi(staff);
    await writeAndPublish(editor, 'fr', {}, true);
    await writeAndPublish(editor, 'ar', { institutionName: 'المدافع عن الحقوق' }, true);
    child = await journey.browser.newContext({
      baseURL: journey.server.url,
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    page = await child.newPage();
    page.setDefaultTimeout(15_000);
    const auditor = await journey.browser.newContext({
      baseURL: journey.server.url,
      viewport: { width: 320, height: 640 },
    });
    auditPage = await auditor.newPage();
  }, 120_000);
  afterAll(async () => {
    await journey?.close();
  });

  async function audit(url: string) {
    await auditPage.goto(url);
    await expectNoSeriousA11yIssues(auditPage);
  }

  async function noSidewaysScroll() {
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  }

  it('shows the French page whole, accessible, from this host only, at 320 px', async () => {
    const { status, hosts } = await visit(page, '/fr/fr');
    expect(status).toBe(200);
    expect([...hosts]).toEqual([host]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Défenseur des droits');
    for (const heading of ['Qui sommes-nous ?', 'Gratuit, indépendant, confidentiel', 'Et après ?', 'Tes droits']) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('link', { name: '09 69 39 00 00' }).getAttribute('href')).toBe('tel:0969390000');
    await noSidewaysScroll();
    await audit('/fr/fr');
  });

  it('shows the Arabic page right to left, accessible, at 320 px', async () => {
    const { status, hosts } = await visit(page, '/ar/fr');
    expect(status).toBe(200);
    expect([...hosts]).toEqual([host]);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    // Right to left: the heading starts at the right edge of the page.
    const box = await page.getByRole('heading', { level: 1 }).boundingBox();
    const text = await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).direction);
    expect(text).toBe('rtl');
    expect(box).not.toBeNull();
    await noSidewaysScroll();
    await audit('/ar/fr');
    await page.getByRole('link', { name: 'Français' }).click();
    expect(page.url()).toMatch(/\/fr\/fr$/);
  });

  it('lists the institutions and answers unknown pages in the same style', async () => {
    await visit(page, '/ar/');
    expect(await page.getByRole('link', { name: 'المدافع عن الحقوق' }).isVisible()).toBe(true);
    await audit('/ar/');
    const { status } = await visit(page, '/fr/nowhere');
    expect(status).toBe(404);
    expect(await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).isVisible()).toBe(true);
    await noSidewaysScroll();
    await audit('/fr/nowhere');
  });

  it('keeps a translation private until it is published, previewed meanwhile by its writers', async () => {
    await writeAndPublish(editor, 'ti', { institutionName: 'ተሟጋቲ መሰላት' }, false);
    expect((await visit(page, '/ti/fr')).status).toBe(404);

    const staffPage = await editor.api.get('/ti/fr?preview=1');
    expect(staffPage.status()).toBe(200);
    expect(staffPage.headers()['cache-control']).toBe('no-store');
    expect(await staffPage.text()).toContain('ተሟጋቲ መሰላት');
    expect((await visit(page, '/ti/fr?preview=1')).status).toBe(404);

    const base = `/api/v1/institutions/${editor.france}/child-pages/ti`;
    let version = ((await (await editor.api.get(base)).json()) as { version: number }).version;
    for (const status of ['reviewed', 'published']) {
      const moved = await editor.api.post(`${base}/status`, {
        headers: { 'x-csrf-token': editor.csrf },
        data: { status, version },
      });
      expect(moved.status()).toBe(200);
      version = ((await moved.json()) as { version: number }).version;
    }
    const { status } = await visit(page, '/ti/fr');
    expect(status).toBe(200);
    expect(await page.getByRole('heading', { level: 1, name: 'ተሟጋቲ መሰላት' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ti');
    await audit('/ti/fr');
  });
});
