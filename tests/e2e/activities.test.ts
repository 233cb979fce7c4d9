import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * Activities of axes 1 to 3 as the secretariat records them, in French and in English: a dialogue body and two of its
 * meetings (minutes typed with markup in them, a follow-up item moved on), a training with its participants by
 * audience and sex, a position statement and later the authority's response, a study visit with its mission report
 * uploaded; each found on the calendar (month, week, list, filtered, by keyboard) and on the page of the plan action
 * it serves; an iCalendar feed read, revoked and refused. Stored minutes with a script or an onerror attribute never
 * run. axe-core on the list, the detail pages and the calendar.
 */

const fr = {
  newActivity: 'Nouvelle activité',
  activitiesTitle: 'Activités',
  emptyList: 'Aucune activité pour l’instant',
  kind: {
    body: 'Instance de dialogue',
    training: 'Formation des autorités',
    statement: 'Prise de position',
    visit: 'Visite d’étude',
  },
  dialog: {
    body: 'Nouvelle instance de dialogue',
    meeting: 'Nouvelle réunion',
    training: 'Nouvelle formation des autorités',
    statement: 'Nouvelle prise de position',
    visit: 'Nouvelle visite d’étude',
    followUp: 'Nouvelle suite à donner',
    response: 'Nouvelle réponse de l’autorité',
    upload: 'Joindre un document',
    feed: 'Adresse de l’abonnement',
    revoke: 'Révoquer l’abonnement',
  },
  save: 'Enregistrer l’activité',
  bodyName: 'Nom de l’instance',
  setUpOn: 'Date de création',
  cadence: 'Rythme de réunion prévu',
  quarterly: 'Trimestriel',
  title: /^Intitulé/,
  allDay: 'Toute la journée (sans heure)',
  startsAt: /^Début/,
  endsAt: /^Fin/,
  date: /^Date/,
  timeZone: 'Fuseau horaire',
  city: 'Ville',
  actions: 'Actions du plan',
  actionOption: (axis: number, title: string) => `Axe ${axis} — ${title}`,
  noMeetings: 'Aucune réunion enregistrée pour cette instance.',
  addMeeting: 'Ajouter une réunion',
  minutes: 'Compte rendu',
  decisions: 'Décisions',
  inZone: 'heure de Africa/Casablanca',
  addFollowUp: 'Ajouter une suite à donner',
  followUpText: /^Suite à donner/,
  owner: 'Responsable',
  dueOn: 'Échéance',
  statusOf: (text: string) => `Statut de « ${text} »`,
  inProgress: 'En cours',
  statusChanged: 'Statut passé à « En cours ».',
  overdue: 'Réunion en retard',
  meetingsOfBody: 'Réunions de l’instance',
  audiences: { police: 'Police', border: 'Garde-frontières' },
  cell: (audience: string, sex: 'f' | 'm') => `${audience} — ${sex === 'f' ? 'Femmes' : 'Hommes'}`,
  theme: 'Déontologie des forces de sécurité',
  statementType: 'Type',
  billOpinion: 'Avis sur un projet de loi',
  addressee: /^Autorité destinataire/,
  text: 'Texte',
  awaiting: 'En attente de réponse de l’autorité.',
  addResponse: 'Ajouter une réponse',
  receivedOn: /^Reçue le/,
  summary: 'Résumé',
  daysToReply: 'Première réponse reçue en 45 jours.',
  placesVisited: 'Lieux visités',
  attach: 'Joindre un document',
  docTitle: 'Titre',
  upload: 'Déposer',
  calendarNav: 'Agenda',
  march: 'mars 2017',
  april: 'avril 2017',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  week: 'Semaine',
  list: 'Liste',
  kindFilter: 'Type',
  createFeed: 'Créer mon flux personnel',
  feedUrl: 'Adresse secrète du flux',
  copied: 'J’ai copié l’adresse',
  revokeFeed: 'Révoquer « Mon flux personnel »',
  revoke: 'Révoquer',
  revoked: 'Abonnement révoqué.',
  linked: 'Activités liées',
  nav: 'Navigation principale',
};

