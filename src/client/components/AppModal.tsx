import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface AppModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  children: ReactNode;
}

/**
 * Mantine's modal, assembled so that its close button has a translated name and its header is not taken for a
 * second page banner (a `<header>` inside a dialog is one for assistive technologies).
 */
export function AppModal({ opened, onClose, title, size = 'lg', children }: AppModalProps) {
  const { t } = useT();
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header role="none">
          <Modal.Title fw={700}>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common:actions.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
