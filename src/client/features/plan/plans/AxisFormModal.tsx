import { Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Axis } from '../../../../shared/contract/plan';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { useT } from '../../../i18n/use-t';
import { isolate } from '../shared/bidi';
import { useAxisParticipation, useUpdateAxis } from './api';

interface Values {
  titleFr: string;
  titleEn: string;
  textFr: string;
  textEn: string;
  eachInstitution: boolean;
}

function valuesOf(axis: Pick<Axis, 'titleFr' | 'titleEn' | 'textFr' | 'textEn' | 'eachInstitution'>): Values {
  return {
    titleFr: axis.titleFr,
    titleEn: axis.titleEn ?? '',
    textFr: axis.textFr ?? '',
    textEn: axis.textEn ?? '',
    eachInstitution: axis.eachInstitution,
  };
}

/** Edits an axis's titles and texts in French and English, and whether each institution carries it out. */
export function AxisFormModal({ axis, onClose }: { axis: Axis; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateAxis(axis.planId, axis.id);
  const [values, setValues] = useState(() => valuesOf(axis));
  // The version the form was filled from: after a conflict, the one just reloaded.
  const [version, setVersion] = useState(axis.version);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () =>
    update.mutate(
      { ...values, version },
      {
        onSuccess: () => {
          notifySuccess(t('common:notices.saved'));
          onClose();
        },
      },
    );

  const error = (name: string) => fieldError(update.error, name);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:axis.editTitle', { number: isolate(axis.number) })}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={() => {
        const current = update.error instanceof ApiError ? update.error.current<Axis>() : undefined;
        if (current) {
          setValues(valuesOf(current));
          setVersion(current.version);
        }
        update.reset();
      }}
      size="xl"
    >
      <Stack gap="md">
        <TextInput
          label={t('plan:axis.titleFr')}
          value={values.titleFr}
          onChange={(e) => set('titleFr', e.currentTarget.value)}
          error={error('titleFr')}
          withAsterisk
          lang="fr"
        />
        <TextInput
          label={t('plan:axis.titleEn')}
          value={values.titleEn}
          onChange={(e) => set('titleEn', e.currentTarget.value)}
          error={error('titleEn')}
          lang="en"
        />
        <Textarea
          label={t('plan:axis.textFr')}
          autosize
          minRows={3}
          value={values.textFr}
          onChange={(e) => set('textFr', e.currentTarget.value)}
          error={error('textFr')}
          lang="fr"
        />
        <Textarea
          label={t('plan:axis.textEn')}
          autosize
          minRows={3}
          value={values.textEn}
          onChange={(e) => set('textEn', e.currentTarget.value)}
          error={error('textEn')}
          lang="en"
        />
        <Checkbox
          label={t('plan:axis.eachInstitution')}
          description={t('plan:axis.eachInstitutionHint')}
          checked={values.eachInstitution}
          onChange={(e) => set('eachInstitution', e.currentTarget.checked)}
          error={error('eachInstitution')}
        />
      </Stack>
    </FormModal>
  );
}

/** Records that a member institution does not take part in an axis, with an optional note. */
export function ExceptionModal({
  axis,
  institutionId,
  institutionName,
  onClose,
}: {
  axis: Axis;
  institutionId: string;
  institutionName: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const participation = useAxisParticipation(axis.planId);
  const [note, setNote] = useState('');

  const submit = () =>
    participation.mutate(
      { axisId: axis.id, institutionId, takesPart: false, note },
      {
        onSuccess: () => {
          notifySuccess(t('plan:participants.updated'));
          onClose();
        },
      },
    );

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:participants.excludeNamed', { institution: institutionName, number: isolate(axis.number) })}
      onSubmit={submit}
      submitting={participation.isPending}
      error={participation.error}
      submitLabel={t('plan:participants.exclude')}
    >
      <Textarea
        label={t('plan:participants.note')}
        description={t('plan:participants.noteHint')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fieldError(participation.error, 'note')}
        data-autofocus
      />
    </FormModal>
  );
}
