import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconKey, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../../shared/contract/users';
import { type Column, DataTable } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useT } from '../../i18n/use-t';
import { useCan } from '../../session/session';
import { useOrganisationOptions, userFilters, userSorts, useUsers } from './api';
import { roleLabels, statusColors, statusLabels } from './labels';
import { PasswordResetModal } from './PasswordResetModal';
import { CreateUserModal, EditUserModal } from './UserFormModal';

type Sort = (typeof userSorts)[number];

export function UsersPage() {
  const { t } = useT();
  const format = useFormat();
  const managesEveryone = useCan('manage:user:any');
  const organisations = useOrganisationOptions();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useListParams({
    sorts: userSorts,
    defaultSort: 'name',
    descendingFirst: ['lastLoginAt'],
    filters: userFilters,
  });
  const query = useUsers(list.query);

  const columns: Column<User, Sort>[] = [
    {
      id: 'name',
      header: t('users:columns.name'),
      sortKey: 'name',
      render: (user) => <Text fw={500}>{user.name}</Text>,
    },
    { id: 'email', header: t('users:columns.email'), sortKey: 'email', render: (user) => user.email },
    { id: 'role', header: t('users:columns.role'), sortKey: 'role', render: (user) => t(roleLabels[user.role]) },
    {
      id: 'organisation',
      header: t('users:columns.organisation'),
      render: (user) => user.institutionName ?? user.partnerName ?? '',
    },
    {
      id: 'status',
      header: t('users:columns.status'),
      render: (user) => (
        <Badge variant="light" color={statusColors[user.status]}>
          {t(statusLabels[user.status])}
        </Badge>
      ),
    },
    {
      id: 'lastLoginAt',
      header: t('users:columns.lastLoginAt'),
      sortKey: 'lastLoginAt',
      render: (user) => (user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users:neverSignedIn')),
    },
    {
      id: 'actions',
      header: t('common:list.actions'),
      hideHeader: true,
      render: (user) => (
        <Group gap={4} wrap="nowrap">
          {user.can.edit && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconEdit size={14} aria-hidden="true" />}
              onClick={() => setEditing(user)}
              aria-label={t('users:actions.editNamed', { name: user.name })}
            >
              {t('common:actions.edit')}
            </Button>
          )}
          {user.can.resetPassword && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconKey size={14} aria-hidden="true" />}
              onClick={() => setResetting(user)}
              aria-label={
                user.status === 'invited'
                  ? t('users:actions.reinviteNamed', { name: user.name })
                  : t('users:actions.resetNamed', { name: user.name })
              }
            >
              {user.status === 'invited' ? t('users:actions.reinvite') : t('users:actions.reset')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users:title')}
        description={managesEveryone ? t('users:introAdmin') : t('users:introContactPoint')}
        actions={
          <>
            <ExportMenu list="users" query={list.query} />
            {
              <Button leftSection={<IconUserPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('users:create.open')}
              </Button>
            }
          </>
        }
      />
      <FiltersBar label={t('users:filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter label={t('users:search')} value={list.filters.q} onChange={(v) => list.setFilter('q', v)} />
        <SelectFilter
          label={t('users:columns.role')}
          value={list.filters.role}
          onChange={(v) => list.setFilter('role', v)}
          options={entriesOf(roleLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('users:columns.status')}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={entriesOf(statusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        {managesEveryone && (
          <SelectFilter
            label={t('users:fields.institution')}
            value={list.filters.institutionId}
            onChange={(v) => list.setFilter('institutionId', v)}
            options={organisations.institutions}
          />
        )}
      </FiltersBar>
      <Stack gap={0}>
        <DataTable
          label={t('users:tableLabel')}
          columns={columns}
          query={query}
          list={list}
          rowKey={(user) => user.id}
          empty={{
            title: list.hasFilters ? t('common:list.noMatchTitle') : t('users:emptyTitle'),
            description: list.hasFilters ? t('common:list.noMatchHint') : undefined,
          }}
        />
      </Stack>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {resetting && <PasswordResetModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
