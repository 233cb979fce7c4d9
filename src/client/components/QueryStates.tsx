import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/http';
import { useT } from '../i18n/use-t';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label ?? t('common:states.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load: the server's message (already translated) and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  const notFound = error instanceof ApiError && error.status === 404;
  const message = error instanceof Error ? error.message : t('common:errors.unexpected');
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={notFound ? t('common:states.notFoundTitle') : t('common:states.errorTitle')}
      my="md"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && !notFound && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={onRetry}
          >
            {t('common:actions.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

interface EmptyMessageProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

export function EmptyMessage({ title, description, action }: EmptyMessageProps) {
  return (
    <EmptyState
      my="xl"
      icon={<IconInbox aria-hidden="true" />}
      title={title}
      description={description}
      withIndicatorBackground
    >
      {action !== undefined && (
        <Group justify="center" mt="sm">
          {action}
        </Group>
      )}
    </EmptyState>
  );
}
