import { ActionIcon, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconLinkOff, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents';
import type { Visibility } from '../../../shared/roles';
import { useT } from '../../i18n/use-t';
import { ConfirmDialog } from '../ConfirmDialog';
import { notifySuccess } from '../notify';
import { ErrorState, LoadingState } from '../QueryStates';
import { Section } from '../Section';
import { VisibilityBadge } from '../VisibilityBadge';
import { contentUrl, useDetachDocument, useDocuments } from './api';
import { DocumentUploadModal } from './DocumentUploadModal';
import { formatFileSize } from './file-size';

export interface AttachedDocumentsProps {
  /** The kind of record, as registered on the server (`activity`, `visit`…). */
  entity: string;
  entityId: string;
  /** May the user change this record (and so attach and detach its documents)? */
  canEdit: boolean;
  /** The record's own visibility: an attached document may not be seen more widely. */
  maxVisibility: Visibility;
  title?: string;
}

/**
 * The documents attached to a record (a visit's photos, a statement's text): download them, and for those who
 * may edit the record, upload-and-attach a new one or detach one.
 */
export function AttachedDocuments({ entity, entityId, canEdit, maxVisibility, title }: AttachedDocumentsProps) {
  const { t, i18n } = useT();
  const documents = useDocuments({ entity, entityId, pageSize: 100, sort: 'title' });
  const detach = useDetachDocument();
  const [uploading, setUploading] = useState(false);
  const [detaching, setDetaching] = useState<DocumentSummary | null>(null);

  const confirmDetach = () => {
    if (!detaching) return;
    detach.mutate(
      { id: detaching.id, entity, entityId },
      {
        onSuccess: () => {
          notifySuccess(t('documents:attached.detached', { title: detaching.title }));
          setDetaching(null);
        },
      },
    );
  };

  return (
    <Section
      title={title ?? t('documents:attached.title')}
      actions={
        canEdit ? (
          <Button
            size="xs"
            leftSection={<IconPaperclip size={16} aria-hidden="true" />}
            onClick={() => setUploading(true)}
          >
            {t('documents:attached.add')}
          </Button>
        ) : undefined
      }
    >
      {documents.isPending ? (
        <LoadingState />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('documents:attached.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('documents:attached.caption', { count: documents.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents:fields.title')}</Table.Th>
                <Table.Th>{t('documents:fields.size')}</Table.Th>
                <Table.Th>{t('common:visibility.label')}</Table.Th>
                <Table.Th>{t('common:list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.items.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {document.title}
                      </Text>
                      <Text size="xs" c="dimmed" dir="auto">
                        {document.current.filename}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{formatFileSize(document.current.size, i18n.language)}</Table.Td>
                  <Table.Td>
                    <VisibilityBadge value={document.visibility} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Tooltip label={t('documents:actions.downloadNamed', { title: document.title })}>
                        <ActionIcon
                          component="a"
                          href={contentUrl(document.id)}
                          download
                          variant="subtle"
                          aria-label={t('documents:actions.downloadNamed', { title: document.title })}
                        >
                          <IconDownload size={18} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                      {canEdit && (
                        <Tooltip label={t('documents:attached.detachNamed', { title: document.title })}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setDetaching(document)}
                            aria-label={t('documents:attached.detachNamed', { title: document.title })}
                          >
                            <IconLinkOff size={18} aria-hidden="true" />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DocumentUploadModal
        opened={uploading}
        onClose={() => setUploading(false)}
        attachTo={{ entity, entityId }}
        maxVisibility={maxVisibility}
        onUploaded={(document) => notifySuccess(t('documents:attached.added', { title: document.title }))}
      />
      <ConfirmDialog
        opened={detaching !== null}
        onClose={() => {
          setDetaching(null);
          detach.reset();
        }}
        title={t('documents:attached.detachTitle')}
        message={t('documents:attached.detachMessage', { title: detaching?.title ?? '' })}
        confirmLabel={t('documents:attached.detach')}
        onConfirm={confirmDetach}
        pending={detach.isPending}
        error={detach.error}
      />
    </Section>
  );
}
