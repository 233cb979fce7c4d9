import { Alert, Anchor, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, fieldError } from '../../api/http';
import { AppModal } from '../../components/AppModal';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useReloadSession } from '../../session/session';
import { useDisableTwoFactor, useRegenerateRecoveryCodes, useTwoFactorStatus } from './api';
import { PasswordField } from './PasswordField';
import { RecoveryCodesPanel, TwoFactorSetupFlow } from './TwoFactorSetup';

/** A wrong password is a field problem: shown under the field, not as a banner. */
function passwordError(error: unknown): string | undefined {
  if (error instanceof ApiError && error.code === 'invalid_credentials') return error.message;
  return fieldError(error, 'password');
}

function DisableDialog({ opened, onClose, required }: { opened: boolean; onClose: () => void; required: boolean }) {
  const { t } = useT();
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const close = () => {
    setPassword('');
    setCode('');
    disable.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const factor = useRecovery ? { recoveryCode: code } : { code };
    disable.mutate(
      { password, ...factor },
      {
        onSuccess: () => {
          notifySuccess(t('auth:twoFactor.disabledNotice'));
          close();
        },
      },
    );
  };
  const codeError = fieldError(disable.error, useRecovery ? 'recoveryCode' : 'code');
  const wrongPassword = passwordError(disable.error);
  return (
    <AppModal opened={opened} onClose={close} title={t('auth:twoFactor.disableTitle')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('auth:twoFactor.disableMessage')}</Text>
          {required && (
            <Alert color="orange" variant="light">
              {t('auth:twoFactor.disableRequired')}
            </Alert>
          )}
          {!codeError && !wrongPassword && <MutationAlert error={disable.error} />}
          <PasswordField
            label={t('auth:fields.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={wrongPassword}
          />
          <TextInput
            label={useRecovery ? t('auth:secondStep.recoveryCode') : t('auth:twoFactor.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            error={codeError}
            withAsterisk
          />
          <Group>
            <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery((v) => !v)}>
              {useRecovery ? t('auth:secondStep.useCode') : t('auth:secondStep.useRecoveryCode')}
            </Anchor>
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={disable.isPending}>
              {t('auth:twoFactor.disable')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function RegenerateDialog({
  opened,
  onClose,
  onCodes,
}: {
  opened: boolean;
  onClose: () => void;
  onCodes: (codes: string[]) => void;
}) {
  const { t } = useT();
  const regenerate = useRegenerateRecoveryCodes();
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    regenerate.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    regenerate.mutate(password, {
      onSuccess: (result) => {
        onCodes(result.recoveryCodes);
        close();
      },
    });
  };
  const wrongPassword = passwordError(regenerate.error);
  return (
    <AppModal opened={opened} onClose={close} title={t('auth:twoFactor.regenerateTitle')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('auth:twoFactor.regenerateMessage')}</Text>
          {!wrongPassword && <MutationAlert error={regenerate.error} />}
          <PasswordField
            label={t('auth:fields.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={wrongPassword}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={regenerate.isPending}>
              {t('auth:twoFactor.regenerateSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** The account page's section: set up, see the state, new recovery codes, turn off. */
export function TwoFactorSection() {
  const { t } = useT();
  const format = useFormat();
  const status = useTwoFactorStatus();
  const reloadSession = useReloadSession();
  // Recovery codes on screen (just after enabling or regenerating): they stay until put away.
  const [codes, setCodes] = useState<string[] | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  const [dialog, setDialog] = useState<'disable' | 'regenerate' | null>(null);

  let body: ReactNode;
  if (status.isPending) body = <LoadingState />;
  else if (status.isError) body = <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  else if (!status.data.enabled || settingUp) {
    body = (
      <TwoFactorSetupFlow
        onEnabled={() => setSettingUp(true)}
        onFinished={() => {
          setSettingUp(false);
          notifySuccess(t('auth:twoFactor.enabledNotice'));
          void reloadSession();
        }}
      />
    );
  } else {
    const { data } = status;
    body = (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="green" variant="light">
            {t('auth:twoFactor.on')}
          </Badge>
          {data.enabledAt && (
            <Text size="sm">{t('auth:twoFactor.enabledSince', { date: format.date(data.enabledAt) })}</Text>
          )}
        </Group>
        {data.required && <Text size="sm">{t('auth:twoFactor.required')}</Text>}
        <Text size="sm" c={data.recoveryCodesRemaining <= 2 ? 'orange.9' : undefined}>
          {t('auth:twoFactor.recoveryRemaining', { count: data.recoveryCodesRemaining })}
        </Text>
        {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}
        <Group gap="sm">
          <Button variant="default" onClick={() => setDialog('regenerate')}>
            {t('auth:twoFactor.regenerate')}
          </Button>
          <Button variant="default" color="red" onClick={() => setDialog('disable')}>
            {t('auth:twoFactor.disable')}
          </Button>
        </Group>
        <RegenerateDialog opened={dialog === 'regenerate'} onClose={() => setDialog(null)} onCodes={setCodes} />
        <DisableDialog opened={dialog === 'disable'} onClose={() => setDialog(null)} required={data.required} />
      </Stack>
    );
  }

  return (
    <Section
      title={t('auth:twoFactor.title')}
      description={t('auth:twoFactor.description')}
      actions={
        status.data && !status.data.enabled && !settingUp ? (
          <Badge color="gray" variant="light">
            {t('auth:twoFactor.off')}
          </Badge>
        ) : undefined
      }
    >
      {body}
    </Section>
  );
}