type Labels = typeof fr;

const en: Labels = {
  newActivity: 'New activity',
  activitiesTitle: 'Activities',
  emptyList: 'No activities yet',
  kind: {
    body: 'Dialogue body',
    training: 'Training for authorities',
    statement: 'Position statement',
    visit: 'Study visit',
  },
  dialog: {
    body: 'New dialogue body',
    meeting: 'New meeting',
    training: 'New training for authorities',
    statement: 'New position statement',
    visit: 'New study visit',
    followUp: 'New follow-up item',
    response: 'New response from the authority',
    upload: 'Attach a document',
    feed: 'Subscription address',
    revoke: 'Revoke the subscription',
  },
  save: 'Save the activity',
  bodyName: 'Name of the body',
  setUpOn: 'Date set up',
  cadence: 'Intended meeting cadence',
  quarterly: 'Quarterly',
  title: /^Title/,
  allDay: 'All day (no time)',
  startsAt: /^Start/,
  endsAt: /^End/,
  date: /^Date/,
  timeZone: 'Time zone',
  city: 'City',
  actions: 'Plan actions',
  actionOption: (axis: number, title: string) => `Axis ${axis} — ${title}`,
  noMeetings: 'No meeting recorded for this body.',
  addMeeting: 'Add a meeting',
  minutes: 'Minutes',
  decisions: 'Decisions',
  inZone: 'Africa/Casablanca time',
  addFollowUp: 'Add a follow-up item',
  followUpText: /^Follow-up item/,
  owner: 'Owner',
  dueOn: 'Due date',
  statusOf: (text: string) => `Status of “${text}”`,
  inProgress: 'In progress',
  statusChanged: 'Status changed to “In progress”.',
  overdue: 'Meeting overdue',
  meetingsOfBody: 'Meetings of the body',
  audiences: { police: 'Police', border: 'Border guards' },
  cell: (audience: string, sex: 'f' | 'm') => `${audience} — ${sex === 'f' ? 'Women' : 'Men'}`,
  theme: 'Ethics of security forces',
  statementType: 'Type',
  billOpinion: 'Opinion on a bill',
  addressee: /^Addressee authority/,
  text: 'Text',
  awaiting: 'Awaiting the authority’s response.',
  addResponse: 'Add a response',
  receivedOn: /^Received on/,
  summary: 'Summary',
  daysToReply: 'First response received after 45 days.',
  placesVisited: 'Places visited',
  attach: 'Attach a document',
  docTitle: 'Title',
  upload: 'Upload',
  calendarNav: 'Calendar',
  march: 'March 2017',
  april: 'April 2017',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  week: 'Week',
  list: 'List',
  kindFilter: 'Kind',
  createFeed: 'Create my personal feed',
  feedUrl: 'Secret feed address',
  copied: 'I have copied the address',
  revokeFeed: 'Revoke “My personal feed”',
  revoke: 'Revoke',
  revoked: 'Subscription revoked.',
  linked: 'Linked activities',
  nav: 'Main navigation',
};

const labels = { fr, en };

interface Names {
  body: string;
  meeting1: string;
  meeting2: string;
  followUp: string;
  training: string;
  statement: string;
  visit: string;
  report: string;
  trap: string;
  actions: [string, string, string];
}

const names: Record<'fr' | 'en', Names> = {
  fr: {
    body: 'Comité de suivi des enfants migrants — Maroc',
    meeting1: 'Première réunion du comité',
    meeting2: 'Deuxième réunion du comité',
    followUp: 'Transmettre le compte rendu aux ministères',
    training: 'Formation des forces de sécurité, Casablanca',
    statement: 'Avis sur la rétention des mineurs aux frontières',
    visit: 'Visite d’étude à Madrid',
    report: 'Rapport de mission Madrid',
    trap: 'Réunion au compte rendu piégé',
    actions: ['Instances de dialogue nationales', 'Formations des autorités', 'Visites d’étude'],
  },
  en: {
    body: 'Follow-up committee on migrant children — Morocco',
    meeting1: 'First meeting of the committee',
    meeting2: 'Second meeting of the committee',
    followUp: 'Send the minutes to the ministries',
    training: 'Training of security forces, Casablanca',
    statement: 'Opinion on detaining children at the borders',
    visit: 'Study visit to Madrid',
    report: 'Madrid mission report',
    trap: 'Meeting with booby-trapped minutes',
    actions: ['National dialogue bodies', 'Training of authorities', 'Study visits'],
  },
};

