import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { fieldError } from '../../api/http';
import { MutationAlert } from '../../components/MutationAlert';
import { usePageTitle } from '../../components/page-title';
import { LoadingState } from '../../components/QueryStates';
import { currentLanguage } from '../../i18n/language';
import { useT } from '../../i18n/use-t';
import { type Session, useSignIn, useUpdateMe } from '../../session/session';
import {
  acceptInvitation,
  checkToken,
  completeSetup,
  isChallenge,
  type LoginResult,
  type OneTimePurpose,
  resetPassword,
  type TokenInfo,
} from './api';
import { PasswordField } from './PasswordField';

const titles = {
  setup: 'auth:setup.title',
  invitation: 'auth:invitation.title',
  password_reset: 'auth:reset.title',
} as const satisfies Record<OneTimePurpose, string>;

const intros = {
  setup: 'auth:setup.intro',
  invitation: 'auth:invitation.intro',
  password_reset: 'auth:reset.intro',
} as const satisfies Record<OneTimePurpose, string>;

const submitLabels = {
  setup: 'auth:setup.submit',
  invitation: 'auth:invitation.submit',
  password_reset: 'auth:reset.submit',
} as const satisfies Record<OneTimePurpose, string>;

/** The token travels in the URL fragment, which browsers never send to a server or in a Referer. */
function tokenFromFragment(hash: string): string | null {
  return new URLSearchParams(hash.slice(1)).get('token');
}

interface FormProps {
  purpose: OneTimePurpose;
  token: string;
  info: TokenInfo;
  onDone: (result: LoginResult) => void;
}

function OneTimeLinkForm({ purpose, token, info, onDone }: FormProps) {
  const { t } = useT();
  const [email, setEmail] = useState(info.email ?? '');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({
    mutationFn: (): Promise<LoginResult> => {
      if (purpose === 'setup') return completeSetup({ token, email: email.trim(), name, password });
      if (purpose === 'invitation') return acceptInvitation({ token, password, ...(name.trim() ? { name } : {}) });
      return resetPassword({ token, password });
    },
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differs = password !== confirmation;
    setMismatch(differs);
    if (!differs) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <MutationAlert error={mutation.error} />
        {purpose === 'setup' ? (
          <TextInput
            label={t('auth:fields.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(mutation.error, 'email')}
            withAsterisk
          />
        ) : (
          info.email && <TextInput label={t('auth:fields.email')} value={info.email} readOnly autoComplete="username" />
        )}
        {purpose !== 'password_reset' && (
          <TextInput
            label={t('auth:fields.name')}
            description={purpose === 'invitation' ? t('auth:invitation.nameHint') : undefined}
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(mutation.error, 'name')}
            withAsterisk={purpose === 'setup'}
          />
        )}
        <PasswordField
          label={t('auth:fields.newPassword')}
          description={t('auth:password.hint')}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          error={fieldError(mutation.error, 'password')}
        />
        <PasswordField
          label={t('auth:fields.confirmPassword')}
          value={confirmation}
          onChange={setConfirmation}
          autoComplete="new-password"
          error={mismatch ? t('auth:password.mismatch') : undefined}
        />
        <Button type="submit" fullWidth loading={mutation.isPending}>
          {t(submitLabels[purpose])}
        </Button>
      </Stack>
    </form>
  );
}

function InvalidLink() {
  const { t } = useT();
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" role="alert" title={t('auth:link.invalidTitle')}>
        {t('auth:link.invalidDescription')}
      </Alert>
      <Anchor component={Link} to="/sign-in">
        {t('auth:link.toSignIn')}
      </Anchor>
    </Stack>
  );
}

function OneTimeLinkPage({ purpose }: { purpose: OneTimePurpose }) {
  const { t, i18n } = useT();
  usePageTitle(t(titles[purpose]));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const updateMe = useUpdateMe();
  // Read from the router: pasting another link in the same tab only changes the fragment, without a reload.
  const token = tokenFromFragment(useLocation().hash);
  // Once used, the link is spent: it must not be checked again while the app moves on.
  const [used, setUsed] = useState(false);
  const check = useQuery({
    queryKey: ['auth', 'one-time-link', token],
    queryFn: () => checkToken(token ?? ''),
    enabled: token !== null && !used,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const done = (result: LoginResult) => {
    setUsed(true);
    // With two-factor authentication on, the link leads to the second step of signing in.
    if (isChallenge(result)) {
      navigate('/sign-in', { replace: true, state: { challenge: result.challenge } });
      return;
    }
    const session: Session = result;
    // Setting up has no language field: the first administrator keeps the language they set up in.
    const keepLanguage = purpose === 'setup' && session.user.language !== i18n.language;
    signIn(session, { keepLanguage });
    if (keepLanguage) updateMe.mutate({ language: currentLanguage(i18n.language) });
    navigate('/', { replace: true });
  };

  let body: ReactNode;
  if (token === null || check.isError || (check.data && check.data.purpose !== purpose)) body = <InvalidLink />;
  else if (check.isPending) body = <LoadingState label={t('auth:link.checking')} />;
  else body = <OneTimeLinkForm key={token} purpose={purpose} token={token} info={check.data} onDone={done} />;

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t(titles[purpose])}
          </Title>
          <Text c="dimmed" size="sm">
            {t(intros[purpose])}
          </Text>
        </Stack>
        {body}
      </Stack>
    </Paper>
  );
}

export const SetupPage = () => <OneTimeLinkPage purpose="setup" />;
export const InvitationPage = () => <OneTimeLinkPage purpose="invitation" />;
export const ResetPasswordPage = () => <OneTimeLinkPage purpose="password_reset" />;
