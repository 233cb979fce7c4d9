import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectNoSeriousA11yIssues, type Journey, startJourney } from './support/browser.js';

/**
 * The action plan, as the secretariat uses it, in French and in Arabic: the plan and its five axes as the group
 * wrote them, the progress filtered by institution, the timeline (mirrored in Arabic), an action added on axis 2
 * with the form, marked done, and counted as done in the progress, an indicator defined on axis 1. axe-core on the
 * plan page and the timeline.
 */

/** The axes' titles stay in French (the original) in every language but English. */
const axisTitles = [
  'Axe 1 — Création d’instances de dialogue et de partenariats',
  'Axe 2 — Sensibilisation des autorités',
  'Axe 3 — Renforcement des capacités',
  'Axe 4 — Sensibilisation des enfants migrants',
  'Axe 5 — Organisation de visites de vérifications sur place',
].map((title) => title.replace('’', "'"));

const subItems = ['3.1', '3.2', '4.1', '4.2', '4.3'];

/** Figures as Latin digits, whichever digits the language writes them in. */
const digits = (text: string | null) =>
  (text ?? '').replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/[^\d]/g, '');

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Adresse électronique').fill(ADMIN.email);
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Groupe de travail AOM/AOMF sur les droits des enfants migrants' })
    .waitFor();
}

/**
 * Picks the option whose text contains `text`: option labels wrap codes and period labels in Unicode isolation
 * marks (so that "2.b" stays "2.b" in Arabic), which an exact label would have to spell out.
 */
