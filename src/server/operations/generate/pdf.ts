/**
 * A one-page PDF holding a few lines of text (Helvetica, WinAnsi), small enough to generate by the thousand
 * without pdfkit's cost: the generated library needs real, openable files, not typography.
 */
export function simplePdf(lines: string[]): Uint8Array {
  // WinAnsi covers French; anything outside it (and the string delimiters) is replaced or escaped.
  const encode = (text: string) =>
    [...text]
      .map((c) => {
        const code = c.codePointAt(0) ?? 63;
        if (c === '(' || c === ')' || c === '\\') return `\\${c}`;
        if (c === '’') return "'";
        if (code < 32 || code > 255) return '?';
        return code > 126 ? `\\${code.toString(8).padStart(3, '0')}` : c;
      })
      .join('');
  const stream = [
    'BT',
    '/F1 11 Tf',
    '14 TL',
    '56 780 Td',
    ...lines.flatMap((line) => wrap(line, 90).map((part) => `(${encode(part)}) Tj T*`)),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function wrap(text: string, width: number): string[] {
  const parts: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      parts.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) parts.push(line);
  return parts;
}
