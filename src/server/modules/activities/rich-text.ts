import sanitizeHtml from 'sanitize-html';

const absoluteLink = /^(https?:\/\/|mailto:)/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'a', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // A tag outside the list stays visible as text (`<script>` reads as "<script>"), so nothing typed is lost silently.
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim();
      // Only absolute web and mail links: a relative one would point into the application itself.
      if (!href || !absoluteLink.test(href)) return { tagName, attribs: {} };
      return { tagName, attribs: { href, rel: 'noopener noreferrer' } };
    },
  },
};

/** Minutes, reports and statements as stored: HTML reduced to a small allow-list, links absolute and inert. */
export function sanitizeRichText(html: string | null | undefined): string | null {
  if (html === null || html === undefined) return null;
  const clean = sanitizeHtml(html, options).trim();
  return clean === '' ? null : clean;
}
