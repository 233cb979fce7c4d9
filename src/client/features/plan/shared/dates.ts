import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';

/** "12 March 2017 – 30 June 2017", or whichever end is known, or null when neither is. */
export function useDateRange() {
  const { t } = useT();
  const format = useFormat();
  return (start: string | null, end: string | null): string | null => {
    if (start && end) return t('plan:dates.range', { start: format.date(start), end: format.date(end) });
    if (start) return t('plan:dates.from', { start: format.date(start) });
    if (end) return t('plan:dates.until', { end: format.date(end) });
    return null;
  };
}
