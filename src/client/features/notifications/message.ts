import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import type { Notification } from './api';
import { messageLabels } from './labels';

/** A notification's sentence in the interface language, its dates written the language's way. */
export function useNotificationText() {
  const { t } = useT();
  const format = useFormat();
  return (notification: Pick<Notification, 'kind' | 'params'>) => {
    const params: Record<string, string | number> = { ...notification.params };
    for (const key of ['date', 'since']) {
      const value = params[key];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) params[key] = format.date(value);
    }
    return t(messageLabels[notification.kind], params);
  };
}
