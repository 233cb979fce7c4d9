import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailList } from '../../../components/DetailList';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { facilityKindLabels } from '../shared/labels';
import { VisitFormModal } from '../visits/VisitFormModal';
import { VisitHistory } from '../visits/VisitHistory';
import { useDeleteFacility, useFacility } from './api';
import { FacilityFormModal } from './FacilityFormModal';

/** One place: what it is, where, who runs it, and every visit the caller may see. */
export function FacilityPage() {
  const { t } = useT();
  const { facilityId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const query = useFacility(facilityId);
  const remove = useDeleteFacility();
  const canPlan = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [planning, setPlanning] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('monitoring:facilities.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const facility = query.data;
  const yes = (value: boolean) => (value ? t('monitoring:filters.yes') : t('monitoring:filters.no'));
  const coordinates =
    facility.latitude !== null && facility.longitude !== null
      ? `${format.number(facility.latitude)}, ${format.number(facility.longitude)}`
      : null;
  const confirmDelete = () =>
    remove.mutate(
      { id: facility.id, version: facility.version },
      {
        onSuccess: () => {
          notifySuccess(t('monitoring:facilities.deleted', { name: facility.name }));
          navigate('/facilities', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/facilities" size="sm">
        {t('monitoring:facilities.backToList')}
      </Anchor>
      <PageHeader
        title={facility.name}
        meta={
          <Group gap="xs">
            <Badge variant="light">{t(facilityKindLabels[facility.kind])}</Badge>
            {!facility.isOpen && (
              <Badge variant="light" color="gray">
                {t('monitoring:facility.closed')}
              </Badge>
            )}
            <VisibilityBadge value={facility.visibility} />
          </Group>
        }
        actions={
          <>
            {canPlan && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setPlanning(true)}>
                {t('monitoring:visits.create')}
              </Button>
            )}
            {facility.can.edit && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} aria-hidden="true" />}
                  onClick={() => setEditing(true)}
                >
                  {t('common:actions.edit')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconTrash size={16} aria-hidden="true" />}
                  onClick={() => setDeleting(true)}
                >
                  {t('common:actions.delete')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Section title={t('monitoring:facility.detailsTitle')}>
          <DetailList
            items={[
              { label: t('monitoring:facility.kind'), value: t(facilityKindLabels[facility.kind]) },
              { label: t('monitoring:facility.country'), value: format.country(facility.countryCode) },
              { label: t('monitoring:facility.region'), value: facility.region },
              { label: t('monitoring:facility.city'), value: facility.city },
              { label: t('monitoring:facility.coordinates'), value: coordinates },
              { label: t('monitoring:facility.operatingAuthority'), value: facility.operatingAuthority },
              {
                label: t('monitoring:facility.capacity'),
                value: facility.capacity === null ? null : format.number(facility.capacity),
              },
              { label: t('monitoring:facility.holdsChildren'), value: yes(facility.holdsChildren) },
              { label: t('monitoring:facility.isOpen'), value: yes(facility.isOpen) },
              {
                label: t('monitoring:facility.notes'),
                value: facility.notes && <span style={{ whiteSpace: 'pre-line' }}>{facility.notes}</span>,
              },
              { label: t('monitoring:facility.updatedAt'), value: format.dateTime(facility.updatedAt) },
            ]}
          />
        </Section>
        <Section title={t('monitoring:facility.historyTitle')}>
          <VisitHistory facilityId={facility.id} label={t('monitoring:facility.historyTitle')} />
        </Section>
      </Stack>
      {planning && (
        <VisitFormModal
          facilityId={facility.id}
          onClose={() => setPlanning(false)}
          onSaved={(visit) => navigate(`/visits/${visit.id}`)}
        />
      )}
      {facility.can.edit && (
        <>
          {editing && <FacilityFormModal facility={facility} opened onClose={() => setEditing(false)} />}
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('monitoring:facilities.deleteTitle')}
            message={t('monitoring:facilities.deleteMessage', { name: facility.name })}
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
