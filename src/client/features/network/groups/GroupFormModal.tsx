import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { useT } from '../../../i18n/use-t';
import { type Group, useAdoptGroup, useUpdateGroup } from './api';

function valuesOf(group: Group) {
  return {
    nameFr: group.nameFr,
    nameEn: group.nameEn,
    descriptionFr: group.descriptionFr ?? '',
    descriptionEn: group.descriptionEn ?? '',
  };
}

/** The group's names and descriptions, in French and English. */
export function GroupFormModal({ group, onClose }: { group: Group; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateGroup(group.id);
  const adopt = useAdoptGroup(group.id);
  const [values, setValues] = useState(() => valuesOf(group));
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => fieldError(update.error, name);

  const submit = () =>
    update.mutate(
      { ...values, version: group.version },
      {
        onSuccess: () => {
          notifySuccess(t('common:notices.saved'));
          onClose();
        },
      },
    );
  const reload = () => {
    const current = update.error instanceof ApiError ? update.error.current<Group>() : undefined;
    adopt(current);
    if (current) setValues(valuesOf(current));
    update.reset();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('network:group.editTitle')}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={reload}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('network:group.nameFr')}
          value={values.nameFr}
          onChange={(e) => set('nameFr', e.currentTarget.value)}
          error={error('nameFr')}
          withAsterisk
        />
        <TextInput
          label={t('network:group.nameEn')}
          value={values.nameEn}
          onChange={(e) => set('nameEn', e.currentTarget.value)}
          error={error('nameEn')}
          withAsterisk
        />
      </SimpleGrid>
      <Textarea
        label={t('network:group.descriptionFr')}
        autosize
        minRows={3}
        value={values.descriptionFr}
        onChange={(e) => set('descriptionFr', e.currentTarget.value)}
        error={error('descriptionFr')}
      />
      <Textarea
        label={t('network:group.descriptionEn')}
        autosize
        minRows={3}
        value={values.descriptionEn}
        onChange={(e) => set('descriptionEn', e.currentTarget.value)}
        error={error('descriptionEn')}
      />
    </FormModal>
  );
}