async function choose(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

/** Axis 2's "done" count in the progress table, as a number. */
async function doneOnAxis2(page: Page): Promise<number> {
  const cell = page.getByTestId('progress-actions').locator('tr[data-axis="2"] td[data-status="done"]');
  return Number(digits(await cell.textContent()));
}

describe('action plan journeys in Chromium, in French', () => {
  let journey: Journey;
  let planUrl = '';
  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('opens the plan from the navigation: five axes in the founding wording, sub-items, partners, Turkey pending', async () => {
    const { page } = journey;
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Plan d’action' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Plans d’action' }).waitFor();
    await page.getByRole('link', { name: "Projet de plan d'action 2017-2018" }).click();
    await page.getByRole('heading', { level: 1, name: "Projet de plan d'action 2017-2018" }).waitFor();
    planUrl = new URL(page.url()).pathname;
    expect(await page.getByText('1 janvier 2017 – 31 décembre 2018').count()).toBe(1);
    expect(await page.getByText('Projet', { exact: true }).count()).toBeGreaterThan(0);

    const headings = page.getByRole('heading', { level: 2 });
    await expect.poll(() => headings.allTextContents()).toEqual(axisTitles);
    for (const number of subItems) {
      const axis = number.split('.')[0];
      const list = page.getByRole('list', { name: `Sous-points de l’axe ${axis}` });
      expect(await list.getByText(number, { exact: true }).count()).toBe(1);
    }
    await page
      .getByRole('list', { name: 'Sous-points de l’axe 3' })
      .getByText("Visites d'étude dans les institutions homologues membres (rencontres et visites sur place)")
      .waitFor();
    await page.getByText('Partenaires : OIM et HCR').or(page.getByText('Partenaires : HCR et OIM')).waitFor();
    await page.getByText('Soutien financier : HCR').waitFor();
    expect(await page.getByText('Mis en œuvre par chaque institution').count()).toBe(2);
    expect(await page.getByText('En attente de validation', { exact: true }).count()).toBe(5);

    // The founding text, folded until asked for.
    const toggle = page.getByRole('button', { name: 'Afficher le texte fondateur' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await page.getByText('Le groupe de travail sera composé des membres', { exact: false }).waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('filters the progress by institution, in the address', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Avancement' }).click();
    await page.getByRole('heading', { name: 'Actions par axe et par statut' }).waitFor();
    expect(await doneOnAxis2(page)).toBe(0);
    const members = page.getByTestId('progress-institutions').locator('tbody tr');
    await expect.poll(() => members.count()).toBe(10);

    await page.getByLabel('Institution', { exact: true }).selectOption({ label: 'Défenseur des droits' });
    await expect.poll(() => new URL(page.url()).searchParams.has('institutionId')).toBe(true);
    await expect.poll(() => members.count()).toBe(1);
    expect(await members.first().textContent()).toContain('France');
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect.poll(() => members.count()).toBe(10);
  });

  it('opens the timeline before any action is dated', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Calendrier' }).click();
    await page.getByText('Aucune action à placer dans le calendrier').waitFor();
  });

  it('adds two actions on axis 2 with the form, the end date checked before sending', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByText('Aucune action pour l’instant').waitFor();

    const add = async (title: string, start: string, end: string) => {
      await page.getByRole('button', { name: 'Ajouter une action' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle action' });
      await dialog.getByLabel('Axe ou sous-point').selectOption({ label: '2 — Sensibilisation des autorités' });
      await dialog.getByLabel('Intitulé').fill(title);
      await dialog.getByLabel('Début prévu').fill(start);
      await dialog.getByLabel('Fin prévue').fill(end);
      await dialog.getByLabel('Institution pilote').selectOption({ label: 'Défenseur des droits' });
      return dialog;
    };

    // First with the end before the start: refused here, the message under the end date, nothing sent.
    let dialog = await add('Formation des agents aux frontières', '2017-10-31', '2017-03-01');
    await dialog.getByRole('button', { name: 'Ajouter une action' }).click();
    await dialog.getByText('La date de fin ne peut pas précéder la date de début.').waitFor();
    expect(await dialog.getByLabel('Fin prévue').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Début prévu').fill('2017-03-01');
    await dialog.getByLabel('Fin prévue').fill('2017-10-31');
    await dialog.getByRole('button', { name: 'Ajouter une action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Formation des agents aux frontières' }).waitFor();

    await page.getByRole('link', { name: 'Retour aux actions du plan' }).click();
    dialog = await add('Prise de position commune sur la rétention', '2018-01-15', '2018-04-30');
    await dialog.getByRole('button', { name: 'Ajouter une action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Prise de position commune sur la rétention' }).waitFor();
  });

  it('shows the actions on the timeline: bars are links, arrows move between them, Enter opens one', async () => {
    const { page } = journey;
    await page.goto(`${planUrl}/timeline`);
    const first = page.getByRole('link', {
      name: /^Formation des agents aux frontières, 1 mars 2017 – 31 octobre 2017, Prévue$/,
    });
    const second = page.getByRole('link', { name: /^Prise de position commune sur la rétention, .*, Prévue$/ });
    await first.waitFor();
    await expectNoSeriousA11yIssues(page);

    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Prise de position commune sur la rétention' }).waitFor();
  });

  it('marks the first action done in one click and sees axis 2’s done count go up', async () => {
    const { page } = journey;
    await page.goto(`${planUrl}/actions`);
    const markDone = page.getByRole('button', {
      name: 'Marquer terminée : « Formation des agents aux frontières »',
    });
    await markDone.click();
    await markDone.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Formation des agents aux frontières/ });
    await expect.poll(() => row.textContent()).toContain('Terminée');

    await page.getByRole('link', { name: 'Avancement' }).click();
    await page.getByRole('heading', { name: 'Actions par axe et par statut' }).waitFor();
    await expect.poll(() => doneOnAxis2(page)).toBe(1);
    const total = page.getByTestId('progress-actions').locator('tr[data-axis="2"]');
    expect(await total.textContent()).toContain('Axe 2');
  });

  it('reports an indicator cell by cell, submits and validates it, then closes the period', async () => {
    const { page } = journey;
    await page.goto(`${planUrl}/reports`);
    await choose(page, 'Indicateur', '2.b');
    await choose(page, 'Période', '2017 S1');
    await choose(page, 'Institution', 'Défenseur des droits');
    await page.getByRole('table', { name: /Agents publics formés.*Défenseur des droits.*2017 S1/ }).waitFor();
    await page.getByText('32 cases, une par combinaison de : Profession et Sexe.', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Police, Féminin' }).fill('4');
    await page.getByRole('textbox', { name: 'Juges et procureurs, Masculin' }).fill('3');
    await page.getByRole('status').filter({ hasText: 'Total : 7 personnes' }).waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Soumettre' }).click();
    await page.getByText('Soumis', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Validé', { exact: true }).first().waitFor();

    await page.getByRole('link', { name: 'Avancement' }).click();
    await page
      .getByRole('row', { name: /Agents publics formés/ })
      .getByText('7 personnes (sans cible)')
      .waitFor();

    await page.getByRole('link', { name: 'Indicateurs et périodes' }).click();
    await page.getByRole('button', { name: 'Clore la période 2017 S1' }).click();
    const confirm = page.getByRole('dialog', { name: /Clore la période/ });
    await confirm.getByRole('button', { name: 'Clore' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /2017 S1/ })
      .getByText('Close', { exact: true })
      .waitFor();

    await page.goto(`${planUrl}/reports`);
    await choose(page, 'Indicateur', '2.b');
    await choose(page, 'Période', '2017 S1');
    await choose(page, 'Institution', 'Défenseur des droits');
    await page.getByText('Période close', { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Police, Féminin' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enregistrer le brouillon' }).count()).toBe(0);
  });

  it('defines an indicator on axis 1 and sees it listed under the axis', async () => {
    const { page } = journey;
    await page.goto(`${planUrl}/indicators`);
    await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel indicateur' });
    await choose(page, 'Rattaché à', '1 — Création');
    await dialog.getByLabel('Code').fill('1.z');
    await dialog.getByLabel('Unité').fill('réunions');
    await dialog.getByLabel('Nom en français').fill('Réunions de dialogue tenues');
    await dialog.getByLabel('Cible').fill('4');
    await dialog.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('region', { name: /^Axe 1 — / })
      .getByRole('row', { name: /Réunions de dialogue tenues/ })
      .waitFor();
  });

  it('prepares the next plan: a draft that follows on, with the unfinished action carried over', async () => {
    const { page } = journey;
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Préparer le plan suivant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Préparer le plan suivant' });
    expect(await dialog.getByLabel('Début').inputValue()).toBe('2019-01-01');
    expect(await dialog.getByLabel('Fin').inputValue()).toBe('2020-12-31');
    await dialog.getByLabel('Titre en français').fill("Plan d'action 2019-2020");
    await dialog.getByRole('button', { name: 'Préparer le plan' }).click();
    await page.getByRole('heading', { level: 1, name: "Plan d'action 2019-2020" }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(planUrl);
    await page.getByRole('link', { name: 'Plan précédent' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(axisTitles);

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByRole('link', { name: 'Prise de position commune sur la rétention' }).waitFor();
    expect(await page.getByText('Reprise du plan précédent').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Formation des agents aux frontières' }).count()).toBe(0);
  });
});

describe('action plan journeys in Chromium, in Arabic', () => {
  let journey: Journey;
  let planUrl = '';
  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(() => journey?.close());

  it('switches to Arabic and opens the plan: right to left, the axes in their French wording', async () => {
    const { page } = journey;
    await signIn(page);
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('menuitem', { name: 'العربية' }).click();
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual(['ar', 'rtl']);
    await page.getByRole('link', { name: 'خطة العمل' }).click();
    await page.getByRole('heading', { level: 1, name: 'خطط العمل' }).waitFor();
    await page.getByRole('link', { name: "Projet de plan d'action 2017-2018" }).click();
    await page.getByRole('heading', { level: 1, name: "Projet de plan d'action 2017-2018" }).waitFor();
    planUrl = new URL(page.url()).pathname;

    const headings = page.getByRole('heading', { level: 2 });
    await expect
      .poll(() => headings.allTextContents())
      .toEqual(axisTitles.map((title) => title.replace(/^Axe (\d)/, 'المحور $1')));
    for (const number of subItems) {
      const list = page.getByRole('list', { name: `البنود الفرعية للمحور ${number.split('.')[0]}` });
      expect(await list.getByText(number, { exact: true }).count()).toBe(1);
    }
    await page.getByText('بتمويل من UNHCR').waitFor();
    expect(await page.getByText('في انتظار المصادقة', { exact: true }).count()).toBe(5);
    // Mirrored: the navigation on the right of the page, the tabs starting from the right.
    const nav = await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).boundingBox();
    const main = await page.getByRole('main').boundingBox();
    expect(nav && main && nav.x > main.x).toBe(true);
    const axesTab = await page.getByRole('link', { name: 'المحاور' }).boundingBox();
    const reportsTab = await page.getByRole('link', { name: 'التقارير' }).boundingBox();
    expect(axesTab && reportsTab && axesTab.x > reportsTab.x).toBe(true);
    await expectNoSeriousA11yIssues(page);
  });

  it('filters the progress by institution', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'التقدّم' }).click();
    await page.getByRole('heading', { name: 'الإجراءات حسب المحور والحالة' }).waitFor();
    expect(await doneOnAxis2(page)).toBe(0);
    const members = page.getByTestId('progress-institutions').locator('tbody tr');
    await page.getByLabel('المؤسسة', { exact: true }).selectOption({ label: 'Défenseur des droits' });
    await expect.poll(() => members.count()).toBe(1);
    await page.getByRole('button', { name: 'مسح عوامل التصفية' }).click();
    await expect.poll(() => members.count()).toBe(10);
  });

  it('adds an action on axis 2 and sees it on a mirrored timeline', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'الإجراءات', exact: true }).click();
    await page.getByRole('button', { name: 'إضافة إجراء' }).click();
    const dialog = page.getByRole('dialog', { name: 'إجراء جديد' });
    await dialog.getByLabel('المحور أو البند الفرعي').selectOption({ label: '2 — Sensibilisation des autorités' });
    await dialog.getByLabel(/^العنوان/).fill('Formation des juges');
    await dialog.getByLabel('البداية المقرّرة').fill('2017-03-01');
    await dialog.getByLabel('النهاية المقرّرة').fill('2017-05-31');
    await dialog.getByRole('button', { name: 'إضافة إجراء' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Formation des juges' }).waitFor();

    await page.goto(`${planUrl}/timeline`);
    const bar = page.getByRole('link', { name: /^Formation des juges، .*، مقرّر$/ });
    await bar.waitFor();
    // The time axis runs from right to left: January is right of February, and a bar from March to May sits
    // left of both.
    const january = await page.getByText('يناير', { exact: true }).first().boundingBox();
    const february = await page.getByText('فبراير', { exact: true }).first().boundingBox();
    const box = await bar.boundingBox();
    expect(january && february && january.x > february.x).toBe(true);
    expect(box && february && box.x + box.width <= february.x + 1).toBe(true);
    await expectNoSeriousA11yIssues(page);
  });

  it('marks the action done from its page and sees axis 2’s done count go up', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: /^Formation des juges، / }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Formation des juges' }).waitFor();
    await page.getByRole('button', { name: 'وضع علامة منجز على «Formation des juges»' }).click();
    await page.getByText('منجز', { exact: true }).first().waitFor();
    await page.goto(`${planUrl}/progress`);
    await page.getByRole('heading', { name: 'الإجراءات حسب المحور والحالة' }).waitFor();
    await expect.poll(() => doneOnAxis2(page)).toBe(1);
  });
});
