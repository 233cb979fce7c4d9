import { Alert, Box, Button, CopyButton, Group, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconShieldLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../api/http';
import { CopyableValue } from '../../components/CopyableValue';
import { MutationAlert } from '../../components/MutationAlert';
import { useT } from '../../i18n/use-t';
import { useCurrentUser } from '../../session/session';
import { type TwoFactorSetup as Setup, useEnableTwoFactor, useStartTwoFactorSetup } from './api';

/** Saves the codes as a text file, named so that it is found again. */
function downloadCodes(codes: string[], header: string): void {
  const url = URL.createObjectURL(
    new Blob([`${header}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = 'vigie-recovery-codes.txt';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Recovery codes, shown once: copy, download, and a clear "I have saved them" before moving on. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useT();
  const user = useCurrentUser();
  return (
    <Alert
      color="teal"
      variant="light"
      title={t('auth:twoFactor.codesTitle')}
      icon={<IconShieldLock aria-hidden="true" />}
    >
      <Stack gap="sm">
        <Text size="sm">{t('auth:twoFactor.codesWarning')}</Text>
        {/* Codes read left to right in every language. */}
        <List
          aria-label={t('auth:twoFactor.codesLabel')}
          listStyleType="none"
          dir="ltr"
          style={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', columnGap: '2rem' }}
          ff="monospace"
          fz="md"
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group gap="sm">
          <CopyButton value={codes.join('\n')} timeout={3000}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="xs"
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />
                }
              >
                {copied ? t('auth:twoFactor.codesCopied') : t('auth:twoFactor.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            onClick={() => downloadCodes(codes, t('auth:twoFactor.codesFile', { email: user.email }))}
          >
            {t('auth:twoFactor.downloadCodes')}
          </Button>
        </Group>
        <Group>
          <Button onClick={onDone}>{t('auth:twoFactor.codesSaved')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Step 1 (scan or type the key) and step 2 (the first code), for a secret just issued. */
function ConfirmSetup({ setup, onEnabled }: { setup: Setup; onEnabled: (codes: string[]) => void }) {
  const { t } = useT();
  const enable = useEnableTwoFactor();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate(code, { onSuccess: (result) => onEnabled(result.recoveryCodes) });
  };
  const codeError = fieldError(enable.error, 'code');
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('auth:twoFactor.scanTitle')}
        </Title>
        <Box bg="white" p={4} w="fit-content" style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
          <Image src={setup.qrCode} alt={t('auth:twoFactor.qrAlt')} w={192} h={192} />
        </Box>
        <Box maw={420}>
          <CopyableValue
            label={t('auth:twoFactor.secret')}
            description={t('auth:twoFactor.manualHint')}
            value={setup.secret}
          />
        </Box>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('auth:twoFactor.confirmTitle')}
          </Title>
          {!codeError && <MutationAlert error={enable.error} />}
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('auth:twoFactor.code')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              error={codeError}
              withAsterisk
              w={200}
            />
            <Button type="submit" loading={enable.isPending}>
              {t('auth:twoFactor.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * Setting up an authenticator: a button issues a secret (never automatically, so that two secrets cannot race),
 * then the QR code and the key, the first code, and the recovery codes shown once. `onEnabled` says the second
 * factor is on (codes still on screen); `onFinished` that the person has put the codes away.
 */
export function TwoFactorSetupFlow({ onEnabled, onFinished }: { onEnabled?: () => void; onFinished: () => void }) {
  const { t } = useT();
  const start = useStartTwoFactorSetup();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onFinished} />;
  if (start.data) {
    return (
      <ConfirmSetup
        setup={start.data}
        onEnabled={(issued) => {
          setCodes(issued);
          onEnabled?.();
        }}
      />
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      <MutationAlert error={start.error} />
      <Button
        onClick={() => start.mutate()}
        loading={start.isPending}
        leftSection={<IconShieldLock size={16} aria-hidden="true" />}
      >
        {t('auth:twoFactor.start')}
      </Button>
    </Stack>
  );
}
