import type { NotificationKind } from '../../../shared/contract/notifications.js';
import { type InterfaceLanguage, isInterfaceLanguage } from '../../../shared/languages.js';
import type { Config } from '../../config.js';
import { translate } from '../../i18n/translate.js';
import { type EmailLayout, formatDay, renderEmail } from './email-content.js';
import type { EmailContent } from './mailer.js';
import { unsubscribeToken } from './unsubscribe-token.js';

// Keys are written out in full, one per kind, so that the catalog check sees every one of them used.
const subjectKeys = {
  action_overdue: 'notifications:email.subject.action_overdue',
  indicator_report_due: 'notifications:email.subject.indicator_report_due',
  recommendation_due: 'notifications:email.subject.recommendation_due',
  meeting_upcoming: 'notifications:email.subject.meeting_upcoming',
  visit_upcoming: 'notifications:email.subject.visit_upcoming',
  dialogue_overdue: 'notifications:email.subject.dialogue_overdue',
} as const satisfies Record<NotificationKind, string>;

const messageKeys = {
  action_overdue: 'notifications:message.action_overdue',
  indicator_report_due: 'notifications:message.indicator_report_due',
  recommendation_due: 'notifications:message.recommendation_due',
  meeting_upcoming: 'notifications:message.meeting_upcoming',
  visit_upcoming: 'notifications:message.visit_upcoming',
  dialogue_overdue: 'notifications:message.dialogue_overdue',
} as const satisfies Record<NotificationKind, string>;

const kindKeys = {
  action_overdue: 'notifications:kind.action_overdue',
  indicator_report_due: 'notifications:kind.indicator_report_due',
  recommendation_due: 'notifications:kind.recommendation_due',
  meeting_upcoming: 'notifications:kind.meeting_upcoming',
  visit_upcoming: 'notifications:kind.visit_upcoming',
  dialogue_overdue: 'notifications:kind.dialogue_overdue',
} as const satisfies Record<NotificationKind, string>;

export function languageOf(value: string): InterfaceLanguage {
  return isInterfaceLanguage(value) ? value : 'fr';
}

/** Message parameters as stored, with dates (`date`, `since`) written for the reader's language. */
function readable(language: InterfaceLanguage, params: Record<string, string | number>) {
  const out: Record<string, string | number> = { ...params };
  for (const key of ['date', 'since']) {
    const value = params[key];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = formatDay(language, value);
  }
  return out;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  language: string;
}

export interface ReminderFacts {
  kind: NotificationKind;
  link: string;
  params: Record<string, string | number>;
}

/** The one-line message of a reminder, as the web app shows it too. */
export function reminderMessage(language: InterfaceLanguage, facts: ReminderFacts): string {
  return translate(language, messageKeys[facts.kind], readable(language, facts.params));
}

function unsubscribeLinks(config: Config, userId: string, kind: NotificationKind) {
  const token = unsubscribeToken(config.sessionSecret, userId, kind);
  return {
    page: `${config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`,
    oneClick: `${config.publicUrl}/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
  };
}

/** RFC 2369 / 8058 headers: mail programs offer their own unsubscribe button, which posts without a page. */
function listHeaders(oneClick: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function finish(layout: EmailLayout, subject: string, headers: Record<string, string>): EmailContent {
  return { subject, ...renderEmail(layout), headers };
}

/** One reminder, sent at once. */
export function reminderEmail(config: Config, recipient: Recipient, facts: ReminderFacts): EmailContent {
  const language = languageOf(recipient.language);
  const params = readable(language, facts.params);
  const links = unsubscribeLinks(config, recipient.id, facts.kind);
  const kind = translate(language, kindKeys[facts.kind]);
  return finish(
    {
      language,
      greeting: translate(language, 'notifications:email.greeting', { name: recipient.name }),
      paragraphs: [reminderMessage(language, facts)],
      actions: [{ label: translate(language, 'notifications:email.open'), url: `${config.publicUrl}${facts.link}` }],
      footer: [translate(language, 'notifications:email.why')],
      unsubscribe: { label: translate(language, 'notifications:email.unsubscribe', { kind }), url: links.page },
    },
    translate(language, subjectKeys[facts.kind], params),
    listHeaders(links.oneClick),
  );
}

/**
 * Several reminders in one email (a daily or weekly digest). The unsubscribe link of the headers names the kind
 * that came most; the body has one link per kind in it.
 */
export function digestEmail(
  config: Config,
  recipient: Recipient,
  period: 'daily' | 'weekly',
  items: ReminderFacts[],
): EmailContent {
  const language = languageOf(recipient.language);
  const kinds = [...new Set(items.map((i) => i.kind))];
  const counts = new Map(kinds.map((k) => [k, items.filter((i) => i.kind === k).length]));
  const main = [...kinds].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0] as NotificationKind;
  const footer = [translate(language, 'notifications:email.why')];
  for (const kind of kinds) {
    const label = translate(language, 'notifications:email.unsubscribe', {
      kind: translate(language, kindKeys[kind]),
    });
    footer.push(`${label}: ${unsubscribeLinks(config, recipient.id, kind).page}`);
  }
  return finish(
    {
      language,
      greeting: translate(language, 'notifications:email.greeting', { name: recipient.name }),
      paragraphs: [
        translate(language, 'notifications:email.digest.intro', { period, count: items.length }),
        ...items.map((item) => `• ${reminderMessage(language, item)} — ${config.publicUrl}${item.link}`),
      ],
      actions: [
        { label: translate(language, 'notifications:email.digest.all'), url: `${config.publicUrl}/notifications` },
      ],
      footer,
    },
    translate(language, 'notifications:email.digest.subject', { period, count: items.length }),
    listHeaders(unsubscribeLinks(config, recipient.id, main).oneClick),
  );
}

/** An invitation or a password-reset link, in the person's language. */
export function accountLinkEmail(
  recipient: Recipient,
  purpose: 'invitation' | 'password_reset',
  link: { url: string; expiresAt: string },
): EmailContent {
  const language = languageOf(recipient.language);
  const expires = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(link.expiresAt));
  const invitation = purpose === 'invitation';
  return finish(
    {
      language,
      greeting: translate(language, 'notifications:email.greeting', { name: recipient.name }),
      paragraphs: [
        invitation
          ? translate(language, 'notifications:email.invitation.body')
          : translate(language, 'notifications:email.passwordReset.body'),
        translate(language, 'notifications:email.linkExpires', { expires }),
      ],
      actions: [
        {
          label: invitation
            ? translate(language, 'notifications:email.invitation.action')
            : translate(language, 'notifications:email.passwordReset.action'),
          url: link.url,
        },
      ],
      footer: [translate(language, 'notifications:email.accountWhy')],
    },
    invitation
      ? translate(language, 'notifications:email.invitation.subject')
      : translate(language, 'notifications:email.passwordReset.subject'),
    {},
  );
}

/** What an administrator sends themself to check the configuration. */
export function testEmail(config: Config, recipient: Recipient): EmailContent {
  const language = languageOf(recipient.language);
  return finish(
    {
      language,
      greeting: translate(language, 'notifications:email.greeting', { name: recipient.name }),
      paragraphs: [translate(language, 'notifications:email.test.body', { url: config.publicUrl })],
      actions: [],
      footer: [translate(language, 'notifications:email.accountWhy')],
    },
    translate(language, 'notifications:email.test.subject'),
    {},
  );
}
