import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../../../tests/support/smtp-sink.js';
import { axisId, type People, seededPlan, signInPeople } from '../plan/plan.fixtures.js';
import { EMAIL_JOB, REMINDERS_JOB, WEEKLY_DIGEST_JOB } from './notifications.jobs.js';
import { addDays } from './reminder-sources.js';

const PUBLIC_URL = 'http://vigie.test:8080';
const today = () => new Date().toISOString().slice(0, 10);

describe.each(testEngines())('notifications and email on %s', (engine) => {
  let t: TestApp;
  let smtp: SmtpSink;
  let people: People;
  let axis: string;
  const as = (session: Session | null) => request(t.app, session);
  const emails = new Map<string, string>();
  const mailFor = (session: Session) => emails.get(session.userId) as string;

  const runJob = async (name: string) => {
    const response = await as(people.admin)('POST', `/api/v1/admin/jobs/${name}/run`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
  const emailOf = async (session: Session) =>
    (await t.db.selectFrom('users').select('email').where('id', '=', session.userId).executeTakeFirstOrThrow()).email;
  const createAction = async (session: Session, body: Record<string, unknown>) => {
    const response = await as(session)('POST', '/api/v1/actions', { axisId: axis, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number };
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp(engine, { ...smtp.env(), VIGIE_PUBLIC_URL: PUBLIC_URL });
    people = await signInPeople(t);
    // The French contact point reads French, Morocco's Arabic.
    await t.db.updateTable('users').set({ language: 'fr' }).where('id', '=', people.contactPointFR.userId).execute();
    await t.db.updateTable('users').set({ language: 'ar' }).where('id', '=', people.contactPointMA.userId).execute();
    axis = axisId(await seededPlan(t, people.admin), '1');
    for (const key of ['contactPointFR', 'staffFR', 'coordinator', 'contactPointMA'] as const) {
      emails.set(people[key].userId, await emailOf(people[key]));
    }
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('emails an invitation and a reset link in the person’s language, and still returns the link', async () => {
    const invited = await as(people.admin)('POST', '/api/v1/users', {
      email: 'invitee@vigie.test',
      name: 'Inés Invitada',
      role: 'staff',
      institutionId: people.france,
      language: 'es',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const link: string = invited.json().invitation.url;
    expect(link).toContain(`${PUBLIC_URL}/invitation#token=`);
    await runJob(EMAIL_JOB);
    const [mail] = mailsTo('invitee@vigie.test') as [ReceivedMail];
    expect(mail.subject).toBe('[Vigie] Su invitación');
    expect(mail.headers.get('from')).toContain('vigie@vigie.test');
    expect(mail.text).toContain('Hola, Inés Invitada:');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('lang="es"');
    // Account emails have no unsubscribe: they are not reminders.
    expect(mail.headers.has('list-unsubscribe')).toBe(false);

    const reset = await as(people.admin)('POST', `/api/v1/users/${people.contactPointFR.userId}/password-reset`);
    expect(reset.statusCode).toBe(201);
    await runJob(EMAIL_JOB);
    const [resetMail] = mailsTo(await emailOf(people.contactPointFR));
    expect(resetMail?.subject).toBe('[Vigie] Réinitialisation de votre mot de passe');
    expect(resetMail?.text).toContain(reset.json().url);
    // The outbox keeps the link encrypted: the token is nowhere in clear in the database.
    const token = (reset.json().url as string).split('#token=')[1] as string;
    const rows = await t.db.selectFrom('email_outbox').select('content').execute();
    expect(rows.some((r) => r.content.includes(token))).toBe(false);
  });

  it('reminds an overdue action once, to the lead’s contact point and its creator, with its link', async () => {
    const before = smtp.mails.length;
    const action = await createAction(people.staffFR, {
      title: 'Former les agents <script>alert(1)</script> & co',
      plannedStart: addDays(today(), -60),
      plannedEnd: addDays(today(), -3),
    });
    const first = await runJob(REMINDERS_JOB);
    expect(first.result.created.action_overdue).toBe(2);
    // Run again: nothing new, whatever the number of runs.
    const second = await runJob(REMINDERS_JOB);
    expect(second.result.created.action_overdue).toBeUndefined();
    const rows = await t.db.selectFrom('notifications').selectAll().where('entity_id', '=', action.id).execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual([people.contactPointFR.userId, people.staffFR.userId].sort());

    await runJob(EMAIL_JOB);
    await runJob(EMAIL_JOB);
    const forAction = smtp.mails.slice(before).filter((m) => m.subject.includes('Former les agents'));
    expect(forAction).toHaveLength(2);
    const french = forAction.find((m) => m.to.includes(mailFor(people.contactPointFR))) as ReceivedMail;
    expect(french.subject).toBe('[Vigie] Action en retard : Former les agents <script>alert(1)</script> & co');
    expect(french.text).toContain('L’action « Former les agents <script>alert(1)</script> & co » devait être terminée');
    expect(french.text).toContain(`${PUBLIC_URL}/actions/${action.id}`);
    expect(french.html).toContain(`href="${PUBLIC_URL}/actions/${action.id}"`);
    expect(french.html).toContain('Former les agents &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(french.html).not.toContain('<script>');
    expect(french.headers.get('list-unsubscribe')).toMatch(
      new RegExp(`^<${PUBLIC_URL}/api/v1/notifications/unsubscribe\\?token=[^>]+>$`),
    );
    expect(french.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const english = forAction.find((m) => m.to.includes(mailFor(people.staffFR))) as ReceivedMail;
    expect(english.subject).toBe('[Vigie] Overdue action: Former les agents <script>alert(1)</script> & co');
    // Morocco does not answer for it.
    expect(
      await t.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', people.contactPointMA.userId)
        .where('entity_id', '=', action.id)
        .execute(),
    ).toEqual([]);
  });

  it('shows my notifications with an unread count, marks them read, and never someone else’s', async () => {
    const mine = await as(people.contactPointFR)('GET', '/api/v1/notifications?order=desc&kind=action_overdue');
    expect(mine.statusCode).toBe(200);
    const item = mine.json().items[0];
    expect(item).toMatchObject({ kind: 'action_overdue', occasion: 'overdue', entity: 'plan_action', readAt: null });
    expect(item.link).toBe(`/actions/${item.entityId}`);
    const count = async (s: Session) => (await as(s)('GET', '/api/v1/notifications/unread-count')).json().unread;
    const unread = await count(people.contactPointFR);
    expect(unread).toBeGreaterThan(0);

    expect((await as(people.staffFR)('POST', `/api/v1/notifications/${item.id}/read`)).statusCode).toBe(404);
    const read = await as(people.contactPointFR)('POST', `/api/v1/notifications/${item.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await count(people.contactPointFR)).toBe(unread - 1);
    const onlyUnread = await as(people.contactPointFR)('GET', '/api/v1/notifications?unread=true&pageSize=100');
    expect(onlyUnread.json().items.map((n: { id: string }) => n.id)).not.toContain(item.id);
    expect(onlyUnread.json().total).toBe(unread - 1);

    const all = await as(people.contactPointFR)('POST', '/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ marked: unread - 1 });
    expect(await count(people.contactPointFR)).toBe(0);
    expect(await count(people.staffFR)).toBeGreaterThan(0);
    expect((await as(null)('GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
  });

  it('hides a notification once its record is out of the person’s sight', async () => {
    const action = await createAction(people.admin, {
      title: 'Action du réseau',
      plannedEnd: addDays(today(), -1),
      visibility: 'group',
    });
    await runJob(REMINDERS_JOB);
    const list = async () =>
      (await as(people.coordinator)('GET', `/api/v1/notifications?pageSize=100`)).json().items as {
        entityId: string;
        id: string;
      }[];
    const notification = (await list()).find((n) => n.entityId === action.id);
    expect(notification).toBeDefined();
    // Now led by France and kept within France: the coordinator no longer sees it, nor its notification.
    const moved = await as(people.admin)('PATCH', `/api/v1/actions/${action.id}`, {
      version: action.version,
      leadInstitutionId: people.france,
      visibility: 'institution',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await list()).find((n) => n.entityId === action.id)).toBeUndefined();
    const read = await as(people.coordinator)('POST', `/api/v1/notifications/${notification?.id}/read`);
    expect(read.statusCode).toBe(404);
  });

  it('follows preferences: a weekly digest gathers the reminders, in-app only sends nothing', async () => {
    const prefs = await as(people.staffFR)('GET', '/api/v1/notifications/preferences');
    expect(prefs.json()).toMatchObject({ emailEnabled: true, modes: { action_overdue: 'immediate' } });
    const put = await as(people.staffFR)('PUT', '/api/v1/notifications/preferences', {
      modes: { action_overdue: 'weekly', meeting_upcoming: 'in_app' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().modes).toMatchObject({
      action_overdue: 'weekly',
      meeting_upcoming: 'in_app',
      visit_upcoming: 'immediate',
    });
    const bad = await as(people.staffFR)('PUT', '/api/v1/notifications/preferences', {
      modes: { action_overdue: 'hourly' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.modes.action_overdue');

    const before = mailsTo(mailFor(people.staffFR)).length;
    const titles = ['Première action hebdomadaire', 'Seconde action hebdomadaire'];
    for (const title of titles) await createAction(people.staffFR, { title, plannedEnd: addDays(today(), -2) });
    await runJob(REMINDERS_JOB);
    await runJob(EMAIL_JOB);
    expect(mailsTo(mailFor(people.staffFR))).toHaveLength(before);
    const digest = await runJob(WEEKLY_DIGEST_JOB);
    expect(digest.result).toEqual({ emails: 1, reminders: 2 });
    await runJob(EMAIL_JOB);
    const received = mailsTo(mailFor(people.staffFR)).slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]?.subject).toBe('[Vigie] Your reminders of the week (2)');
    for (const title of titles) expect(received[0]?.text).toContain(title);
    expect(received[0]?.headers.get('list-unsubscribe')).toContain('/api/v1/notifications/unsubscribe?token=');
    // Digested once: the next weekly run has nothing.
    expect((await runJob(WEEKLY_DIGEST_JOB)).result).toEqual({ emails: 0, reminders: 0 });

    // One more waits for the weekly digest; then the person wants these at once: it stays in Vigie, unsent.
    const late = await createAction(people.staffFR, {
      title: 'Action attendant le résumé',
      plannedEnd: addDays(today(), -1),
    });
    await runJob(REMINDERS_JOB);
    const waiting = () =>
      t.db
        .selectFrom('notifications')
        .select('email_state')
        .where('entity_id', '=', late.id)
        .where('user_id', '=', people.staffFR.userId)
        .executeTakeFirstOrThrow();
    expect((await waiting()).email_state).toBe('digest');
    await as(people.staffFR)('PUT', '/api/v1/notifications/preferences', { modes: { action_overdue: 'immediate' } });
    expect((await waiting()).email_state).toBe('none');
    expect((await runJob(WEEKLY_DIGEST_JOB)).result).toEqual({ emails: 0, reminders: 0 });
    // France's contact point, who wants them at once, got theirs.
    expect((await runJob(EMAIL_JOB)).result).toMatchObject({ sent: 1, failed: 0 });
  });

  it('unsubscribes from one kind without signing in, through the link of an email', async () => {
    const mail = mailsTo(mailFor(people.contactPointFR)).find((m) => m.subject.startsWith('[Vigie] Action en retard'));
    const oneClick = (mail?.headers.get('list-unsubscribe') ?? '').slice(1, -1);
    const path = oneClick.slice(PUBLIC_URL.length);
    expect(mail?.text).toContain(`${PUBLIC_URL}/unsubscribe?token=`);

    const look = await as(null)('GET', path);
    expect(look.statusCode).toBe(200);
    expect(look.json()).toMatchObject({ kind: 'action_overdue', subscribed: true });
    expect(look.json().email).toMatch(/^c•••@vigie\.test$/);
    // Looking changed nothing.
    const modes = async () =>
      (await as(people.contactPointFR)('GET', '/api/v1/notifications/preferences')).json().modes;
    expect((await modes()).action_overdue).toBe('immediate');

    // A mail program without one-click opens the header's address in a browser: it lands on the page that asks.
    const browser = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html,*/*' } });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toBe(`/unsubscribe?${path.split('?')[1]}`);

    const tampered = path.replace('action_overdue', 'visit_upcoming');
    expect((await as(null)('POST', tampered)).statusCode).toBe(400);
    expect((await as(null)('GET', `${path.slice(0, -3)}AAA`)).statusCode).toBe(400);

    // RFC 8058: the mail program posts a form, signed out.
    const posted = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().subscribed).toBe(false);
    const after = await modes();
    expect(after.action_overdue).toBe('in_app');
    expect(after.indicator_report_due).toBe('immediate');
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['actor_label', 'action'])
      .where('entity', '=', 'notification_preferences')
      .where('entity_id', '=', people.contactPointFR.userId)
      .executeTakeFirstOrThrow();
    expect(audited.action).toBe('update');
    // Forms are taken on that path only.
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('keeps an email through an SMTP failure, shows it to administrators, and sends it once SMTP is back', async () => {
    smtp.failing = true;
    const before = smtp.mails.length;
    const test = await as(people.admin)('POST', '/api/v1/admin/email/test');
    expect(test.statusCode).toBe(200);
    expect(test.json().status).toBe('pending');
    expect(test.json().error).toContain('451');
    const status = await as(people.admin)('GET', '/api/v1/admin/email');
    expect(status.json()).toMatchObject({ enabled: true, host: `127.0.0.1:${smtp.port}`, outbox: { pending: 1 } });
    const failure = status.json().failures[0];
    expect(failure).toMatchObject({ purpose: 'test', attempts: 1, status: 'pending' });
    expect(Date.parse(failure.nextAttemptAt)).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: the delivery job leaves it alone; the rest of Vigie works on.
    await runJob(EMAIL_JOB);
    expect((await as(people.staffFR)('GET', '/api/v1/notifications')).statusCode).toBe(200);
    expect(smtp.mails.length).toBe(before);

    smtp.failing = false;
    await t.db
      .updateTable('email_outbox')
      .set({ next_attempt_at: new Date().toISOString() })
      .where('id', '=', failure.id)
      .execute();
    const run = await runJob(EMAIL_JOB);
    expect(run.result).toMatchObject({ sent: 1, failed: 0 });
    await runJob(EMAIL_JOB);
    const tests = smtp.mails.slice(before).filter((m) => m.to.includes(ADMIN_EMAIL));
    expect(tests).toHaveLength(1);
    expect(tests[0]?.subject).toBe('[Vigie] Courriel de test');
    const after = (await as(people.admin)('GET', '/api/v1/admin/email')).json();
    expect(after.outbox.pending).toBe(0);
    expect(after.failures).toEqual([]);
    expect((await as(people.staffFR)('GET', '/api/v1/admin/email')).statusCode).toBe(403);
    expect((await as(people.staffFR)('POST', '/api/v1/admin/email/test')).statusCode).toBe(403);
  });
  it('lets retention delete read notifications and sent emails, never unread ones or emails still to send', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await t.db.updateTable('notifications').set({ read_at: old }).where('read_at', 'is not', null).execute();
    await t.db.updateTable('email_outbox').set({ sent_at: old }).where('status', '=', 'sent').execute();
    await t.db.updateTable('notifications').set({ created_at: old }).where('read_at', 'is', null).execute();
    const unread = await t.db.selectFrom('notifications').select('id').where('read_at', 'is', null).execute();
    expect(unread.length).toBeGreaterThan(0);
    const pending = await t.db
      .insertInto('email_outbox')
      .values({
        id: '00000000-0000-4000-8000-000000000001',
        user_id: null,
        to_address: 'later@vigie.test',
        language: 'fr',
        purpose: 'test',
        content: 'v1.x.y.z',
        status: 'pending',
        attempts: 3,
        next_attempt_at: new Date(Date.now() + 3600_000).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: 'down',
        last_attempt_at: old,
        created_at: old,
        sent_at: null,
      })
      .execute();
    expect(pending).toBeDefined();
    const purge = await as(people.admin)('POST', '/api/v1/admin/jobs/retention-purge/run');
    expect(purge.json().outcome).toBe('succeeded');
    expect(await t.db.selectFrom('notifications').select('id').where('read_at', 'is not', null).execute()).toEqual([]);
    expect(await t.db.selectFrom('notifications').select('id').execute()).toHaveLength(unread.length);
    const left = await t.db.selectFrom('email_outbox').select(['to_address', 'status']).execute();
    expect(left).toEqual([{ to_address: 'later@vigie.test', status: 'pending' }]);
  });
});

describe.each(testEngines())('without SMTP on %s', (engine) => {
  let t: TestApp;
  let people: People;
  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
  });
  afterAll(async () => t?.close());

  it('says email is off, keeps reminders in Vigie and still returns account links', async () => {
    const status = await request(t.app, people.admin)('GET', '/api/v1/admin/email');
    expect(status.json()).toMatchObject({ enabled: false, from: null, host: null });
    const test = await request(t.app, people.admin)('POST', '/api/v1/admin/email/test');
    expect(test.statusCode).toBe(409);
    expect(test.json().error.code).toBe('email_disabled');
    const reset = await request(t.app, people.admin)('POST', `/api/v1/users/${people.staffFR.userId}/password-reset`);
    expect(reset.statusCode).toBe(201);
    // A seeded period ended last week: France's reports are owed.
    await t.db
      .updateTable('reporting_periods')
      .set({ ends_on: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10) })
      .where('id', '=', (await t.db.selectFrom('reporting_periods').select('id').executeTakeFirstOrThrow()).id)
      .execute();
    const run = await request(t.app, people.admin)('POST', `/api/v1/admin/jobs/${REMINDERS_JOB}/run`);
    expect(run.json().outcome).toBe('succeeded');
    // France's contact point is told in Vigie.
    const unread = await request(t.app, people.contactPointFR)('GET', '/api/v1/notifications/unread-count');
    expect(unread.json().unread).toBeGreaterThan(0);
    expect(await t.db.selectFrom('email_outbox').select('id').execute()).toEqual([]);
    const prefs = await request(t.app, people.staffFR)('GET', '/api/v1/notifications/preferences');
    expect(prefs.json().emailEnabled).toBe(false);
  });
});
