import { ActionIcon, Anchor, Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconEdit, IconFileUpload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DetailList } from '../../components/DetailList';
import { contentUrl, useDeleteDocument, useDocument } from '../../components/documents/api';
import { formatFileSize } from '../../components/documents/file-size';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useFormat } from '../../i18n/format';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { useInstitutionNames } from './api';
import { DocumentEditModal } from './DocumentEditModal';
import { familyLabels } from './labels';
import { NewVersionModal } from './NewVersionModal';

/** One document: its metadata, its versions (each downloadable), a new version, edit and delete. */
export function DocumentPage() {
  const { t, i18n } = useT();
  const { documentId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const localized = useLocalizedText();
  const query = useDocument(documentId);
  const institutions = useInstitutionNames();
  const remove = useDeleteDocument();
  const [editing, setEditing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('documents:library.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const document = query.data;
  const owner = institutions.data?.find((institution) => institution.id === document.ownerInstitutionId);
  const confirmDelete = () =>
    remove.mutate(
      { id: document.id, version: document.version },
      {
        onSuccess: () => {
          notifySuccess(t('documents:detail.deleted', { title: document.title }));
          navigate('/documents', { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/documents" size="sm">
        {t('documents:library.backToList')}
      </Anchor>
      <PageHeader
        title={document.title}
        description={document.description ?? undefined}
        meta={
          <Group gap="xs">
            <VisibilityBadge value={document.visibility} />
            <Badge variant="light" color="gray">
              {t(familyLabels[document.current.family])}
            </Badge>
          </Group>
        }
        actions={
          <Group gap="xs">
            <Button
              component="a"
              href={contentUrl(document.id)}
              download
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {t('documents:actions.download')}
            </Button>
            {document.can.edit && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileUpload size={16} aria-hidden="true" />}
                  onClick={() => setUploading(true)}
                >
                  {t('documents:detail.newVersion')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} aria-hidden="true" />}
                  onClick={() => setEditing(true)}
                >
                  {t('documents:detail.edit')}
                </Button>
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden="true" />}
                  onClick={() => setDeleting(true)}
                >
                  {t('documents:detail.delete')}
                </Button>
              </>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <Section title={t('documents:detail.current')}>
          <DetailList
            items={[
              { label: t('documents:fields.filename'), value: document.current.filename },
              { label: t('documents:fields.size'), value: formatFileSize(document.current.size, i18n.language) },
              {
                label: t('documents:fields.language'),
                value: document.language ? format.language(document.language) : t('documents:library.noLanguage'),
              },
              {
                label: t('documents:fields.owner'),
                value: document.ownerInstitutionId
                  ? owner
                    ? localized(owner.nameFr, owner.nameEn)
                    : null
                  : t('documents:library.network'),
              },
              {
                label: t('documents:fields.search'),
                value: document.current.hasText ? t('documents:detail.textExtracted') : t('documents:detail.noText'),
              },
              ...(document.links.length > 0
                ? [
                    {
                      label: t('documents:fields.links'),
                      value: t('documents:detail.linkedTo', { count: document.links.length }),
                    },
                  ]
                : []),
            ]}
          />
        </Section>
        <Section title={t('documents:detail.versions')}>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Caption>
                {t('documents:detail.versionsCaption', { count: document.versions.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents:fields.version')}</Table.Th>
                  <Table.Th>{t('documents:fields.filename')}</Table.Th>
                  <Table.Th>{t('documents:fields.size')}</Table.Th>
                  <Table.Th>{t('documents:fields.uploadedAt')}</Table.Th>
                  <Table.Th>{t('documents:fields.uploadedBy')}</Table.Th>
                  <Table.Th>{t('documents:fields.checksum')}</Table.Th>
                  <Table.Th>{t('common:list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {document.versions.map((version) => (
                  <Table.Tr key={version.number}>
                    <Table.Td>{format.number(version.number)}</Table.Td>
                    <Table.Td dir="auto">{version.filename}</Table.Td>
                    <Table.Td>{formatFileSize(version.size, i18n.language)}</Table.Td>
                    <Table.Td>{format.dateTime(version.createdAt)}</Table.Td>
                    <Table.Td>{version.createdBy?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Tooltip label={version.sha256}>
                        <Code>{version.sha256.slice(0, 12)}…</Code>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        component="a"
                        href={contentUrl(document.id, version.number)}
                        download
                        variant="subtle"
                        aria-label={t('documents:actions.downloadVersion', { number: version.number })}
                      >
                        <IconDownload size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('documents:detail.checksumHint')}
          </Text>
        </Section>
      </Stack>
      {document.can.edit && (
        <>
          {editing && <DocumentEditModal document={document} opened onClose={() => setEditing(false)} />}
          <NewVersionModal documentId={document.id} opened={uploading} onClose={() => setUploading(false)} />
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('documents:detail.deleteTitle')}
            message={t('documents:detail.deleteMessage', { title: document.title })}
            confirmLabel={t('documents:detail.delete')}
            onConfirm={confirmDelete}
            pending={remove.isPending}
            error={remove.error}
          />
        </>
      )}
    </>
  );
}
