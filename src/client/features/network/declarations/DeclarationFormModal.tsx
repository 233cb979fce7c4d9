import { Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Declaration } from '../../../../shared/contract/network';
import type { Visibility } from '../../../../shared/roles';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { useT } from '../../../i18n/use-t';
import { useAssociations } from '../associations/api';
import { type DeclarationInput, useAdoptDeclaration, useSaveDeclaration } from './api';

interface Values {
  titleFr: string;
  titleEn: string;
  adoptedOn: string;
  place: string;
  summaryFr: string;
  summaryEn: string;
  link: string;
  text: string;
  associationIds: string[];
  visibility: Visibility;
}

function valuesOf(declaration: Declaration | undefined): Values {
  return {
    titleFr: declaration?.titleFr ?? '',
    titleEn: declaration?.titleEn ?? '',
    adoptedOn: declaration?.adoptedOn ?? '',
    place: declaration?.place ?? '',
    summaryFr: declaration?.summaryFr ?? '',
    summaryEn: declaration?.summaryEn ?? '',
    link: declaration?.link ?? '',
    text: declaration?.text ?? '',
    associationIds: declaration?.associations.map((a) => a.id) ?? [],
    visibility: declaration?.visibility ?? 'public',
  };
}

function bodyOf(values: Values): DeclarationInput {
  return {
    ...values,
    adoptedOn: values.adoptedOn === '' ? null : values.adoptedOn,
    link: values.link.trim() === '' ? null : values.link.trim(),
  };
}

interface DeclarationFormModalProps {
  declaration?: Declaration;
  opened: boolean;
  onClose: () => void;
  onSaved?: (declaration: Declaration) => void;
}

export function DeclarationFormModal({ declaration, opened, onClose, onSaved }: DeclarationFormModalProps) {
  const { t } = useT();
  const associations = useAssociations();
  const save = useSaveDeclaration(declaration?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: declaration,
    valuesOf,
    bodyOf,
    save,
    adopt: useAdoptDeclaration(),
    savedNotice: declaration ? t('common:notices.saved') : t('network:declarations.created'),
    onClose,
    onSaved,
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={declaration ? t('network:declarations.editTitle') : t('network:declarations.createTitle')}
      submitLabel={declaration ? undefined : t('network:declarations.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('network:declaration.titleFr')}
            value={values.titleFr}
            onChange={(e) => set('titleFr', e.currentTarget.value)}
            error={error('titleFr')}
            withAsterisk
          />
          <TextInput
            label={t('network:declaration.titleEn')}
            value={values.titleEn}
            onChange={(e) => set('titleEn', e.currentTarget.value)}
            error={error('titleEn')}
          />
          <TextInput
            type="date"
            label={t('network:declaration.adoptedOn')}
            value={values.adoptedOn}
            onChange={(e) => set('adoptedOn', e.currentTarget.value)}
            error={error('adoptedOn')}
          />
          <TextInput
            label={t('network:declaration.place')}
            value={values.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={error('place')}
          />
        </SimpleGrid>
        <TextInput
          type="url"
          label={t('network:declaration.link')}
          placeholder="https://"
          value={values.link}
          onChange={(e) => set('link', e.currentTarget.value)}
          error={error('link')}
        />
        <Checkbox.Group
          label={t('network:declaration.associations')}
          value={values.associationIds}
          onChange={(ids) => set('associationIds', ids)}
          error={error('associationIds')}
        >
          <Group gap="md" mt={4}>
            {(associations.data?.items ?? []).map((association) => (
              <Checkbox key={association.id} value={association.id} label={association.code} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('network:declaration.summaryFr')}
          autosize
          minRows={3}
          value={values.summaryFr}
          onChange={(e) => set('summaryFr', e.currentTarget.value)}
          error={error('summaryFr')}
        />
        <Textarea
          label={t('network:declaration.summaryEn')}
          autosize
          minRows={3}
          value={values.summaryEn}
          onChange={(e) => set('summaryEn', e.currentTarget.value)}
          error={error('summaryEn')}
        />
        <Textarea
          label={t('network:declaration.text')}
          description={t('network:declaration.textHint')}
          autosize
          minRows={6}
          maxRows={16}
          value={values.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          error={error('text')}
        />
        <VisibilitySelect
          value={values.visibility}
          onChange={(v) => set('visibility', v)}
          error={error('visibility')}
        />
      </Stack>
    </FormModal>
  );
}
