import { notifications } from '@mantine/notifications';
import i18n from '../i18n/i18n';

export function notifySuccess(message: string): void {
  notifications.show({
    color: 'teal',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
  });
}

export function notifyWarning(message: string): void {
  notifications.show({
    color: 'orange',
    message,
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
  });
}

/** Shows a failed action's message (the server's, already translated) where forms have no room for it. */
export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: i18n.t('common:errors.title'),
    message: error instanceof Error ? error.message : i18n.t('common:errors.unexpected'),
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
  });
}
