import type { z } from 'zod';
import type { childPageContent } from '../../../shared/contract/public-site.js';
import { pageDirectionOf, pageLanguageName } from '../../../shared/languages.js';
import { html, type SafeHtml, safeHref } from './html.js';
import { type IconName, icon } from './icons.js';
import { stylesheetPath, stylesheetVersion } from './stylesheet.js';
import { type SiteTexts, siteTexts } from './texts.js';

type Content = z.output<typeof childPageContent>;

export interface LanguageLink {
  code: string;
  href: string;
}

interface Frame {
  language: string;
  title: string;
  /** Heading of the language list and the skip link, in the page's language. */
  languagesLabel: string;
  skipLabel: string;
  homeLabel: string;
  /** `lang`/`dir` of the frame's shipped texts when they are not in the page's language. */
  frameAttrs: SafeHtml;
  languages: LanguageLink[];
  notice?: string | undefined;
  footer?: SafeHtml | undefined;
  noindex?: boolean;
}

/** `lang`/`dir` for a piece of text whose language differs from the page's (shipped English on a Dari page). */
function langOf(textLanguage: string, pageLanguage: string): SafeHtml {
  return textLanguage === pageLanguage ? html`` : html` lang="${textLanguage}" dir="${pageDirectionOf(textLanguage)}"`;
}

function layout(frame: Frame, main: SafeHtml): string {
  const { language } = frame;
  const languageLinks = frame.languages.map(
    (l) =>
      html`<li><a href="${l.href}" hreflang="${l.code}" lang="${l.code}" dir="${pageDirectionOf(l.code)}"${
        l.code === language ? html` aria-current="page"` : html``
      }>${pageLanguageName(l.code)}</a></li>`,
  );
  return `<!doctype html>\n${html`<html lang="${language}" dir="${pageDirectionOf(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
${frame.noindex ? html`<meta name="robots" content="noindex">` : html``}
<link rel="stylesheet" href="${stylesheetPath}?v=${stylesheetVersion}">
</head>
<body>
<a class="skip" href="#main">${frame.skipLabel}</a>
<header class="top"><div class="top-inner">
<a class="home" href="/${language}/"${frame.frameAttrs}>${frame.homeLabel}</a>
${
  frame.languages.length > 1
    ? html`<nav class="langs" aria-labelledby="langs-title"><h2 id="langs-title">${frame.languagesLabel}</h2><ul>${languageLinks}</ul></nav>`
    : html``
}
</div></header>
<main id="main" class="wrap" tabindex="-1">
${frame.notice ? html`<p class="notice" role="status"${frame.frameAttrs}>${frame.notice}</p>` : html``}
${main}
</main>
${frame.footer ? html`<footer><div class="top-inner">${frame.footer}</div></footer>` : html``}
</body>
</html>
`}`;
}

/** Each line of a text is a paragraph: institutions write short sentences, one idea per line. */
function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => html`<p>${line}</p>`);
}

function card(id: string, iconName: IconName, heading: string, body: SafeHtml, extraClass = ''): SafeHtml {
  return html`<section class="card${extraClass ? ` ${extraClass}` : ''}" aria-labelledby="${id}">
<div class="card-head">${icon(iconName)}<h2 id="${id}">${heading}</h2></div>
${body}
</section>
`;
}

function link(href: string | null | undefined, text: string, attributes: SafeHtml = html``): SafeHtml {
  const safe = href ? safeHref(href) : null;
  return safe ? html`<a href="${safe}"${attributes}>${text}</a>` : html`${text}`;
}

export interface ChildPageView {
  language: string;
  content: Content;
  languages: LanguageLink[];
  preview: boolean;
}

