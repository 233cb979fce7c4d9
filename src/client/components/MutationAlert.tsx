import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { ApiError } from '../api/http';
import { useT } from '../i18n/use-t';

interface MutationAlertProps {
  error: unknown;
  /** On a version conflict: replace the form's values with the record as it is now. */
  onReload?: () => void;
}

/** The top message of a failed save; field messages show under their inputs. */
export function MutationAlert({ error, onReload }: MutationAlertProps) {
  const { t } = useT();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('common:errors.unexpected');
  if (error instanceof ApiError && error.isVersionConflict) {
    return (
      <Alert color="orange" variant="light" role="alert" title={t('common:conflict.title')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          {error.changedFields.length > 0 && (
            <Text size="sm">{t('common:conflict.changedFields', { fields: error.changedFields.join(', ') })}</Text>
          )}
          {onReload && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden="true" />}
              onClick={onReload}
            >
              {t('common:conflict.reload')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('common:errors.title')}
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      {message}
    </Alert>
  );
}
