/**
 * Minutes and other long texts are stored as a little HTML (the server sanitises it on write). In the browser they
 * are written as plain text with a few marks — blank lines between paragraphs, "- " for list items, "### " for a
 * heading, **bold** and *italic*, web addresses as links — and turned into that HTML here; every character the user
 * types is escaped, so what they write is never markup.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A web address typed in the text, without the punctuation that ends a sentence after it. */
const webAddress = /https?:\/\/[^\s<]+?(?=[.,;:!?)]*(?:\s|$|<|&quot;))/g;

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(webAddress, (address) => `<a href="${address}">${address}</a>`);
}

/** The text with marks, as HTML: paragraphs, headings, bulleted lists, bold, italic and links. */
export function textToHtml(text: string): string {
  const blocks: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => /^\s*[-*] /.test(line))) {
      const items = lines.map((line) => `<li>${inline(line.replace(/^\s*[-*] /, '').trim())}</li>`);
      blocks.push(`<ul>${items.join('')}</ul>`);
    } else if (lines.length === 1 && /^#{1,6} /.test(lines[0] as string)) {
      blocks.push(`<h3>${inline((lines[0] as string).replace(/^#+ /, '').trim())}</h3>`);
    } else {
      blocks.push(`<p>${lines.map((line) => inline(line.trim())).join('<br>')}</p>`);
    }
  }
  return blocks.join('');
}

function marksOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const inner = [...node.childNodes].map(marksOf).join('');
  switch (node.tagName.toLowerCase()) {
    case 'strong':
    case 'b':
      return `**${inner}**`;
    case 'em':
    case 'i':
      return `*${inner}*`;
    case 'br':
      return '\n';
    case 'a': {
      // Back to a bare address, which becomes a link again when saved.
      const href = node.getAttribute('href');
      return href && href !== inner ? `${inner} (${href})` : inner;
    }
    default:
      return inner;
  }
}

/** Back from stored HTML to the text with marks, to edit it again. */
export function htmlToText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blocks: string[] = [];
  for (const node of body.childNodes) {
    if (!(node instanceof Element)) {
      const text = node.textContent?.trim();
      if (text) blocks.push(text);
      continue;
    }
    const tag = node.tagName.toLowerCase();
    if (tag === 'ul' || tag === 'ol') {
      blocks.push([...node.querySelectorAll(':scope > li')].map((li) => `- ${marksOf(li).trim()}`).join('\n'));
    } else if (/^h[1-6]$/.test(tag)) {
      blocks.push(`### ${marksOf(node).trim()}`);
    } else {
      blocks.push(marksOf(node).trim());
    }
  }
  return blocks.filter((block) => block !== '').join('\n\n');
}
