import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { notifyError } from '../../components/notify';
import { usePageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useT } from '../../i18n/use-t';
import { useUnsubscribe, useUnsubscribeStatus } from './api';
import { kindPhrases } from './labels';

/**
 * Where an email's unsubscribe link leads, signed in or not. Opening it changes nothing (mail scanners open links);
 * the button does, for that one kind of reminder.
 */
export function UnsubscribePage() {
  const { t } = useT();
  usePageTitle(t('notifications:unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useUnsubscribeStatus(token);
  const unsubscribe = useUnsubscribe(token);
  const invalid = token === '' || (status.error instanceof ApiError && status.error.status === 400);

  return (
    <Stack gap="md" maw={560}>
      <Title order={1} size="h2">
        {t('notifications:unsubscribe.title')}
      </Title>
      {invalid ? (
        <Alert color="red" variant="light">
          {t('notifications:unsubscribe.invalid')}
        </Alert>
      ) : status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.subscribed ? (
        <>
          <Text>
            {t('notifications:unsubscribe.question', {
              kind: t(kindPhrases[status.data.kind]),
              email: status.data.email,
            })}
          </Text>
          <div>
            <Button
              loading={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate(undefined, { onError: notifyError })}
            >
              {t('notifications:unsubscribe.confirm')}
            </Button>
          </div>
        </>
      ) : (
        <Alert color="green" variant="light" role="status">
          {unsubscribe.isSuccess ? t('notifications:unsubscribe.done') : t('notifications:unsubscribe.already')}
        </Alert>
      )}
    </Stack>
  );
}
