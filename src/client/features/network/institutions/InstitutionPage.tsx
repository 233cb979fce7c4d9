import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconEdit, IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Institution } from '../../../../shared/contract/network';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailList, NotProvided } from '../../../components/DetailList';
import { InstitutionDataExport } from '../../../components/InstitutionDataExport';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { ContactPointSection } from '../contact-points/ContactPointSection';
import { institutionKindLabels } from '../shared/labels';
import { useLocalizedText } from '../shared/localized';
import { AssociationStatusBadge, MembershipStatusBadge, ToConfirmBadge } from '../shared/StatusBadges';
import { useDeleteInstitution, useInstitution } from './api';
import { InstitutionFormModal } from './InstitutionFormModal';
import { MembershipHistory } from './MembershipHistory';

function Identity({ institution }: { institution: Institution }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Section title={t('network:institution.identityTitle')}>
      <DetailList
        items={[
          { label: t('network:institution.nameOriginal'), value: institution.nameOriginal },
          { label: t('network:institution.nameFr'), value: institution.nameFr },
          { label: t('network:institution.nameEn'), value: institution.nameEn },
          { label: t('network:institution.acronym'), value: institution.acronym },
          { label: t('network:institution.country'), value: format.country(institution.countryCode) },
          { label: t('network:institution.kind'), value: t(institutionKindLabels[institution.kind]) },
          {
            label: t('network:institution.website'),
            value: institution.website && (
              <Anchor href={institution.website} target="_blank" rel="noopener noreferrer">
                <Group gap={4} component="span" wrap="nowrap">
                  {institution.website}
                  <IconExternalLink size={14} aria-hidden="true" />
                  <VisuallyHidden>{t('common:links.newTab')}</VisuallyHidden>
                </Group>
              </Anchor>
            ),
          },
          ...(institution.dataStatus === 'confirmed'
            ? [{ label: t('network:institution.notes'), value: institution.notes }]
            : []),
          { label: t('common:visibility.label'), value: <VisibilityBadge value={institution.visibility} /> },
          { label: t('network:institution.updatedAt'), value: format.dateTime(institution.updatedAt) },
        ]}
      />
    </Section>
  );
}

function Associations({ institution }: { institution: Institution }) {
  const { t } = useT();
  return (
    <Section title={t('network:institution.associationsTitle')}>
      {institution.associations.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('network:institution.noAssociations')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Caption>
            <VisuallyHidden>{t('network:institution.associationsTitle')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('network:institution.association')}</Table.Th>
              <Table.Th>{t('network:institution.associationStatus')}</Table.Th>
              <Table.Th>{t('network:institution.associationNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {institution.associations.map((association) => (
              <Table.Tr key={association.associationId}>
                <Table.Td fw={600}>{association.code}</Table.Td>
                <Table.Td>
                  <AssociationStatusBadge status={association.status} />
                </Table.Td>
                <Table.Td>{association.note ?? <NotProvided />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function Memberships({ institution }: { institution: Institution }) {
  const { t } = useT();
  const localized = useLocalizedText();
  return (
    <Section title={t('network:institution.membershipsTitle')}>
      {institution.memberships.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('network:institution.noMemberships')}
        </Text>
      ) : (
        <Stack gap="md">
          {institution.memberships.map((membership) => {
            const groupName = localized(membership.groupNameFr, membership.groupNameEn);
            return (
              <Stack key={membership.membershipId} gap={4}>
                <Group gap="sm">
                  <Anchor component={Link} to={`/groups/${membership.groupId}`} fw={600}>
                    {groupName}
                  </Anchor>
                  <MembershipStatusBadge status={membership.status} />
                  <Text size="sm" c="dimmed">
                    {t('network:membership.position', { position: membership.position })}
                  </Text>
                </Group>
                <MembershipHistory membershipId={membership.membershipId} groupName={groupName} />
              </Stack>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}

export function InstitutionPage() {
  const { t } = useT();
  const { institutionId = '' } = useParams();
  const navigate = useNavigate();
  const localized = useLocalizedText();
  const query = useInstitution(institutionId);
  const remove = useDeleteInstitution();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('network:institutions.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const institution = query.data;
  const name = localized(institution.nameFr, institution.nameEn);
  const confirmDelete = () =>
    remove.mutate(
      { id: institution.id, version: institution.version },
      {
        onSuccess: () => {
          notifySuccess(t('network:institutions.deleted', { name }));
          navigate('/institutions', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/institutions" size="sm">
        {t('network:institutions.backToList')}
      </Anchor>
      <PageHeader
        title={name}
        meta={
          <Group gap="xs">
            {institution.acronym && (
              <Badge variant="light" color="gray">
                {institution.acronym}
              </Badge>
            )}
            {institution.dataStatus === 'to_confirm' && <ToConfirmBadge />}
          </Group>
        }
        actions={
          institution.can.edit && (
            <>
              <Button component={Link} to={`/institutions/${institution.id}/child-pages`} variant="default">
                {t('public-site:institutionLink')}
              </Button>
              <Button leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
                {t('common:actions.edit')}
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDeleting(true)}
              >
                {t('common:actions.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {institution.dataStatus === 'to_confirm' && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('network:institution.toConfirmTitle')}
          >
            <span dir="auto">{institution.notes ?? t('network:institution.toConfirmNoNotes')}</span>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Identity institution={institution} />
          <Stack gap="lg">
            <Associations institution={institution} />
            <Memberships institution={institution} />
          </Stack>
        </SimpleGrid>
        {institution.memberships.map((membership) => (
          <ContactPointSection
            key={membership.membershipId}
            membershipId={membership.membershipId}
            groupName={localized(membership.groupNameFr, membership.groupNameEn)}
            showGroup={institution.memberships.length > 1}
            canEditInstitution={institution.can.edit}
          />
        ))}
        <InstitutionDataExport institutionId={institution.id} />
      </Stack>
      {institution.can.edit && (
        <>
          {editing && <InstitutionFormModal institution={institution} opened onClose={() => setEditing(false)} />}
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('network:institutions.deleteTitle')}
            message={t('network:institutions.deleteMessage', { name })}
            confirmLabel={t('common:actions.delete')}
            onConfirm={confirmDelete}
            pending={remove.isPending}
            error={remove.error}
          />
        </>
      )}
    </>
  );
}
