import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../api/http';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyableValue } from '../../components/CopyableValue';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { type ApiToken, type ApiTokenCreated, useApiTokens, useCreateApiToken, useRevokeApiToken } from './api';

function CreateTokenForm({ onCreated }: { onCreated: (token: ApiTokenCreated) => void }) {
  const { t } = useT();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: (token) => {
        setName('');
        onCreated(token);
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <MutationAlert error={create.error} />
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('auth:tokens.name')}
            description={t('auth:tokens.nameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(create.error, 'name')}
            withAsterisk
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} aria-hidden="true" />}>
            {t('auth:tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenTable({ items, onRevoke }: { items: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs">
        <Table.Caption>
          <VisuallyHidden>{t('auth:tokens.tableLabel')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auth:tokens.name')}</Table.Th>
            <Table.Th>{t('auth:tokens.createdAt')}</Table.Th>
            <Table.Th>{t('auth:tokens.lastUsedAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('auth:tokens.neverUsed')}</Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge color="gray" variant="light">
                    {t('auth:tokens.revoked')}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden="true" />}
                    onClick={() => onRevoke(token)}
                    aria-label={t('auth:tokens.revokeNamed', { name: token.name })}
                  >
                    {t('auth:tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Personal API tokens: the secret is shown once, right after creation, and never again. */
export function ApiTokensSection() {
  const { t } = useT();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        if (created?.id === revoking.id) setCreated(null);
        setRevoking(null);
        notifySuccess(t('auth:tokens.revokedNotice'));
      },
    });
  };

  return (
    <Section title={t('auth:tokens.title')} description={t('auth:tokens.description')}>
      <CreateTokenForm onCreated={setCreated} />
      {created && (
        <Alert color="teal" variant="light" title={t('auth:tokens.createdTitle', { name: created.name })}>
          <Stack gap="sm">
            <Text size="sm">{t('auth:tokens.createdWarning')}</Text>
            <CopyableValue label={t('auth:tokens.value')} value={created.token} />
          </Stack>
        </Alert>
      )}
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyMessage title={t('auth:tokens.empty')} />
      ) : (
        <TokenTable items={tokens.data.items} onRevoke={setRevoking} />
      )}
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={t('auth:tokens.revokeTitle')}
        message={t('auth:tokens.revokeMessage', { name: revoking?.name ?? '' })}
        confirmLabel={t('auth:tokens.revoke')}
        onConfirm={confirmRevoke}
        pending={revoke.isPending}
        error={revoke.error}
      />
    </Section>
  );
}
