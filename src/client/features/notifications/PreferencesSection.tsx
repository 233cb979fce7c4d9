import { Alert, Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { notificationKinds, notificationModes } from '../../../shared/contract/notifications';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/use-t';
import {
  type NotificationKind,
  type NotificationMode,
  type NotificationPreferences,
  usePreferences,
  useUpdatePreferences,
} from './api';
import { kindLabels, modeLabels } from './labels';

function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { t } = useT();
  const update = useUpdatePreferences();
  const [modes, setModes] = useState(preferences.modes);
  useEffect(() => setModes(preferences.modes), [preferences]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: another tab's change of another kind stays.
    const changed = Object.fromEntries(
      notificationKinds.filter((kind) => modes[kind] !== preferences.modes[kind]).map((kind) => [kind, modes[kind]]),
    ) as Partial<Record<NotificationKind, NotificationMode>>;
    update.mutate(changed, { onSuccess: () => notifySuccess(t('notifications:preferences.saved')) });
  };
  const options = notificationModes.map((mode) => ({ value: mode, label: t(modeLabels[mode]) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <MutationAlert error={update.error} onReload={() => update.reset()} />
        {!preferences.emailEnabled && (
          <Alert color="gray" variant="light">
            {t('notifications:preferences.emailOff')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {notificationKinds.map((kind) => (
            <Select
              key={kind}
              label={t(kindLabels[kind])}
              data={options}
              value={modes[kind]}
              allowDeselect={false}
              onChange={(value) => value && setModes((m) => ({ ...m, [kind]: value as NotificationMode }))}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('notifications:preferences.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** How the person hears of each kind of reminder. */
export function PreferencesSection() {
  const { t } = useT();
  const preferences = usePreferences();
  return (
    <Section title={t('notifications:preferences.title')} description={t('notifications:preferences.description')}>
      {preferences.isPending ? (
        <LoadingState />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <PreferencesForm preferences={preferences.data} />
      )}
    </Section>
  );
}
