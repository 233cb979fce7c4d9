import bidiFactory from 'bidi-js';

const bidi = bidiFactory();
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export interface Run {
  text: string;
  rtl: boolean;
}

export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/**
 * A line of mixed Arabic and Latin text as runs in visual order (Unicode bidi algorithm, rule L2 applied to runs).
 * Each run stays in logical order: the font engine shapes it and lays right-to-left runs out from the right itself.
 */
export function visualRuns(text: string): { runs: Run[]; rtlBase: boolean } {
  if (!hasRtl(text)) return { runs: [{ text, rtl: false }], rtlBase: false };
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text, 'auto');
  // A bracket in right-to-left text is drawn as its mirror image.
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const level = levels[i] ?? 0;
    const char = mirrored.get(i) ?? (text[i] as string);
    const last = runs.at(-1);
    if (last && last.level === level) last.text += char;
    else runs.push({ text: char, level });
  }
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest);
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    let i = 0;
    while (i < runs.length) {
      if ((runs[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return {
    runs: runs.map((r) => ({ text: r.text, rtl: r.level % 2 === 1 })),
    rtlBase: (paragraphs[0]?.level ?? 0) % 2 === 1,
  };
}
