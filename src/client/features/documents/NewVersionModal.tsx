import { FileInput, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/http';
import { useUploadLimits, useUploadVersion } from '../../components/documents/api';
import { formatFileSize } from '../../components/documents/file-size';
import { FormModal } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/use-t';

/** Uploads a file as the document's next version. */
export function NewVersionModal({
  documentId,
  opened,
  onClose,
}: {
  documentId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useT();
  const limits = useUploadLimits();
  const upload = useUploadVersion(documentId);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const maxBytes = limits.data?.maxBytes;

  const close = () => {
    setFile(null);
    setProblem(undefined);
    upload.reset();
    onClose();
  };
  const submit = () => {
    if (!file) return setProblem(t('documents:upload.fileRequired'));
    if (maxBytes !== undefined && file.size > maxBytes) {
      return setProblem(t('documents:upload.tooLarge', { limit: formatFileSize(maxBytes, i18n.language) }));
    }
    upload.mutate(file, {
      onSuccess: (document) => {
        notifySuccess(t('documents:detail.versionUploaded', { number: document.current.number }));
        close();
      },
    });
  };
  const refused = upload.error instanceof ApiError && (upload.error.status === 413 || upload.error.status === 415);

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('documents:detail.newVersionTitle')}
      onSubmit={submit}
      submitting={upload.isPending}
      error={refused ? null : upload.error}
      submitLabel={t('documents:upload.submit')}
    >
      <Stack gap="md">
        <Text size="sm">{t('documents:detail.newVersionHint')}</Text>
        <FileInput
          label={t('documents:upload.file')}
          description={
            maxBytes === undefined
              ? undefined
              : t('documents:upload.hint', { limit: formatFileSize(maxBytes, i18n.language) })
          }
          placeholder={t('documents:upload.choose')}
          accept={limits.data ? [...limits.data.mimes, ...limits.data.extensions].join(',') : undefined}
          leftSection={<IconUpload size={16} aria-hidden="true" />}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setProblem(undefined);
          }}
          error={problem ?? (refused ? (upload.error as ApiError).message : undefined)}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
        />
        {upload.progress !== null && (
          <Progress
            value={Math.round(upload.progress * 100)}
            aria-label={t('documents:upload.progress', { percent: Math.round(upload.progress * 100) })}
            animated
          />
        )}
      </Stack>
    </FormModal>
  );
}
