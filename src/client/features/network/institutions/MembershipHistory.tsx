import { Button, Collapse, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { NotProvided } from '../../../components/DetailList';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useMembershipHistory } from '../groups/api';
import { MembershipStatusBadge } from '../shared/StatusBadges';

/** A membership's status changes, loaded when first opened. */
export function MembershipHistory({ membershipId, groupName }: { membershipId: string; groupName: string }) {
  const { t } = useT();
  const format = useFormat();
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const history = useMembershipHistory(membershipId, opened);

  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="xs"
        px={0}
        w="fit-content"
        rightSection={
          opened ? <IconChevronUp size={14} aria-hidden="true" /> : <IconChevronDown size={14} aria-hidden="true" />
        }
        aria-expanded={opened}
        aria-controls={panelId}
        onClick={() => setOpened((o) => !o)}
      >
        {opened ? t('network:membership.hideHistory') : t('network:membership.showHistory')}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        {!opened ? null : history.isPending ? (
          <LoadingState />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('network:membership.noHistory')}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Caption>
              <VisuallyHidden>{t('network:membership.historyCaption', { group: groupName })}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('network:membership.date')}</Table.Th>
                <Table.Th>{t('network:members.status')}</Table.Th>
                <Table.Th>{t('network:members.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((change) => (
                <Table.Tr key={change.id}>
                  <Table.Td>{format.date(change.changedOn ?? change.createdAt)}</Table.Td>
                  <Table.Td>
                    <MembershipStatusBadge status={change.status} />
                  </Table.Td>
                  <Table.Td>{change.note ?? <NotProvided />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Collapse>
    </Stack>
  );
}
