import { FileInput, NativeSelect, Progress, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/contract/documents';
import { type Visibility, visibilities } from '../../../shared/roles';
import { ApiError, fieldError } from '../../api/http';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';
import { FormModal } from '../FormModal';
import { useUploadDocument, useUploadLimits } from './api';
import { formatFileSize } from './file-size';

interface DocumentUploadModalProps {
  opened: boolean;
  onClose: () => void;
  /** Attach the new document to this record. */
  attachTo?: { entity: string; entityId: string };
  /** The widest visibility allowed (that of the record it is attached to). */
  maxVisibility?: Visibility;
  onUploaded?: (document: DocumentDetail) => void;
}

export const visibilityLabels = {
  institution: 'common:visibility.institution',
  group: 'common:visibility.group',
  partners: 'common:visibility.partners',
  public: 'common:visibility.public',
} as const satisfies Record<Visibility, string>;

/** The title a file suggests: its name without the extension. */
function titleOf(file: File): string {
  return file.name.replace(/\.[^.]{1,5}$/, '');
}

/** Uploads a file as a new document: title (the file's name unless changed), language, visibility. */
export function DocumentUploadModal({
  opened,
  onClose,
  attachTo,
  maxVisibility,
  onUploaded,
}: DocumentUploadModalProps) {
  const { t, i18n } = useT();
  const limits = useUploadLimits();
  const upload = useUploadDocument();
  const languages = useSpokenLanguageOptions();
  const allowed = visibilities.slice(0, visibilities.indexOf(maxVisibility ?? 'public') + 1);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [visibility, setVisibility] = useState<Visibility>(allowed.includes('group') ? 'group' : 'institution');
  const [fileProblem, setFileProblem] = useState<string | undefined>();

  const maxBytes = limits.data?.maxBytes;
  const close = () => {
    setFile(null);
    setTitle('');
    setDescription('');
    setLanguage(null);
    setFileProblem(undefined);
    upload.reset();
    onClose();
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileProblem(undefined);
    if (chosen && title.trim() === '') setTitle(titleOf(chosen));
  };
  const submit = () => {
    if (!file) {
      setFileProblem(t('documents:upload.fileRequired'));
      return;
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      setFileProblem(t('documents:upload.tooLarge', { limit: formatFileSize(maxBytes, i18n.language) }));
      return;
    }
    upload.mutate(
      {
        file,
        title: title.trim() || titleOf(file),
        description,
        ...(language ? { language } : {}),
        visibility,
        ...(attachTo ?? {}),
      },
      {
        onSuccess: (document) => {
          onUploaded?.(document);
          close();
        },
      },
    );
  };
  // A refused file (type, size) is about the file input; other errors show at the top.
  const fileError =
    fileProblem ??
    (upload.error instanceof ApiError && (upload.error.status === 413 || upload.error.status === 415)
      ? upload.error.message
      : fieldError(upload.error, 'file'));
  const topError =
    upload.error instanceof ApiError && (upload.error.status === 413 || upload.error.status === 415)
      ? null
      : upload.error;

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={attachTo ? t('documents:upload.attachTitle') : t('documents:upload.title')}
      onSubmit={submit}
      submitting={upload.isPending}
      error={topError}
      submitLabel={t('documents:upload.submit')}
    >
      <Stack gap="md">
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
          onChange={choose}
          error={fileError}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
        />
        <TextInput
          label={t('documents:fields.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldError(upload.error, 'title')}
          maxLength={300}
        />
        <Textarea
          label={t('documents:fields.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(upload.error, 'description')}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Select
          label={t('documents:fields.language')}
          data={languages}
          value={language}
          onChange={setLanguage}
          searchable
          clearable
          error={fieldError(upload.error, 'language')}
        />
        <NativeSelect
          label={t('common:visibility.label')}
          description={allowed.length < visibilities.length ? t('documents:upload.visibilityCapped') : undefined}
          data={allowed.map((v) => ({ value: v, label: t(visibilityLabels[v]) }))}
          value={visibility}
          onChange={(event) => setVisibility(event.currentTarget.value as Visibility)}
          error={fieldError(upload.error, 'visibility')}
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
