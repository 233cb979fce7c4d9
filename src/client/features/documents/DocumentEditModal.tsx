import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { Visibility } from '../../../shared/roles';
import { ApiError, fieldError } from '../../api/http';
import { useAdoptDocument, useUpdateDocument } from '../../components/documents/api';
import { FormModal } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { VisibilitySelect } from '../../components/VisibilityBadge';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';

interface Values {
  title: string;
  description: string;
  language: string | null;
  visibility: Visibility;
}

const valuesOf = (document: DocumentDetail): Values => ({
  title: document.title,
  description: document.description ?? '',
  language: document.language,
  visibility: document.visibility,
});

/**
 * Edits a document's title, description, language and visibility, from the version on screen when it opened
 * (mounted on opening, so later changes to the document never overwrite what is being typed).
 */
export function DocumentEditModal({
  document,
  opened,
  onClose,
}: {
  document: DocumentDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const save = useUpdateDocument(document.id);
  const adopt = useAdoptDocument();
  const languages = useSpokenLanguageOptions(document.language ? [document.language] : []);
  const [values, setValues] = useState<Values>(() => valuesOf(document));
  const [version, setVersion] = useState(document.version);

  const close = () => {
    save.reset();
    onClose();
  };
  const reload = () => {
    const current = save.error instanceof ApiError ? save.error.current<DocumentDetail>() : undefined;
    adopt(current, document.id);
    if (current) {
      setValues(valuesOf(current));
      setVersion(current.version);
    }
    save.reset();
  };
  const submit = () =>
    save.mutate(
      {
        title: values.title,
        description: values.description,
        language: values.language,
        visibility: values.visibility,
        version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('documents:detail.saved'));
          close();
        },
      },
    );

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('documents:detail.editTitle')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
    >
      <Stack gap="md">
        <TextInput
          label={t('documents:fields.title')}
          value={values.title}
          onChange={(event) => setValues({ ...values, title: event.currentTarget.value })}
          error={fieldError(save.error, 'title')}
          required
          maxLength={300}
        />
        <Textarea
          label={t('documents:fields.description')}
          value={values.description}
          onChange={(event) => setValues({ ...values, description: event.currentTarget.value })}
          error={fieldError(save.error, 'description')}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Select
          label={t('documents:fields.language')}
          data={languages}
          value={values.language}
          onChange={(language) => setValues({ ...values, language })}
          searchable
          clearable
          error={fieldError(save.error, 'language')}
        />
        <VisibilitySelect
          value={values.visibility}
          onChange={(visibility) => setValues({ ...values, visibility })}
          error={fieldError(save.error, 'visibility')}
        />
      </Stack>
    </FormModal>
  );
}
