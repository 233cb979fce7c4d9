import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useLocalizedText } from '../shared/localized';
import { MembershipStatusBadge } from '../shared/StatusBadges';
import type { GroupMember } from './api';
import { MembershipStatusModal } from './MembershipStatusModal';

/** The members in the action plan's order, each with its status and its contact point (or the lack of one). */
export function MembersTable({ members, caption }: { members: GroupMember[]; caption: string }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const [editing, setEditing] = useState<GroupMember | null>(null);
  const anyEditable = members.some((member) => member.can.edit);
  const nameOf = (member: GroupMember) => localized(member.institution.nameFr, member.institution.nameEn);

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="sm">
          <Table.Caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('network:members.position')}</Table.Th>
              <Table.Th>{t('network:members.country')}</Table.Th>
              <Table.Th>{t('network:members.institution')}</Table.Th>
              <Table.Th>{t('network:members.status')}</Table.Th>
              <Table.Th>{t('network:members.contactPoint')}</Table.Th>
              {anyEditable && (
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.membershipId} data-testid={`member-${member.institution.countryCode}`}>
                <Table.Td>{format.number(member.position)}</Table.Td>
                <Table.Td>{format.country(member.institution.countryCode)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/institutions/${member.institution.id}`} fw={500} dir="auto">
                      {nameOf(member)}
                    </Anchor>
                    {member.institution.nameOriginal && member.institution.nameOriginal !== nameOf(member) && (
                      <Text size="sm" c="dimmed" dir="auto">
                        {member.institution.nameOriginal}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <MembershipStatusBadge status={member.status} />
                    {member.statusSince && (
                      <Text size="xs" c="dimmed">
                        {t('network:members.since', { date: format.date(member.statusSince) })}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {member.contactPoint?.name ? (
                    <Stack gap={2}>
                      <Text size="sm" dir="auto">
                        {member.contactPoint.name}
                      </Text>
                      {member.contactPoint.roleTitle && (
                        <Text size="xs" c="dimmed">
                          {member.contactPoint.roleTitle}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      {t('network:members.noContactPoint')}
                    </Text>
                  )}
                </Table.Td>
                {anyEditable && (
                  <Table.Td>
                    {member.can.edit && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconEdit size={14} aria-hidden="true" />}
                        onClick={() => setEditing(member)}
                        aria-label={t('network:members.changeStatusFor', { name: nameOf(member) })}
                      >
                        {t('network:members.changeStatus')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <MembershipStatusModal member={editing} institutionName={nameOf(editing)} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
