import { Alert, NativeSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../../../shared/contract/users';
import { type InterfaceLanguage, interfaceLanguages } from '../../../shared/languages';
import { institutionRoles, type Role, roles } from '../../../shared/roles';
import { fieldError } from '../../api/http';
import { AppModal } from '../../components/AppModal';
import { CopyableValue } from '../../components/CopyableValue';
import { FormModal } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useT } from '../../i18n/use-t';
import { useCan, useCurrentUser } from '../../session/session';
import { type OneTimeLink, type UserCreated, useCreateUser, useOrganisationOptions, useUpdateUser } from './api';
import { roleDescriptions, roleLabels, statusLabels } from './labels';

interface Values {
  email: string;
  name: string;
  role: Role;
  institutionId: string | null;
  partnerId: string | null;
  language: InterfaceLanguage;
  status: 'active' | 'disabled';
}

/**
 * Administrators manage everyone; contact points only people of their own institution, with its roles. The form
 * offers what fits the signed-in user's scope; the server enforces it.
 */
function useScope() {
  const me = useCurrentUser();
  const managesEveryone = useCan('manage:user:any');
  return {
    roles: managesEveryone ? roles : institutionRoles,
    fixedInstitutionId: managesEveryone ? null : me.institutionId,
  };
}

function OrganisationFields({
  values,
  set,
  error,
}: {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const scope = useScope();
  const options = useOrganisationOptions();
  if (values.role === 'partner') {
    return (
      <Select
        label={t('users:fields.partner')}
        data={options.partners}
        value={values.partnerId}
        onChange={(v) => set('partnerId', v)}
        searchable
        nothingFoundMessage={t('common:filters.noMatch')}
        error={error('partnerId')}
        withAsterisk
      />
    );
  }
  return (
    <Select
      label={t('users:fields.institution')}
      description={institutionRoles.includes(values.role) ? undefined : t('users:fields.institutionOptional')}
      data={options.institutions}
      value={values.institutionId}
      onChange={(v) => set('institutionId', v)}
      searchable
      clearable={!institutionRoles.includes(values.role)}
      clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
      disabled={scope.fixedInstitutionId !== null}
      nothingFoundMessage={t('common:filters.noMatch')}
      error={error('institutionId')}
      withAsterisk={institutionRoles.includes(values.role)}
    />
  );
}

function CommonFields({
  values,
  set,
  error,
}: {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const scope = useScope();
  return (
    <>
      <TextInput
        label={t('users:fields.name')}
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={error('name')}
        withAsterisk
      />
      <NativeSelect
        label={t('users:fields.role')}
        description={t(roleDescriptions[values.role])}
        value={values.role}
        onChange={(e) => set('role', e.currentTarget.value as Role)}
        data={entriesOf(roleLabels)
          .filter(([role]) => scope.roles.includes(role))
          .map(([value, key]) => ({ value, label: t(key) }))}
        error={error('role')}
      />
      <OrganisationFields values={values} set={set} error={error} />
      <NativeSelect
        label={t('users:fields.language')}
        value={values.language}
        onChange={(e) => set('language', e.currentTarget.value as InterfaceLanguage)}
        data={interfaceLanguages.map((l) => ({ value: l.code, label: l.nativeName }))}
        error={error('language')}
      />
    </>
  );
}

/** The organisation fields that apply to the chosen role; the other is cleared. */
function organisation(values: Values) {
  return values.role === 'partner'
    ? { partnerId: values.partnerId, institutionId: null }
    : { institutionId: values.institutionId, partnerId: null };
}

/** A one-time link to hand over by hand until Vigie sends email. */
export function OneTimeLinkNotice({ link, intro }: { link: OneTimeLink; intro: string }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Text>{intro}</Text>
      <Alert color="blue" variant="light" title={t('users:links.noEmailTitle')}>
        {t('users:links.noEmail')}
      </Alert>
      <CopyableValue
        label={t('users:links.link')}
        value={link.url}
        description={t('users:links.expires', { date: format.dateTime(link.expiresAt) })}
      />
    </Stack>
  );
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useT();
  const scope = useScope();
  const create = useCreateUser();
  const initial = (): Values => ({
    email: '',
    name: '',
    role: scope.roles.includes('staff') ? 'staff' : (scope.roles[0] ?? 'staff'),
    institutionId: scope.fixedInstitutionId,
    partnerId: null,
    language: 'fr',
    status: 'active',
  });
  const [values, setValues] = useState(initial);
  const [created, setCreated] = useState<UserCreated | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => fieldError(create.error, name);

  const close = () => {
    setValues(initial());
    setCreated(null);
    create.reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      {
        email: values.email.trim(),
        name: values.name,
        role: values.role,
        language: values.language,
        ...organisation(values),
      },
      { onSuccess: setCreated },
    );

  if (created) {
    return (
      <AppModal opened={opened} onClose={close} title={t('users:create.doneTitle')}>
        <OneTimeLinkNotice
          link={created.invitation}
          intro={t('users:create.doneIntro', { name: created.user.name, email: created.user.email })}
        />
      </AppModal>
    );
  }
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('users:create.title')}
      submitLabel={t('users:create.submit')}
      onSubmit={submit}
      submitting={create.isPending}
      error={create.error}
    >
      <TextInput
        type="email"
        label={t('users:fields.email')}
        autoComplete="off"
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={error('email')}
        withAsterisk
      />
      <CommonFields values={values} set={set} error={error} />
    </FormModal>
  );
}

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateUser(user.id);
  const [values, setValues] = useState<Values>({
    email: user.email,
    name: user.name,
    role: user.role,
    institutionId: user.institutionId,
    partnerId: user.partnerId,
    language: user.language,
    status: user.status === 'disabled' ? 'disabled' : 'active',
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => fieldError(update.error, name);

  const submit = () =>
    update.mutate(
      {
        name: values.name,
        role: values.role,
        language: values.language,
        version: user.version,
        ...organisation(values),
        // An invitation not yet accepted keeps its status until the person signs in.
        ...(user.status === 'invited' ? {} : { status: values.status }),
      },
      {
        onSuccess: () => {
          notifySuccess(t('common:notices.saved'));
          onClose();
        },
      },
    );

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('users:edit.title', { name: user.name })}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={onClose}
    >
      <TextInput label={t('users:fields.email')} value={user.email} readOnly />
      <CommonFields values={values} set={set} error={error} />
      {user.status !== 'invited' && (
        <SimpleGrid cols={1}>
          <NativeSelect
            label={t('users:fields.status')}
            description={t('users:fields.statusHint')}
            value={values.status}
            onChange={(e) => set('status', e.currentTarget.value as Values['status'])}
            data={[
              { value: 'active', label: t(statusLabels.active) },
              { value: 'disabled', label: t(statusLabels.disabled) },
            ]}
            error={error('status')}
          />
        </SimpleGrid>
      )}
    </FormModal>
  );
}
