import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SearchSnippet } from '../../../shared/contract/search';
import classes from './Search.module.css';

/**
 * Text with the matched words marked: the server sends text and ranges, never HTML, and each piece becomes a text
 * node or a `<mark>` here, so a record's text can never turn into markup.
 */
export function Marked({ text, highlights }: { text: string; highlights: SearchSnippet['highlights'] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const ranges = [...highlights]
    .filter((h) => h.start >= 0 && h.end <= text.length && h.start < h.end)
    .sort((a, b) => a.start - b.start);
  for (const range of ranges) {
    if (range.start < at) continue;
    if (range.start > at) parts.push(text.slice(at, range.start));
    parts.push(
      <mark key={range.start} className={classes.mark}>
        {text.slice(range.start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A result's excerpt, with its matched words marked. */
export function Snippet({ snippet }: { snippet: SearchSnippet }) {
  if (snippet.text === '') return null;
  return (
    <Text size="sm" dir="auto" className={classes.snippet}>
      <Marked text={snippet.text} highlights={snippet.highlights} />
    </Text>
  );
}
