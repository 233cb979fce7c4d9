import { useMemo } from 'react';
import { useFormat } from './format';
import { useT } from './use-t';

/** Languages a contact point may work in: those of the network's member countries and the working languages. */
const spokenLanguageCodes =
  'fr en ar es it el pt sq mk sr hr bs sl mt tr ca de nl he ber prs ps ti so fa ur uk ru ro bg'.split(' ');

/** Options for a language picker, sorted by name; `extra` keeps codes already stored on a record. */
export function useSpokenLanguageOptions(extra: readonly string[] = []): { value: string; label: string }[] {
  const { i18n } = useT();
  const format = useFormat();
  const extraKey = extra.join(',');
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const codes = new Set<string>([...spokenLanguageCodes, ...extraKey.split(',').filter(Boolean)]);
    return [...codes]
      .map((code) => ({ value: code, label: format.language(code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [format, i18n.language, extraKey]);
}
