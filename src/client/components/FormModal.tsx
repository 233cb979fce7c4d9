import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { AppModal } from './AppModal';
import { MutationAlert } from './MutationAlert';

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  onReload?: () => void;
  submitLabel?: string;
  size?: string;
  children: ReactNode;
}

/** A modal form: the server validates, so inputs show its field messages and the alert its top message. */
export function FormModal(props: FormModalProps) {
  const { t } = useT();
  const { opened, onClose, title, onSubmit, submitting, error, onReload, submitLabel, size, children } = props;
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed save, bring the problem into view: the first invalid input, else the message at the top.
  useEffect(() => {
    if (!error) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else form?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size ?? 'lg'}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <MutationAlert error={error} onReload={onReload} />
          {children}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel ?? t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