/** Lists and totals arrive after a request: wait for them as long as Playwright waits for an element. */
const settle = { timeout: 15_000 };

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

/** The interface in English from now on (the choice is kept with the account). */
async function switchToEnglish(page: Page) {
  await page.getByRole('button', { name: /Langue de l’interface/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** Calls the API as the signed-in user (the browser's cookies, the session's CSRF token). */
async function api(page: Page, method: 'GET' | 'POST', path: string, body?: unknown) {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

/** One plan action on each of axes 1 to 3 of the seeded plan, for the activities to serve. */
async function createActions(page: Page, titles: readonly string[]): Promise<string[]> {
  const plans = (await api(page, 'GET', '/plans')) as { items: { id: string }[] };
  const plan = (await api(page, 'GET', `/plans/${plans.items[0]?.id}`)) as {
    axes: { id: string; number: string }[];
  };
  const ids: string[] = [];
  for (const [index, title] of titles.entries()) {
    const axis = plan.axes.find((a) => a.number === String(index + 1));
    const action = (await api(page, 'POST', '/actions', { axisId: axis?.id, title })) as { id: string };
    ids.push(action.id);
  }
  return ids;
}

/** Picks an option of a searchable multiple choice, then leaves the list. */
async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).click();
  await scope.getByLabel(label, { exact: true }).press('Tab');
}

async function newActivity(page: Page, l: Labels, kind: string, dialogTitle: string) {
  await page.goto('/activities');
  await page.getByRole('heading', { level: 1, name: l.activitiesTitle }).waitFor();
  await page.getByRole('button', { name: l.newActivity }).click();
  await page.getByRole('menuitem', { name: kind }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  return dialog;
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

function samplePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

describe.each(['fr', 'en'] as const)('activities journeys in Chromium (%s)', (language) => {
  const l = labels[language];
  const n = names[language];
  let journey: Journey;
  let actionIds: string[] = [];
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    journey = await startJourney();
    await signIn(journey.page);
    if (language === 'en') await switchToEnglish(journey.page);
    actionIds = await createActions(journey.page, n.actions);
  });
  afterAll(() => journey?.close());

  it('creates a dialogue body, two meetings and a follow-up item; minutes typed with markup stay text', async () => {
    const { page } = journey;
    await page.goto('/activities');
    await page.getByText(l.emptyList).waitFor();
    await expectNoSeriousA11yIssues(page);

    let dialog = await newActivity(page, l, l.kind.body, l.dialog.body);
    await dialog.getByLabel(l.bodyName).fill(n.body);
    await dialog.getByLabel(l.setUpOn).fill('2017-01-10');
    await dialog.getByLabel(l.cadence).selectOption({ label: l.quarterly });
    await dialog.getByLabel(l.timeZone).selectOption('Africa/Casablanca');
    await dialog.getByLabel(l.city, { exact: true }).fill('Rabat');
    await pick(page, dialog, l.actions, l.actionOption(1, n.actions[0]));
    await dialog.getByRole('button', { name: l.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: n.body }).waitFor();
    urls.body = new URL(page.url()).pathname;
    await page.getByText(l.noMeetings).waitFor();

    await page.getByRole('button', { name: l.addMeeting }).click();
    dialog = page.getByRole('dialog', { name: l.dialog.meeting });
    await dialog.getByLabel(l.title).fill(n.meeting1);
    await dialog.getByLabel(l.allDay).uncheck();
    await dialog.getByLabel(l.startsAt).fill('2017-03-14T09:30');
    await dialog.getByLabel(l.endsAt).fill('2017-03-14T12:00');
    await dialog.getByLabel(l.timeZone).selectOption('Africa/Casablanca');
    await dialog
      .getByLabel(l.minutes, { exact: true })
      .fill('<img src=x onerror="window.__pwned=1">Ouverture\n\n- **UNICEF** <script>window.__pwned=2</script>');
    await dialog.getByLabel(l.decisions, { exact: true }).fill('Créer un sous-groupe technique');
    await dialog.getByRole('button', { name: l.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: n.meeting1 }).waitFor();
    urls.meeting1 = new URL(page.url()).pathname;

    // What was typed is shown as typed: the markup is text, nothing ran, only the marks became formatting.
    const minutes = page.getByTestId('minutes');
    await minutes.getByText('<img src=x onerror="window.__pwned=1">Ouverture').waitFor();
    expect(await minutes.locator('img, script').count()).toBe(0);
    expect(await minutes.locator('strong').textContent()).toBe('UNICEF');
    expect(await pwned(page)).toBeUndefined();
    // Times in the meeting's own zone, named since it is not the browser's.
    await page.getByText(l.inZone, { exact: false }).first().waitFor();

    await page.getByRole('button', { name: l.addFollowUp }).click();
    dialog = page.getByRole('dialog', { name: l.dialog.followUp });
    await dialog.getByLabel(l.followUpText).fill(n.followUp);
    await dialog.getByLabel(l.owner, { exact: true }).fill('Secrétariat');
    await dialog.getByLabel(l.dueOn).fill('2017-04-14');
    await dialog.getByRole('button', { name: l.addFollowUp }).click();
    await dialog.waitFor({ state: 'hidden' });
    const status = page.getByLabel(l.statusOf(n.followUp));
    await status.selectOption({ label: l.inProgress });
    await page.getByText(l.statusChanged).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel(l.statusOf(n.followUp)).inputValue(), settle).toBe('in_progress');
    await expectNoSeriousA11yIssues(page);

    await page.goto(urls.body);
    await page.getByRole('button', { name: l.addMeeting }).click();
    dialog = page.getByRole('dialog', { name: l.dialog.meeting });
    await dialog.getByLabel(l.title).fill(n.meeting2);
    await dialog.getByLabel(l.startsAt).fill('2017-06-20');
    await dialog.getByLabel(l.endsAt).fill('2017-06-20');
    await dialog.getByRole('button', { name: l.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: n.meeting2 }).waitFor();

    await page.goto(urls.body);
    const meetings = page.getByRole('list', { name: l.meetingsOfBody }).getByRole('link');
    await expect.poll(() => meetings.allTextContents(), settle).toEqual([n.meeting2, n.meeting1]);
    // Last met in June 2017, quarterly: long overdue.
    await page.getByText(l.overdue).first().waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('records a training with its participants by audience and sex, totals counted as typed', async () => {
    const { page } = journey;
    const dialog = await newActivity(page, l, l.kind.training, l.dialog.training);
    await dialog.getByLabel(l.title).fill(n.training);
    await dialog.getByLabel(l.startsAt).fill('2017-10-18');
    await dialog.getByLabel(l.endsAt).fill('2017-10-19');
    await dialog.getByLabel(l.timeZone).selectOption('Africa/Casablanca');
    await dialog.getByLabel(l.city, { exact: true }).fill('Casablanca');
    await dialog.getByLabel(l.audiences.police, { exact: true }).check();
    await dialog.getByLabel(l.audiences.border, { exact: true }).check();
    await dialog.getByLabel(l.cell(l.audiences.police, 'f')).fill('6');
    await dialog.getByLabel(l.cell(l.audiences.police, 'm')).fill('10');
    await dialog.getByLabel(l.cell(l.audiences.border, 'f')).fill('3');
    await dialog.getByLabel(l.cell(l.audiences.border, 'm')).fill('7');
    await expect.poll(() => dialog.getByTestId('participants-total').textContent(), settle).toBe('26');
    await dialog.getByLabel(l.theme).check();
    await pick(page, dialog, l.actions, l.actionOption(2, n.actions[1]));
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: l.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: n.training }).waitFor();
    urls.training = new URL(page.url()).pathname;

    const table = page.getByTestId('training-participants');
    const police = table.getByRole('row', { name: new RegExp(`^${l.audiences.police}`) });
    await expect.poll(() => police.locator('td').allTextContents(), settle).toEqual(['6', '10', '16']);
    expect(await table.locator('tfoot td').last().textContent()).toBe('26');
    await expectNoSeriousA11yIssues(page);
  });

  it('records a position statement, then the authority’s response and the time it took', async () => {
    const { page } = journey;
    let dialog = await newActivity(page, l, l.kind.statement, l.dialog.statement);
    await dialog.getByLabel(l.title).fill(n.statement);
    await dialog.getByLabel(l.date).fill('2018-01-15');
    await dialog.getByLabel(l.statementType, { exact: true }).selectOption({ label: l.billOpinion });
    await dialog.getByLabel(l.addressee).fill('Ministère de l’Intérieur');
    await dialog.getByLabel(l.text, { exact: true }).fill('Les enfants ne doivent jamais être placés en rétention.');
    await pick(page, dialog, l.actions, l.actionOption(2, n.actions[1]));
    await dialog.getByRole('button', { name: l.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: n.statement }).waitFor();
    await page.getByText(l.awaiting).waitFor();

    await page.getByRole('button', { name: l.addResponse }).click();
    dialog = page.getByRole('dialog', { name: l.dialog.response });
    await dialog.getByLabel(l.receivedOn).fill('2018-03-01');
    await dialog.getByLabel(l.summary).fill('Le ministère annonce une circulaire.');
    await dialog.getByRole('button', { name: l.addResponse }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(l.daysToReply).waitFor();
    await page.getByText('Le ministère annonce une circulaire.').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('records a study visit', async () => {
    const { page } = journey;
    const dialog = await newActivity(page, l, l.kind.visit, l.dialog.visit);
    await dialog.getByLabel(l.title).fill(n.visit);
    await dialog.getByLabel(l.startsAt).fill('2017-12-18');
    await dialog.getByLabel(l.endsAt).fill('2017-12-20');
    await dialog.getByLabel(l.timeZone).selectOption('Europe/Madrid');
    await dialog.getByLabel(l.city, { exact: true }).fill('Madrid');
    await dialog.getByLabel(l.placesVisited).fill('Centre d’accueil Merced Migraciones');
    await pick(page, dialog, l.actions, l.actionOption(3, n.actions[2]));
    await dialog.getByRole('button', { name: l.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: n.visit }).waitFor();
    urls.visit = new URL(page.url()).pathname;
  });

  it('renders stored minutes through the allow-list: an onerror or a script never runs', async () => {
    const { page } = journey;
    const meeting = (await api(page, 'POST', '/activities', {
      kind: 'meeting',
      title: n.trap,
      startsAt: '2017-05-02',
      endsAt: '2017-05-02',
      timeZone: 'Europe/Paris',
      details: {
        minutesHtml:
          '<p>Texte sûr</p><img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>' +
          '<p><a href="javascript:window.__pwned=5">lien</a></p>',
      },
    })) as { id: string };
    await page.goto(`/activities/${meeting.id}`);
    const minutes = page.getByTestId('minutes');
    await minutes.getByText('Texte sûr').waitFor();
    expect(await minutes.locator('img, script, [onerror]').count()).toBe(0);
    expect(await minutes.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
  });

  it('shows every activity on the calendar: month, week and list, filtered, by keyboard', async () => {
    const { page } = journey;
    await page.getByRole('navigation', { name: l.nav }).getByRole('link', { name: l.calendarNav }).click();
    await page.getByRole('heading', { level: 1, name: l.calendarNav }).waitFor();
    await page.goto('/calendar?date=2017-03-14');
    await page.getByRole('heading', { level: 2, name: l.march }).waitFor();
    const meeting = page.getByRole('link', { name: n.meeting1 });
    await meeting.waitFor();
    await expectNoSeriousA11yIssues(page);

    // Previous and next are buttons: Enter moves a month, the address follows.
    await page.getByRole('button', { name: l.nextMonth }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: l.april }).waitFor();
    await page.getByRole('button', { name: l.previousMonth }).press('Enter');
    await page.getByRole('heading', { level: 2, name: l.march }).waitFor();

    await page.locator('label').filter({ hasText: l.week }).click();
    await page.getByTestId('calendar-week').waitFor();
    await page.goto('/calendar?view=week&date=2017-03-14');
    await meeting.waitFor();
    await page.getByText(l.inZone, { exact: false }).first().waitFor();
    await page.locator('label').filter({ hasText: l.list }).click();
    await page.getByTestId('calendar-list').getByRole('link', { name: n.meeting1 }).waitFor();
    await expectNoSeriousA11yIssues(page);

    for (const [date, title] of [
      ['2017-10-18', n.training],
      ['2018-01-15', n.statement],
      ['2017-12-18', n.visit],
      ['2017-06-20', n.meeting2],
    ] as const) {
      await page.goto(`/calendar?view=month&date=${date}`);
      await page.getByRole('link', { name: title }).first().waitFor();
    }

    await page.goto('/calendar?view=month&date=2017-03-01');
    await meeting.waitFor();
    await page.getByLabel(l.kindFilter, { exact: true }).selectOption({ label: l.kind.training });
    await expect.poll(() => meeting.count(), settle).toBe(0);
    await page.goto('/calendar?view=month&date=2017-10-01&kind=training');
    const training = page.getByRole('link', { name: n.training }).first();
    await training.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: n.training }).waitFor();
  });

  it('reads the iCalendar feed at its secret address, then revokes it: the address stops working', async () => {
    const { page } = journey;
    await page.goto('/calendar');
    await page.getByRole('button', { name: l.createFeed }).click();
    const dialog = page.getByRole('dialog', { name: l.dialog.feed });
    const address = await dialog.getByLabel(l.feedUrl, { exact: true }).inputValue();
    await dialog.getByRole('button', { name: l.copied }).click();
    const feedUrl = new URL(address, journey.server.url).toString();
    let feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    // Lines longer than 75 octets are folded, commas escaped.
    const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(n.meeting1);
    expect(ics).toContain('TZID=Africa/Casablanca');

    await page.getByRole('button', { name: l.revokeFeed }).click();
    await page.getByRole('dialog', { name: l.dialog.revoke }).getByRole('button', { name: l.revoke }).click();
    await page.getByText(l.revoked).waitFor();
    feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(404);
  });

  it('lists each activity on the page of the plan action it serves', async () => {
    const { page } = journey;
    const expected = [[n.body], [n.training, n.statement], [n.visit]];
    for (const [index, id] of actionIds.entries()) {
      await page.goto(`/actions/${id}`);
      const list = page.getByRole('list', { name: l.linked });
      await expect.poll(() => list.getByRole('link').allTextContents(), settle).toEqual(expected[index]);
      await expectNoSeriousA11yIssues(page);
    }
  });

  it('uploads the study visit’s mission report', async () => {
    const { page } = journey;
    await page.goto(urls.visit as string);
    await page.getByRole('button', { name: l.attach }).click();
    const upload = page.getByRole('dialog', { name: l.dialog.upload });
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'rapport-madrid.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Mission report: Madrid, December 2017'),
    });
    await upload.getByLabel(l.docTitle, { exact: true }).fill(n.report);
    await upload.getByRole('button', { name: l.upload }).click();
    await upload.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: n.report }).first().waitFor();
    await expectNoSeriousA11yIssues(page);
  });
});
