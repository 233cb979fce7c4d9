import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * Notifications as a person meets them: an overdue action reminded by the job, the bell's count in the header, the
 * notification opened onto the action's page and read, a preference changed and kept; the unsubscribe page with a
 * broken link. axe-core on the notifications page.
 */

const ACTION = 'Atelier régional sur la tutelle des mineurs non accompagnés';

/** Signs in through the API, as a script would, to prepare what the journey needs. */
async function api(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
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

describe('notification journeys in Chromium, in French', () => {
  let journey: Journey;
  let actionId = '';

  beforeAll(async () => {
    journey = await startJourney();
    const call = await api(journey.server.url);
    const plans = await call<{ items: { id: string }[] }>('GET', '/plans');
    const plan = await call<{ axes: { id: string; number: string }[] }>('GET', `/plans/${plans.items[0]?.id}`);
    const axis = plan.axes.find((a) => a.number === '2');
    const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const action = await call<{ id: string }>('POST', '/actions', {
      axisId: axis?.id,
      title: ACTION,
      plannedStart: past(40),
      plannedEnd: past(3),
      visibility: 'group',
    });
    actionId = action.id;
    // The hourly job, run now: the administrator created the action, so is told it is overdue.
    await call('POST', '/admin/jobs/notification-reminders/run');
  });
  afterAll(() => journey?.close());

  it('shows the unread count on the bell, opens the notification onto the action, and counts it read', async () => {
    const { page } = journey;
    await signIn(page);
    const bell = page.getByRole('link', { name: 'Notifications, 1 non lue' });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const table = page.getByRole('table', { name: 'Mes notifications' });
    const link = table.getByRole('link', { name: new RegExp(`L’action « ${ACTION} » devait être terminée le`) });
    await link.waitFor();
    expect(await table.getByText('Non lue', { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page);

    await link.click();
    await page.waitForURL(`**/actions/${actionId}`);
    await page.getByText(ACTION).first().waitFor();
    await page.getByRole('link', { name: 'Notifications, aucune non lue' }).waitFor();

    await page.getByRole('link', { name: 'Notifications, aucune non lue' }).click();
    await table.getByText('Lue', { exact: true }).waitFor();
  });

  it('changes how overdue actions are told, and keeps the choice', async () => {
    const { page } = journey;
    // No SMTP in this Vigie: the page says email is off, and the choice is still kept for when it is on.
    await page.getByText('L’envoi de courriels n’est pas configuré sur ce serveur').waitFor();
    // The input, not the list of options it labels too.
    const select = page.locator('input').and(page.getByLabel('Actions du plan en retard', { exact: true }));
    await select.click();
    await page.getByRole('option', { name: 'Résumé hebdomadaire par courriel' }).click();
    await page.getByRole('button', { name: 'Enregistrer les préférences' }).click();
    await page.getByText('Préférences enregistrées.').waitFor();
    await page.reload();
    await expect.poll(() => select.inputValue()).toBe('Résumé hebdomadaire par courriel');
  });

  it('shows administrators that email is off, and the scheduled jobs, one of which they run now', async () => {
    const { page } = journey;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Courriels et tâches' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Courriels et tâches planifiées' }).waitFor();
    await page.getByText('Courriel désactivé').waitFor();
    const jobs = page.getByRole('table', { name: 'Tâches planifiées' });
    await jobs.getByText('notification-reminders').waitFor();
    await jobs.getByRole('button', { name: 'Lancer la tâche email-delivery maintenant' }).click();
    await page.getByText('Tâche email-delivery exécutée.').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('says so when an unsubscribe link has been altered', async () => {
    const { page } = journey;
    await page.goto('/unsubscribe?token=not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'Se désabonner des courriels' }).waitFor();
    await page.getByText('Ce lien de désabonnement n’est pas valide.', { exact: false }).waitFor();
  });
});
