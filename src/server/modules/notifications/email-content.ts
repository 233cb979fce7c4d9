import { directionOf, type InterfaceLanguage } from '../../../shared/languages.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text into HTML, every character that could open markup or end an attribute escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] as string);
}

/** A date (`YYYY-MM-DD`) as people write it in the language, read in UTC so that the day never shifts. */
export function formatDay(language: InterfaceLanguage, day: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export interface EmailLayout {
  language: InterfaceLanguage;
  greeting: string;
  /** Paragraphs, plain text. */
  paragraphs: string[];
  /** Links shown as buttons in HTML and as lines in the text part. */
  actions: { label: string; url: string }[];
  /** Why the person gets this, and the unsubscribe link when there is one. */
  footer: string[];
  unsubscribe?: { label: string; url: string };
}

/** The text and HTML parts of one email from the same content; nothing in the HTML comes unescaped. */
export function renderEmail(layout: EmailLayout): { text: string; html: string } {
  const text = [
    layout.greeting,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    ...layout.actions.flatMap((a) => [`${a.label}: ${a.url}`, '']),
    '-- ',
    ...layout.footer,
    ...(layout.unsubscribe ? [`${layout.unsubscribe.label}: ${layout.unsubscribe.url}`] : []),
    '',
  ].join('\n');
  const dir = directionOf(layout.language);
  const html = [
    '<!doctype html>',
    `<html lang="${layout.language}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1b1e;">',
    `<p>${escapeHtml(layout.greeting)}</p>`,
    ...layout.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...layout.actions.map(
      (a) =>
        `<p><a href="${escapeHtml(a.url)}" style="display: inline-block; padding: 8px 16px; background: #1c7ed6; ` +
        `color: #ffffff; border-radius: 4px; text-decoration: none;">${escapeHtml(a.label)}</a></p>`,
    ),
    '<hr>',
    ...layout.footer.map((line) => `<p style="font-size: 13px; color: #495057;">${escapeHtml(line)}</p>`),
    ...(layout.unsubscribe
      ? [
          `<p style="font-size: 13px;"><a href="${escapeHtml(layout.unsubscribe.url)}">` +
            `${escapeHtml(layout.unsubscribe.label)}</a></p>`,
        ]
      : []),
    '</body>',
    '</html>',
  ].join('\n');
  return { text, html };
}
