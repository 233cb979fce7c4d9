import { useMemo } from 'react';
import { useT } from './use-t';

function displayNames(language: string, type: 'region' | 'language') {
  const names = new Intl.DisplayNames([language], { type, fallback: 'code' });
  return (code: string): string => {
    try {
      return names.of(code) ?? code;
    } catch {
      // A malformed code from old data: show it as stored rather than failing the page.
      return code;
    }
  };
}

/** Dates, numbers, country and language names in the interface language, all through `Intl`. */
export function useFormat() {
  const { i18n } = useT();
  const language = i18n.language;
  return useMemo(() => {
    // Calendar dates (YYYY-MM-DD) have no time zone: format them as UTC so they never shift by a day.
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const numberFormat = new Intl.NumberFormat(language);
    const percentFormat = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const listFormat = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    return {
      date: (iso: string) => dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
      dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
      number: (value: number) => numberFormat.format(value),
      /** A ratio (0.4) as a percentage in the interface language ("40 %", "٤٠٪"). */
      percent: (ratio: number) => percentFormat.format(ratio),
      /** Names joined the way the language does ("HCR et OIM", "UNHCR and IOM", "UNHCR و IOM"). */
      list: (items: string[]) => listFormat.format(items),
      /** An amount (a decimal string, as the API sends money) in an ISO 4217 currency. */
      money: (amount: string, currency: string) => {
        try {
          return new Intl.NumberFormat(language, { style: 'currency', currency }).format(Number(amount));
        } catch {
          return `${numberFormat.format(Number(amount))} ${currency}`;
        }
      },
      country: displayNames(language, 'region'),
      language: displayNames(language, 'language'),
    };
  }, [language]);
}

/** Today as a calendar date (YYYY-MM-DD) in the user's own time zone. */
export function today(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
