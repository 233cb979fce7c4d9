import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * An urgent individual situation as the leading institution's team records it, in French: a staff member of the
 * Défenseur des droits (invited by the secretariat, who also registers the facility and the visit led by France)
 * opens the visit's urgent-situations tab, records a child under a code with identifying details, sees the list
 * show the code and never the details, reads the details after the warning, closes them, and edits the status
 * without retyping them (they are kept). Each read is in the audit trail; the administrator, outside the visiting
 * institution, gets a 404 for the same read. axe-core on the tab and on the dialogs.
 */

const STAFF = {
  email: 'equipe.enfance@defenseurdesdroits.test',
  name: 'Équipe enfance',
  password: 'lanterne violette sur le quai quarante-deux',
};
const CODE = 'TAB-07';
const DETAILS = 'Amina K., née à Kaboul en 2002 ; un oncle à Lyon, joignable par la Croix-Rouge.';

type Call = <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/** Signs in through the API, as a script would, to prepare what the journey needs. */
async function api(baseUrl: string, credentials: { email: string; password: string }): Promise<Call> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  };
}

async function created<T>(call: Call, path: string, body: unknown): Promise<T> {
  const response = await call<T>('POST', path, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(STAFF.email);
  await page.getByLabel('Mot de passe').fill(STAFF.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

/** Waits for a dialog's opening fade to end: half-faded colours would fail axe-core's contrast check. */
async function settled(dialog: Locator) {
  await expect.poll(() => dialog.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
}

describe('urgent individual situations in Chromium, in French', () => {
  let journey: Journey;
  let admin: Call;
  let staffId = '';
  let visitId = '';
  let situationId = '';

  beforeAll(async () => {
    journey = await startJourney();
    const baseUrl = journey.server.url;
    admin = await api(baseUrl, ADMIN);
    const institutions = await admin<{ items: { id: string }[] }>('GET', '/institutions?country=FR&member=true');
    const france = institutions.body.items[0]?.id;
    expect(france).toBeTruthy();

    const invited = await created<{ user: { id: string }; invitation: { url: string } }>(admin, '/users', {
      email: STAFF.email,
      name: STAFF.name,
      role: 'staff',
      institutionId: france,
    });
    staffId = invited.user.id;
    const token = new URL(invited.invitation.url).hash.replace('#token=', '');
    const accepted = await fetch(`${baseUrl}/api/v1/auth/accept-invitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: STAFF.password }),
    });
    expect(accepted.status).toBe(200);

    const facility = await created<{ id: string }>(admin, '/facilities', {
      name: 'Centre de transit de Tabanovce',
      kind: 'transit_centre',
      countryCode: 'MK',
      city: 'Tabanovce',
      holdsChildren: true,
      visibility: 'group',
    });
    const visit = await created<{ id: string }>(admin, '/visits', {
      facilityId: facility.id,
      ownerInstitutionId: france,
      startsOn: '2017-03-13',
      endsOn: '2017-03-14',
      type: 'in_depth',
      announced: false,
      visibility: 'institution',
    });
    visitId = visit.id;
  });
  afterAll(() => journey?.close());

  it('opens the visit’s urgent-situations tab as the leading institution’s staff: none yet', async () => {
    const { page } = journey;
    await signIn(page);
    await page.goto(`/visits/${visitId}`);
    await page.getByRole('tab', { name: /^Situations urgentes/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('urgent');
    await page.getByText('Aucune situation urgente pour cette visite').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('records a situation with identifying details; the list shows its code, never the details', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: 'Signaler une situation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle situation urgente' });
    await dialog.getByLabel(/^Code/).fill(CODE);
    await dialog.getByLabel('Tranche d’âge').selectOption({ label: '15 à 17 ans' });
    await dialog.getByLabel('Sexe').selectOption({ label: 'Féminin' });
    await dialog.getByLabel('Nationalité').fill('Afgh');
    await page.getByRole('listbox', { name: 'Nationalité' }).getByRole('option', { name: 'Afghanistan' }).click();
    await dialog.getByRole('checkbox', { name: 'Tutelle' }).check();
    await dialog.getByRole('checkbox', { name: 'Santé', exact: true }).check();
    await dialog.getByLabel('Orienté vers').fill('Aide sociale à l’enfance');
    await dialog.getByLabel('Éléments d’identification').fill(DETAILS);
    await settled(dialog);
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Signaler une situation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Situation enregistrée.').waitFor();

    const table = page.getByRole('table', { name: 'Situations urgentes, par code' });
    const row = table.locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.first().textContent()) ?? '';
    expect(text).toContain(CODE);
    expect(text).toContain('15 à 17 ans');
    expect(text).toContain('Afghanistan');
    expect(text).toContain('Aide sociale à l’enfance');
    expect(text).toContain('Ouverte');
    await page.getByText('1 situation urgente', { exact: true }).waitFor();
    expect(await page.content()).not.toContain('Amina');
    await expectNoSeriousA11yIssues(page);

    const listed = await admin<{ items: unknown[] }>('GET', '/audit-events?entity=urgent_situation&action=create');
    expect(listed.status).toBe(200);
    const [event] = listed.body.items as { entityId: string; changes: unknown }[];
    situationId = event?.entityId ?? '';
    expect(situationId).toBeTruthy();
    expect(JSON.stringify(event?.changes)).not.toContain('Amina');
  });

  it('reveals the details only after the warning, then closes them', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: `Afficher l’identification de ${CODE}` }).click();
    const dialog = page.getByRole('dialog', { name: `Identification de la situation ${CODE}` });
    await dialog
      .getByText('Leur lecture est enregistrée dans le journal d’audit à votre nom.', { exact: false })
      .waitFor();
    expect(await dialog.textContent()).not.toContain('Amina');
    await settled(dialog);
    await expectNoSeriousA11yIssues(page);

    await dialog.getByRole('button', { name: 'Afficher', exact: true }).click();
    await dialog.getByText(DETAILS).waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.content()).not.toContain('Amina');
    // Opened again, the warning comes back: nothing of the details was kept.
    await page.getByRole('button', { name: `Afficher l’identification de ${CODE}` }).click();
    await dialog.getByRole('button', { name: 'Afficher', exact: true }).waitFor();
    expect(await dialog.textContent()).not.toContain('Amina');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('edits the situation’s status with the details box left empty: the details stored are kept', async () => {
    const { page } = journey;
    await page.getByRole('button', { name: `Modifier la situation ${CODE}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier la situation' });
    await dialog.getByText('Laissez vide pour garder les éléments enregistrés', { exact: false }).waitFor();
    expect(await dialog.getByLabel('Éléments d’identification').inputValue()).toBe('');
    await dialog.getByLabel('Statut').selectOption({ label: 'Orientée' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('table', { name: 'Situations urgentes, par code' }).locator('tbody tr');
    await row.getByText('Orientée', { exact: true }).waitFor();

    await page.getByRole('button', { name: `Afficher l’identification de ${CODE}` }).click();
    const reveal = page.getByRole('dialog', { name: `Identification de la situation ${CODE}` });
    await reveal.getByRole('button', { name: 'Afficher', exact: true }).click();
    await reveal.getByText(DETAILS).waitFor();
    await page.keyboard.press('Escape');
    await reveal.waitFor({ state: 'hidden' });
  });

  it('keeps the read in the audit trail under the staff member’s name; the administrator gets a 404', async () => {
    const reads = await admin<{ items: { actorUserId: string | null; changes: unknown }[]; total: number }>(
      'GET',
      `/audit-events?entity=urgent_situation&entityId=${situationId}&action=read_details`,
    );
    expect(reads.status).toBe(200);
    // Two reads: before and after the edit; none by opening the warning and cancelling.
    expect(reads.body.total).toBe(2);
    expect(reads.body.items.map((event) => event.actorUserId)).toEqual([staffId, staffId]);
    expect(JSON.stringify(reads.body.items)).not.toContain('Amina');

    const refused = await admin('POST', `/urgent-situations/${situationId}/reveal`);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Amina');
    const list = await admin('GET', `/visits/${visitId}/urgent-situations`);
    expect(list.status).toBe(404);
  });
});
