import { Anchor, Button, Group, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconExternalLink, IconTrash } from '@tabler/icons-react';
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
import { partnerKindLabels } from '../shared/labels';
import { useLocalizedText } from '../shared/localized';
import { useDeletePartner, usePartner } from './api';
import { PartnerFormModal } from './PartnerFormModal';

export function PartnerPage() {
  const { t } = useT();
  const { partnerId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const localized = useLocalizedText();
  const query = usePartner(partnerId);
  const remove = useDeletePartner();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('network:partners.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const partner = query.data;
  const name = localized(partner.nameFr, partner.nameEn);
  const confirmDelete = () =>
    remove.mutate(
      { id: partner.id, version: partner.version },
      {
        onSuccess: () => {
          notifySuccess(t('network:partners.deleted', { name }));
          navigate('/partners', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/partners" size="sm">
        {t('network:partners.backToList')}
      </Anchor>
      <PageHeader
        title={name}
        meta={
          <Group gap="xs">
            <VisibilityBadge value={partner.visibility} />
          </Group>
        }
        actions={
          partner.can.edit && (
            <>
              <Button leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
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
          )
        }
      />
      <Section title={t('network:partner.detailsTitle')}>
        <DetailList
          items={[
            { label: t('network:partner.nameFr'), value: partner.nameFr },
            { label: t('network:partner.nameEn'), value: partner.nameEn },
            { label: t('network:partner.acronymFr'), value: partner.acronymFr },
            { label: t('network:partner.acronymEn'), value: partner.acronymEn },
            { label: t('network:partner.kind'), value: t(partnerKindLabels[partner.kind]) },
            { label: t('network:partner.country'), value: partner.countryCode && format.country(partner.countryCode) },
            {
              label: t('network:partner.website'),
              value: partner.website && (
                <Anchor href={partner.website} target="_blank" rel="noopener noreferrer">
                  {partner.website} <IconExternalLink size={14} aria-hidden="true" />
                  <VisuallyHidden>{t('common:links.newTab')}</VisuallyHidden>
                </Anchor>
              ),
            },
            { label: t('network:partner.notes'), value: partner.notes },
            { label: t('network:partner.updatedAt'), value: format.dateTime(partner.updatedAt) },
          ]}
        />
      </Section>
      {partner.can.edit && (
        <>
          {editing && <PartnerFormModal partner={partner} opened onClose={() => setEditing(false)} />}
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('network:partners.deleteTitle')}
            message={t('network:partners.deleteMessage', { name })}
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
