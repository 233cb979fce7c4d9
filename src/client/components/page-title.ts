import { useEffect } from 'react';
import { useT } from '../i18n/use-t';

/** Sets `document.title` to "<page> · Vigie", so tabs, history and screen readers name the page. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useT();
  const appName = t('common:app.name');
  useEffect(() => {
    document.title = title ? t('common:app.pageTitle', { page: title, app: appName }) : appName;
  }, [title, appName, t]);
}
