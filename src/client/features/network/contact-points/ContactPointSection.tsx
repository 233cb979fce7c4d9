import { Anchor, Button, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { DetailList, NotProvided } from '../../../components/DetailList';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useContactPoints } from './api';
import { EditContactPointModal, HandoverModal } from './ContactPointModals';

interface ContactPointSectionProps {
  membershipId: string;
  groupName: string;
  /** Name the group in the title when the institution belongs to several. */
  showGroup: boolean;
  /** Used to offer naming a first contact point, when there is none to carry its own permissions. */
  canEditInstitution: boolean;
}

/** Who speaks for the institution in the group: the current person, how to change them, and who came before. */
export function ContactPointSection(props: ContactPointSectionProps) {
  const { membershipId, groupName, showGroup, canEditInstitution } = props;
  const { t } = useT();
  const format = useFormat();
  const query = useContactPoints(membershipId);
  const [editing, setEditing] = useState(false);
  const [handingOver, setHandingOver] = useState(false);

  const items = query.data?.items ?? [];
  const current = items.find((item) => item.endsOn === null);
  const previous = items.filter((item) => item !== current);
  const canHandOver = current ? current.can.edit : canEditInstitution;

  return (
    <Section
      title={showGroup ? t('network:contactPoint.titleInGroup', { group: groupName }) : t('network:contactPoint.title')}
      actions={
        query.isSuccess && (
          <>
            {current?.can.edit && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEdit size={14} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('network:contactPoint.edit')}
              </Button>
            )}
            {canHandOver && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconUserShare size={14} aria-hidden="true" />}
                onClick={() => setHandingOver(true)}
              >
                {current ? t('network:contactPoint.handover') : t('network:contactPoint.nameFirst')}
              </Button>
            )}
          </>
        )
      }
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : current ? (
        <>
          {!current.name && (
            <Text c="dimmed" fs="italic">
              {t('network:members.noContactPoint')}
            </Text>
          )}
          <DetailList
            items={[
              { label: t('network:contactPoint.name'), value: current.name },
              { label: t('network:contactPoint.roleTitle'), value: current.roleTitle },
              {
                label: t('network:contactPoint.email'),
                value: current.email && <Anchor href={`mailto:${current.email}`}>{current.email}</Anchor>,
              },
              {
                label: t('network:contactPoint.phone'),
                value: current.phone && (
                  <Anchor href={`tel:${current.phone.replace(/\s+/g, '')}`} dir="ltr">
                    {current.phone}
                  </Anchor>
                ),
              },
              {
                label: t('network:contactPoint.languages'),
                value: current.languages.length > 0 ? current.languages.map(format.language).join(', ') : null,
              },
              { label: t('network:contactPoint.since'), value: current.startsOn && format.date(current.startsOn) },
              { label: t('network:contactPoint.notes'), value: current.notes },
              { label: t('common:visibility.label'), value: <VisibilityBadge value={current.visibility} /> },
            ]}
          />
        </>
      ) : (
        <Text c="dimmed" fs="italic">
          {t('network:members.noContactPoint')}
        </Text>
      )}
      {previous.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('network:contactPoint.historyTitle')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs">
              <Table.Caption>
                <VisuallyHidden>{t('network:contactPoint.historyCaption', { group: groupName })}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('network:contactPoint.name')}</Table.Th>
                  <Table.Th>{t('network:contactPoint.roleTitle')}</Table.Th>
                  <Table.Th>{t('network:contactPoint.from')}</Table.Th>
                  <Table.Th>{t('network:contactPoint.to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {previous.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.name ?? <NotProvided />}</Table.Td>
                    <Table.Td>{item.roleTitle ?? <NotProvided />}</Table.Td>
                    <Table.Td>{item.startsOn ? format.date(item.startsOn) : <NotProvided />}</Table.Td>
                    <Table.Td>{item.endsOn ? format.date(item.endsOn) : <NotProvided />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {editing && current && (
        <EditContactPointModal membershipId={membershipId} contactPoint={current} onClose={() => setEditing(false)} />
      )}
      {handingOver && (
        <HandoverModal membershipId={membershipId} current={current} onClose={() => setHandingOver(false)} />
      )}
    </Section>
  );
}
