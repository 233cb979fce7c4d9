import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type Role, roles } from '../../../shared/roles';
import { fieldError } from '../../api/http';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useCurrentUser, useSession } from '../../session/session';
import { type SecuritySettings, useSecuritySettings, useUpdateSecuritySettings } from './api';

const roleLabels = {
  administrator: 'users:roles.administrator',
  coordinator: 'users:roles.coordinator',
  contact_point: 'users:roles.contact_point',
  staff: 'users:roles.staff',
  partner: 'users:roles.partner',
} as const satisfies Record<Role, string>;

function TwoFactorRolesForm({ settings }: { settings: SecuritySettings }) {
  const { t } = useT();
  const format = useFormat();
  const user = useCurrentUser();
  const session = useSession();
  const update = useUpdateSecuritySettings();
  const [required, setRequired] = useState<string[]>(settings.requireTwoFactorFor);
  // After a conflict the current settings arrive: show them, so the next save starts from them.
  useEffect(() => setRequired(settings.requireTwoFactorFor), [settings]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { requireTwoFactorFor: roles.filter((role) => required.includes(role)), version: settings.version },
      { onSuccess: () => notifySuccess(t('settings:security.saved')) },
    );
  };
  // Saving would hold the administrator back at once: say so before.
  const holdsMeBack =
    required.includes(user.role) && session.status === 'authenticated' && session.twoFactor?.enabled === false;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <MutationAlert error={update.error} onReload={() => update.reset()} />
        <Checkbox.Group
          label={t('settings:security.rolesLabel')}
          value={required}
          onChange={setRequired}
          error={fieldError(update.error, 'requireTwoFactorFor')}
        >
          <Stack gap={6} mt={6}>
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={t(roleLabels[role])} />
            ))}
          </Stack>
        </Checkbox.Group>
        {holdsMeBack && (
          <Alert color="orange" variant="light">
            {t('settings:security.ownRoleWarning')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('settings:security.updatedAt', { date: format.dateTime(settings.updatedAt) })}
        </Text>
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Administration › Security: the roles that must use two-factor authentication. */
export function SecuritySettingsPage() {
  const { t } = useT();
  const settings = useSecuritySettings();
  return (
    <>
      <PageHeader title={t('settings:security.title')} description={t('settings:security.intro')} />
      <Stack gap="lg" maw={720}>
        <Section
          title={t('settings:security.twoFactorTitle')}
          description={t('settings:security.twoFactorDescription')}
        >
          {settings.isPending ? (
            <LoadingState />
          ) : settings.isError ? (
            <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
          ) : (
            <TwoFactorRolesForm settings={settings.data} />
          )}
        </Section>
      </Stack>
    </>
  );
}
