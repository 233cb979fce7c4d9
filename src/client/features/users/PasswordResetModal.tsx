import { Button, Group, Stack, Text } from '@mantine/core';
import type { User } from '../../../shared/contract/users';
import { AppModal } from '../../components/AppModal';
import { MutationAlert } from '../../components/MutationAlert';
import { useT } from '../../i18n/use-t';
import { usePasswordResetLink } from './api';
import { OneTimeLinkNotice } from './UserFormModal';

/**
 * Creates a password reset link for someone who lost theirs, to pass on to them directly. For someone who has not
 * accepted their invitation yet, the server issues a new invitation link instead (the old one stops working).
 */
export function PasswordResetModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useT();
  const reset = usePasswordResetLink(user.id);
  const invited = user.status === 'invited';
  const title = invited ? t('users:reinvite.title', { name: user.name }) : t('users:reset.title', { name: user.name });
  return (
    <AppModal opened onClose={onClose} title={title} size="md">
      {reset.data ? (
        <OneTimeLinkNotice link={reset.data} intro={t('users:reset.doneIntro', { name: user.name })} />
      ) : (
        <Stack gap="md">
          <MutationAlert error={reset.error} />
          <Text>
            {invited
              ? t('users:reinvite.explanation', { name: user.name })
              : t('users:reset.explanation', { name: user.name })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={() => reset.mutate()} loading={reset.isPending}>
              {t('users:reset.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