export function renderChildPage(view: ChildPageView): string {
  const { language, content: c } = view;
  const { texts } = siteTexts(language);
  const l = c.labels;
  const contact: SafeHtml[] = [];
  if (c.phone)
    contact.push(
      html`<li><span class="label">${l.phone}</span><br>${link(`tel:${c.phone.replace(/[^0-9+]/g, '')}`, c.phone, html` class="ltr"`)}</li>`,
    );
  if (c.email)
    contact.push(
      html`<li><span class="label">${l.email}</span><br>${link(`mailto:${c.email}`, c.email, html` class="ltr"`)}</li>`,
    );
  if (c.address) contact.push(html`<li><span class="label">${l.address}</span><br>${c.address}</li>`);
  if (c.hours) contact.push(html`<li><span class="label">${l.hours}</span><br>${c.hours}</li>`);
  if (c.website)
    contact.push(
      html`<li><span class="label">${l.website}</span><br>${link(c.website, c.website, html` class="ltr"`)}</li>`,
    );
  const form = c.complaintFormUrl ? safeHref(c.complaintFormUrl) : null;
  const main = html`<h1>${c.institutionName}</h1>
${card('about', 'person', l.about, html`<div class="lead">${paragraphs(c.about)}</div>`)}
${card('promise', 'shield', l.promise, html`${paragraphs(c.promise)}`, 'promise')}
${card('who', 'hand', l.whoCanAsk, html`${paragraphs(c.whoCanAsk)}`)}
${
  contact.length > 0 || form
    ? card(
        'reach',
        'phone',
        l.howToReach,
        html`${contact.length > 0 ? html`<ul class="plain">${contact}</ul>` : html``}${
          form ? html`<p><a class="button" href="${form}">${l.complaintForm}</a></p>` : html``
        }`,
      )
    : html``
}
${card('next', 'arrow', l.nextSteps, html`${paragraphs(c.nextSteps)}`)}
${
  c.rights.length > 0
    ? card('rights', 'star', l.rights, html`<ul class="rights">${c.rights.map((r) => html`<li>${r.text}</li>`)}</ul>`)
    : html``
}
${
  c.emergencyNumbers.length > 0
    ? card(
        'emergency',
        'alert',
        l.emergency,
        html`<ul class="plain">${c.emergencyNumbers.map(
          (n) =>
            html`<li>${n.label}<br>${link(`tel:${n.number.replace(/[^0-9+]/g, '')}`, n.number, html` class="number"`)}</li>`,
        )}</ul>`,
        'urgent',
      )
    : html``
}
${card('data', 'lock', l.dataUse, html`${paragraphs(c.dataUse)}`)}`;
  return layout(
    {
      language,
      title: c.institutionName,
      languagesLabel: l.languages,
      skipLabel: l.skipToContent,
      homeLabel: texts.site.home,
      frameAttrs: langOf(siteTexts(language).language, language),
      languages: view.languages,
      notice: view.preview ? texts.site.preview : undefined,
      noindex: view.preview,
      footer: html`<a href="/${language}/published"${langOf(siteTexts(language).language, language)}>${texts.site.published}</a>`,
    },
    main,
  );
}

export interface IndexEntry {
  slug: string;
  name: string;
  countryCode: string;
}

/** Texts of the site's frame in a page language, with the language they are really in. */
function frameTexts(language: string): { texts: SiteTexts; attrs: SafeHtml } {
  const { texts, language: textLanguage } = siteTexts(language);
  return { texts, attrs: langOf(textLanguage, language) };
}

export function renderIndex(language: string, entries: IndexEntry[], languages: LanguageLink[]): string {
  const { texts, attrs } = frameTexts(language);
  const main = html`<h1${attrs}>${texts.site.title}</h1>
<p class="lead"${attrs}>${texts.site.intro}</p>
<section class="card" aria-labelledby="choose">
<div class="card-head">${icon('hand')}<h2 id="choose"${attrs}>${texts.site.choose}</h2></div>
${
  entries.length > 0
    ? html`<ul class="list">${entries.map((e) => html`<li><a href="/${language}/${e.slug}">${e.name}</a></li>`)}</ul>`
    : html`<p${attrs}>${texts.site.noPages}</p>`
}
</section>`;
  return layout(
    {
      language,
      title: texts.site.title,
      languagesLabel: texts.labels.languages,
      skipLabel: texts.labels.skipToContent,
      homeLabel: texts.site.home,
      frameAttrs: attrs,
      languages,
      footer: html`<a href="/${language}/published"${attrs}>${texts.site.published}</a>`,
    },
    main,
  );
}

export interface PublishedItem {
  /** Null when what it would name is not public (the facility of a visit). */
  title: string | null;
  date: string;
  institution: string | null;
  summary: string | null;
}

export function renderPublished(
  language: string,
  statements: PublishedItem[],
  visitReports: PublishedItem[],
  languages: LanguageLink[],
): string {
  const { texts, attrs } = frameTexts(language);
  const list = (items: PublishedItem[]) =>
    html`<ul class="list">${items.map(
      (item) =>
        html`<li>${item.title ? html`<strong>${item.title}</strong><br>` : html``}<span class="meta"><time datetime="${item.date}">${item.date}</time>${
          item.institution ? html` · ${item.institution}` : html``
        }</span>${item.summary ? html`<br>${item.summary}` : html``}</li>`,
    )}</ul>`;
  const main = html`<h1${attrs}>${texts.site.published}</h1>
<p class="lead"${attrs}>${texts.site.publishedIntro}</p>
${statements.length === 0 && visitReports.length === 0 ? html`<p${attrs}>${texts.site.publishedEmpty}</p>` : html``}
${statements.length > 0 ? card('statements', 'star', texts.site.statements, list(statements)) : html``}
${visitReports.length > 0 ? card('visits', 'arrow', texts.site.visitReports, list(visitReports)) : html``}`;
  return layout(
    {
      language,
      title: texts.site.published,
      languagesLabel: texts.labels.languages,
      skipLabel: texts.labels.skipToContent,
      homeLabel: texts.site.home,
      frameAttrs: attrs,
      languages,
    },
    main,
  );
}

export function renderNotFound(language: string): string {
  const { texts, attrs } = frameTexts(language);
  const main = html`<h1${attrs}>${texts.notFound.title}</h1>
<p${attrs}>${texts.notFound.text}</p>
<p><a href="/${language}/"${attrs}>${texts.notFound.back}</a></p>`;
  return layout(
    {
      language,
      title: texts.notFound.title,
      languagesLabel: texts.labels.languages,
      skipLabel: texts.labels.skipToContent,
      homeLabel: texts.site.home,
      frameAttrs: attrs,
      languages: [],
      noindex: true,
    },
    main,
  );
}
