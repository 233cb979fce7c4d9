import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { useT } from '../../../i18n/use-t';
import { useLocalizedText } from '../shared/localized';
import { AddMemberModal } from './AddMemberModal';
import { useGroup, useGroupMembers, type Group as WorkingGroup } from './api';
import { GroupFormModal } from './GroupFormModal';
import { MembersTable } from './MembersTable';

function Members({ group, name }: { group: WorkingGroup; name: string }) {
  const { t } = useT();
  const members = useGroupMembers(group.id);
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2} id={headingId}>
          {t('network:group.membersTitle')}
        </Title>
        {group.can.edit && (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('network:members.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('network:group.membersIntro')}
      </Text>
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyMessage title={t('network:group.noMembers')} />
      ) : (
        <MembersTable members={members.data.items} caption={t('network:group.membersCaption', { group: name })} />
      )}
      {group.can.edit && (
        <AddMemberModal groupId={group.id} groupName={name} opened={adding} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}

/** A working group: its name and purpose, the associations behind it, and its members in plan order. */
export function GroupView({ groupId }: { groupId: string }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const query = useGroup(groupId);
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('network:group.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const group = query.data;
  const name = localized(group.nameFr, group.nameEn);
  const description = group.descriptionFr ? localized(group.descriptionFr, group.descriptionEn) : undefined;
  return (
    <>
      <PageHeader
        title={name}
        description={description}
        actions={
          group.can.edit && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('network:group.edit')}
            </Button>
          )
        }
        meta={
          <Group gap="xs">
            {group.associations.length > 0 && (
              <>
                <Text size="sm" fw={500}>
                  {t('network:group.associations')}
                </Text>
                {group.associations.map((association) => (
                  <Badge key={association.id} variant="light" color="blue">
                    {association.code}
                  </Badge>
                ))}
              </>
            )}
            <Text size="sm" c="dimmed">
              {t('network:group.memberCount', { count: group.memberCount })}
            </Text>
          </Group>
        }
      />
      <Members group={group} name={name} />
      {editing && <GroupFormModal group={group} onClose={() => setEditing(false)} />}
    </>
  );
}

export function GroupRoute() {
  const { groupId = '' } = useParams();
  return <GroupView groupId={groupId} />;
}
