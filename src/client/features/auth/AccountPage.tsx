import { Anchor, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type InterfaceLanguage, interfaceLanguages } from '../../../shared/languages';
import { ApiError, fieldError } from '../../api/http';
import { DetailList } from '../../components/DetailList';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/use-t';
import { useCurrentUser, useUpdateMe } from '../../session/session';
import { ApiTokensSection } from './ApiTokensSection';
import { useChangePassword } from './api';
import { PasswordField } from './PasswordField';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

function ProfileForm() {
  const { t } = useT();
  const user = useCurrentUser();
  const update = useUpdateMe();
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<InterfaceLanguage>(user.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name, language }, { onSuccess: () => notifySuccess(t('auth:account.profileSaved')) });
  };
  const reload = () => {
    setName(user.name);
    setLanguage(user.language);
    update.reset();
  };

  return (
    <Section title={t('auth:account.profileTitle')}>
      <DetailList
        items={[
          { label: t('auth:fields.email'), value: user.email },
          ...(user.institutionName ? [{ label: t('auth:account.institution'), value: user.institutionName }] : []),
          ...(user.partnerName ? [{ label: t('auth:account.partner'), value: user.partnerName }] : []),
        ]}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <MutationAlert error={update.error} onReload={reload} />
          <TextInput
            label={t('auth:fields.name')}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(update.error, 'name')}
            withAsterisk
          />
          <NativeSelect
            label={t('auth:account.language')}
            description={t('auth:account.languageHint')}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value as InterfaceLanguage)}
            data={interfaceLanguages.map((l) => ({ value: l.code, label: l.nativeName }))}
            error={fieldError(update.error, 'language')}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function PasswordForm() {
  const { t } = useT();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differs = newPassword !== confirmation;
    setMismatch(differs);
    if (differs) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirmation('');
          notifySuccess(t('auth:account.passwordChanged'));
        },
      },
    );
  };
  // A wrong current password is a field problem, not a page-level one.
  const wrongCurrent =
    change.error instanceof ApiError && change.error.code === 'invalid_credentials' ? change.error.message : undefined;

  return (
    <Section title={t('auth:account.passwordTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!wrongCurrent && <MutationAlert error={change.error} />}
          <PasswordField
            label={t('auth:fields.currentPassword')}
            value={currentPassword}
            onChange={setCurrentPassword}
            autoComplete="current-password"
            error={wrongCurrent ?? fieldError(change.error, 'currentPassword')}
          />
          <PasswordField
            label={t('auth:fields.newPassword')}
            description={t('auth:password.hint')}
            value={newPassword}
            onChange={setNewPassword}
            autoComplete="new-password"
            error={fieldError(change.error, 'newPassword')}
          />
          <PasswordField
            label={t('auth:fields.confirmPassword')}
            value={confirmation}
            onChange={setConfirmation}
            autoComplete="new-password"
            error={mismatch ? t('auth:password.mismatch') : undefined}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('auth:account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

export function AccountPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('auth:account.title')} />
      <Stack gap="lg" maw={820}>
        <ProfileForm />
        <PasswordForm />
        <TwoFactorSection />
        <SessionsSection />
        <ApiTokensSection />
        <Section title={t('notifications:account.title')} description={t('notifications:account.description')}>
          <Anchor component={Link} to="/notifications#preferences">
            {t('notifications:account.link')}
          </Anchor>
        </Section>
      </Stack>
    </>
  );
}
