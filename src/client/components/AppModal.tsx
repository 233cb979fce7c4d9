import { Modal, type ModalProps } from '@mantine/core';
import { useT } from '../i18n/use-t';

/** Mantine's modal with a translated name on its close button. */
export function AppModal(props: ModalProps) {
  const { t } = useT();
  return <Modal size="lg" {...props} closeButtonProps={{ 'aria-label': t('common:actions.close') }} />;
}
