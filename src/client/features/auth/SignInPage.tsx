import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, fieldError } from '../../api/http';
import { MutationAlert } from '../../components/MutationAlert';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/use-t';
import { type Session, useSession, useSignIn } from '../../session/session';
import { completeTwoFactorLogin, isChallenge, login } from './api';
import { PasswordField } from './PasswordField';

/** Only paths inside the app: `next` must not send a freshly signed-in user to another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The second step: a code from the authenticator app, or one recovery code. */
function SecondStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: string;
  onDone: (session: Session) => void;
  onRestart: () => void;
}) {
  const { t } = useT();
  const [useRecovery, setUseRecovery] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The password form is gone: focus goes to the code (and to the other kind of code after switching).
  useEffect(() => input.current?.focus(), []);
  const [value, setValue] = useState('');
  const mutation = useMutation({ mutationFn: completeTwoFactorLogin, onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      useRecovery ? { challenge, recoveryCode: value.trim() } : { challenge, code: value.replace(/\s+/g, '') },
    );
  };
  const expired = mutation.error instanceof ApiError && mutation.error.code === 'login_challenge_invalid';
  const valueError = expired ? undefined : fieldError(mutation.error, useRecovery ? 'recoveryCode' : 'code');
  const switchMode = () => {
    setUseRecovery((current) => !current);
    setValue('');
    mutation.reset();
    requestAnimationFrame(() => input.current?.focus());
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('auth:secondStep.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {useRecovery ? t('auth:secondStep.recoveryIntro') : t('auth:secondStep.codeIntro')}
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!valueError && <MutationAlert error={mutation.error} />}
          {!expired && (
            <>
              <TextInput
                // A new input for the other kind of code: the browser's one-time-code filling applies to the app's.
                key={useRecovery ? 'recovery' : 'code'}
                label={useRecovery ? t('auth:secondStep.recoveryCode') : t('auth:secondStep.code')}
                value={value}
                onChange={(event) => setValue(event.currentTarget.value)}
                inputMode={useRecovery ? 'text' : 'numeric'}
                autoComplete={useRecovery ? 'off' : 'one-time-code'}
                error={valueError}
                withAsterisk
                ref={input}
              />
              <Button type="submit" fullWidth loading={mutation.isPending}>
                {t('auth:secondStep.submit')}
              </Button>
            </>
          )}
          <Stack gap="xs" align="flex-start">
            {!expired && (
              <Anchor component="button" type="button" size="sm" onClick={switchMode}>
                {useRecovery ? t('auth:secondStep.useCode') : t('auth:secondStep.useRecoveryCode')}
              </Anchor>
            )}
            <Anchor component="button" type="button" size="sm" onClick={onRestart}>
              {t('auth:secondStep.restart')}
            </Anchor>
          </Stack>
        </Stack>
      </form>
    </Stack>
  );
}

export function SignInPage() {
  const { t } = useT();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A password-reset link with two-factor authentication on arrives here with its challenge.
  const [challenge, setChallenge] = useState<string | null>(
    () => (location.state as { challenge?: string } | null)?.challenge ?? null,
  );
  usePageTitle(challenge === null ? t('auth:signIn.title') : t('auth:secondStep.title'));
  const finish = (opened: Session) => {
    signIn(opened);
    navigate(next, { replace: true });
  };
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if (isChallenge(result)) {
        setPassword('');
        setChallenge(result.challenge);
      } else finish(result);
    },
  });

  if (session.status === 'authenticated' && mutation.isIdle && challenge === null)
    return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };

  if (challenge !== null) {
    return (
      <Paper withBorder shadow="sm" radius="md" p="xl">
        <SecondStep
          challenge={challenge}
          onDone={finish}
          onRestart={() => {
            setChallenge(null);
            mutation.reset();
            // A challenge that came with the page (from a reset link) must not come back on reload.
            navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
          }}
        />
      </Paper>
    );
  }

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('auth:signIn.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('auth:signIn.intro')}
          </Text>
        </Stack>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <MutationAlert error={mutation.error} />
            <TextInput
              label={t('auth:fields.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(mutation.error, 'email')}
              withAsterisk
              data-autofocus
            />
            <PasswordField
              label={t('auth:fields.password')}
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              error={fieldError(mutation.error, 'password')}
            />
            <Button type="submit" fullWidth loading={mutation.isPending}>
              {t('auth:signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm" c="dimmed">
          {t('auth:signIn.forgotten')}
        </Text>
      </Stack>
    </Paper>
  );
}
