import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { fieldError } from '../../api/http';
import { MutationAlert } from '../../components/MutationAlert';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/use-t';
import { useSession, useSignIn } from '../../session/session';
import { login } from './api';
import { PasswordField } from './PasswordField';

/** Only paths inside the app: `next` must not send a freshly signed-in user to another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useT();
  usePageTitle(t('auth:signIn.title'));
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      signIn(result);
      navigate(next, { replace: true });
    },
  });

  if (session.status === 'authenticated' && mutation.isIdle) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };

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
