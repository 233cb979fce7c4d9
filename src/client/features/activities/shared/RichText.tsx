import { Anchor, Typography } from '@mantine/core';
import { createElement, type ReactNode, useMemo } from 'react';

/**
 * Stored HTML is untrusted even though the server sanitised it: it is parsed in an inert document (no script runs,
 * no image loads) and rebuilt as React elements from a short allow-list, never inserted as HTML. An element not on
 * the list keeps its text and loses its tag; script and style lose both.
 */
const allowedTags = new Set(['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote']);
const droppedTags = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed']);

function safeHref(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function render(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const tag = node.tagName.toLowerCase();
  if (droppedTags.has(tag)) return null;
  const children = [...node.childNodes].map((child, i) => render(child, `${key}.${i}`));
  if (tag === 'a') {
    const href = safeHref(node.getAttribute('href'));
    return href ? (
      <Anchor key={key} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </Anchor>
    ) : (
      <span key={key}>{children}</span>
    );
  }
  if (tag === 'br') return <br key={key} />;
  if (allowedTags.has(tag)) return createElement(tag, { key }, ...children);
  return <span key={key}>{children}</span>;
}

export function RichText({ html }: { html: string }) {
  const content = useMemo(() => {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    return [...body.childNodes].map((node, i) => render(node, String(i)));
  }, [html]);
  return (
    <Typography>
      <div dir="auto">{content}</div>
    </Typography>
  );
}
