import { Anchor, Badge, Button, Group } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApprovalStatus } from '../../../shared/contract/awareness';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DetailList } from '../../components/DetailList';
import { AttachedDocuments } from '../../components/documents/AttachedDocuments';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDeleteMaterial, useMaterial, useTransitionMaterial } from './api';
import { approvalColors, approvalLabels, materialKindLabels, transitionLabels } from './labels';
import { MaterialFormModal } from './MaterialFormModal';
import { AgeRange } from './MaterialsPage';

export function MaterialPage() {
  const { t } = useT();
  const { materialId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const query = useMaterial(materialId);
  const transition = useTransitionMaterial(materialId);
  const remove = useDeleteMaterial();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Withdrawing takes an approved material out of use: confirmed first.
  const [withdrawing, setWithdrawing] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('awareness:materials.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const material = query.data;
  const move = (to: ApprovalStatus) =>
    transition.mutate(
      { to, version: material.version },
      {
        onSuccess: (saved) => {
          setWithdrawing(false);
          notifySuccess(t('awareness:materials.statusChanged', { status: t(approvalLabels[saved.approvalStatus]) }));
        },
      },
    );
  const confirmDelete = () =>
    remove.mutate(
      { id: material.id, version: material.version },
      {
        onSuccess: () => {
          notifySuccess(t('awareness:materials.deleted', { title: material.title }));
          navigate('/materials', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/materials" size="sm">
        {t('awareness:materials.backToList')}
      </Anchor>
      <PageHeader
        title={material.title}
        meta={
          <Group gap="xs">
            <Badge color={approvalColors[material.approvalStatus]} variant="light" data-testid="approval-status">
              {t(approvalLabels[material.approvalStatus])}
            </Badge>
            <VisibilityBadge value={material.visibility} />
          </Group>
        }
        actions={
          <>
            {material.can.transitions.map((to) => (
              <Button
                key={to}
                variant={to === 'approved' || to === 'in_review' ? 'filled' : 'default'}
                loading={transition.isPending && transition.variables?.to === to}
                onClick={() => (to === 'withdrawn' ? setWithdrawing(true) : move(to))}
              >
                {t(transitionLabels[to])}
              </Button>
            ))}
            {material.can.edit && (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('common:actions.edit')}
              </Button>
            )}
            {material.can.delete && (
              <Button
                variant="default"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDeleting(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </>
        }
      />
      {!withdrawing && <MutationAlert error={transition.error} onReload={() => void query.refetch()} />}
      <Section title={t('awareness:material.detailsTitle')}>
        <DetailList
          items={[
            { label: t('awareness:material.kind'), value: t(materialKindLabels[material.kind]) },
            {
              label: t('awareness:material.languages'),
              value: material.languages.length > 0 && format.list(material.languages.map((l) => format.language(l))),
            },
            { label: t('awareness:material.ages'), value: <AgeRange material={material} /> },
            { label: t('awareness:material.description'), value: material.description },
            {
              label: t('awareness:material.statusChanged'),
              value:
                material.statusChangedAt &&
                (material.statusChangedBy
                  ? t('awareness:material.statusChangedByOn', {
                      name: material.statusChangedBy,
                      date: format.dateTime(material.statusChangedAt),
                    })
                  : format.dateTime(material.statusChangedAt)),
            },
            { label: t('awareness:material.sessions'), value: format.number(material.sessions) },
            { label: t('awareness:material.updatedAt'), value: format.dateTime(material.updatedAt) },
          ]}
        />
      </Section>
      <AttachedDocuments
        entity="material"
        entityId={material.id}
        canEdit={material.can.edit}
        maxVisibility={material.visibility}
        title={t('awareness:material.files')}
      />
      {material.can.edit && editing && (
        <MaterialFormModal material={material} opened onClose={() => setEditing(false)} />
      )}
      <ConfirmDialog
        opened={withdrawing}
        onClose={() => {
          setWithdrawing(false);
          transition.reset();
        }}
        title={t('awareness:materials.withdrawTitle')}
        message={t('awareness:materials.withdrawMessage', { title: material.title })}
        confirmLabel={t('awareness:transition.withdrawn')}
        onConfirm={() => move('withdrawn')}
        pending={transition.isPending}
        error={transition.error}
      />
      {material.can.delete && (
        <ConfirmDialog
          opened={deleting}
          onClose={() => {
            setDeleting(false);
            remove.reset();
          }}
          title={t('awareness:materials.deleteTitle')}
          message={t('awareness:materials.deleteMessage', { title: material.title })}
          confirmLabel={t('common:actions.delete')}
          onConfirm={confirmDelete}
          pending={remove.isPending}
          error={remove.error}
        />
      )}
    </>
  );
}
