import { describe, expect, it } from 'vitest';
import { textToHtml } from './rich-text';

describe('minutes written as text with marks', () => {
  it('escapes every character typed, so that markup stays text', () => {
    const html = textToHtml('<img src=x onerror=alert(1)> & <script>alert(2)</script>');
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;</p>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('makes paragraphs, line breaks, lists, headings, bold and italic', () => {
    const html = textToHtml('### Décisions\n\nPremier point\nsuite\n\n- **UNICEF** invité\n- *OIM* excusée');
    expect(html).toBe(
      '<h3>Décisions</h3><p>Premier point<br>suite</p><ul><li><strong>UNICEF</strong> invité</li><li><em>OIM</em> excusée</li></ul>',
    );
  });

  it('keeps quotes in text from closing an attribute', () => {
    expect(textToHtml('"a" **"b"**')).toBe('<p>&quot;a&quot; <strong>&quot;b&quot;</strong></p>');
  });

  it('links web addresses, leaving out the punctuation after them', () => {
    expect(textToHtml('Rapport : https://www.defensordelpueblo.es/informe?a=1&b=2.')).toBe(
      '<p>Rapport : <a href="https://www.defensordelpueblo.es/informe?a=1&amp;b=2">https://www.defensordelpueblo.es/informe?a=1&amp;b=2</a>.</p>',
    );
    expect(textToHtml('(voir http://x.org) javascript:alert(1)')).toBe(
      '<p>(voir <a href="http://x.org">http://x.org</a>) javascript:alert(1)</p>',
    );
  });

  it('writes nothing for blank text', () => {
    expect(textToHtml('  \n\n \n')).toBe('');
  });
});
