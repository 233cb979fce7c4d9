import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
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
import { useLocalizedText } from '../shared/localized';
import { useDeclaration, useDeleteDeclaration } from './api';
import { DeclarationFormModal } from './DeclarationFormModal';

export function DeclarationPage() {
  const { t } = useT();
  const { declarationId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const localized = useLocalizedText();
  const query = useDeclaration(declarationId);
  const remove = useDeleteDeclaration();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('network:declarations.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const declaration = query.data;
  const title = localized(declaration.titleFr, declaration.titleEn);
  const summary = declaration.summaryFr ? localized(declaration.summaryFr, declaration.summaryEn) : null;
  const confirmDelete = () =>
    remove.mutate(
      { id: declaration.id, version: declaration.version },
      {
        onSuccess: () => {
          notifySuccess(t('network:declarations.deleted', { title }));
          navigate('/declarations', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/declarations" size="sm">
        {t('network:declarations.backToList')}
      </Anchor>
      <PageHeader
        title={title}
        meta={
          <Group gap="xs">
            {declaration.associations.map((association) => (
              <Badge key={association.id} variant="light" color="blue">
                {association.code}
              </Badge>
            ))}
            <VisibilityBadge value={declaration.visibility} />
          </Group>
        }
        actions={
          declaration.can.edit && (
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
      <Stack gap="lg">
        <Section title={t('network:declaration.detailsTitle')}>
          <DetailList
            items={[
              { label: t('network:declaration.titleFr'), value: declaration.titleFr },
              { label: t('network:declaration.titleEn'), value: declaration.titleEn },
              {
                label: t('network:declaration.adoptedOn'),
                value: declaration.adoptedOn && format.date(declaration.adoptedOn),
              },
              { label: t('network:declaration.place'), value: declaration.place },
              {
                label: t('network:declaration.link'),
                value: declaration.link && (
                  <Anchor href={declaration.link} target="_blank" rel="noopener noreferrer">
                    {declaration.link} <IconExternalLink size={14} aria-hidden="true" />
                    <VisuallyHidden>{t('common:links.newTab')}</VisuallyHidden>
                  </Anchor>
                ),
              },
            ]}
          />
        </Section>
        {summary && (
          <Section title={t('network:declaration.summaryTitle')}>
            <Text style={{ whiteSpace: 'pre-line' }} dir="auto">
              {summary}
            </Text>
          </Section>
        )}
        {declaration.text && (
          <Section title={t('network:declaration.textTitle')}>
            <Text style={{ whiteSpace: 'pre-line' }} maw="48rem" dir="auto">
              {declaration.text}
            </Text>
          </Section>
        )}
      </Stack>
      {declaration.can.edit && (
        <>
          {editing && <DeclarationFormModal declaration={declaration} opened onClose={() => setEditing(false)} />}
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('network:declarations.deleteTitle')}
            message={t('network:declarations.deleteMessage', { title })}
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
