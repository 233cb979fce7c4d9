import { MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Material } from '../../../shared/contract/awareness';
import type { Visibility } from '../../../shared/roles';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/use-record-form';
import { VisibilitySelect } from '../../components/VisibilityBadge';
import { entriesOf } from '../../i18n/label-maps';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';
import { type MaterialInput, useAdoptMaterial, useSaveMaterial } from './api';
import { type MaterialKind, materialKindLabels } from './labels';

interface Values {
  kind: MaterialKind;
  title: string;
  description: string;
  languages: string[];
  ageMin: string;
  ageMax: string;
  visibility: Visibility;
}

function valuesOf(material: Material | undefined): Values {
  return {
    kind: material?.kind ?? 'leaflet',
    title: material?.title ?? '',
    description: material?.description ?? '',
    languages: material?.languages ?? [],
    ageMin: material?.ageMin != null ? String(material.ageMin) : '',
    ageMax: material?.ageMax != null ? String(material.ageMax) : '',
    visibility: material?.visibility ?? 'group',
  };
}

/** An age as typed: empty is no limit; anything else goes to the server as a number, which checks it. */
const ageOf = (text: string) => (text.trim() === '' ? null : Number(text));

function bodyOf(values: Values): MaterialInput {
  return { ...values, ageMin: ageOf(values.ageMin), ageMax: ageOf(values.ageMax) };
}

interface MaterialFormModalProps {
  material?: Material;
  opened: boolean;
  onClose: () => void;
  onSaved?: (material: Material) => void;
}

export function MaterialFormModal({ material, opened, onClose, onSaved }: MaterialFormModalProps) {
  const { t } = useT();
  const save = useSaveMaterial(material?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: material,
    valuesOf,
    bodyOf,
    save,
    adopt: useAdoptMaterial(),
    savedNotice: material ? t('common:notices.saved') : t('awareness:materials.created'),
    onClose,
    onSaved,
  });
  const languageOptions = useSpokenLanguageOptions(values.languages);

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={material ? t('awareness:materials.editTitle') : t('awareness:materials.createTitle')}
      submitLabel={material ? undefined : t('awareness:materials.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
      size="lg"
    >
      <Stack gap="md">
        <TextInput
          label={t('awareness:material.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={error('title')}
          withAsterisk
        />
        <NativeSelect
          label={t('awareness:material.kind')}
          value={values.kind}
          onChange={(e) => set('kind', e.currentTarget.value as MaterialKind)}
          data={entriesOf(materialKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
          error={error('kind')}
        />
        <MultiSelect
          label={t('awareness:material.languages')}
          data={languageOptions}
          value={values.languages}
          onChange={(languages) => set('languages', languages)}
          searchable
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('languages')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            inputMode="numeric"
            label={t('awareness:material.ageMin')}
            value={values.ageMin}
            onChange={(e) => set('ageMin', e.currentTarget.value)}
            error={error('ageMin')}
          />
          <TextInput
            inputMode="numeric"
            label={t('awareness:material.ageMax')}
            value={values.ageMax}
            onChange={(e) => set('ageMax', e.currentTarget.value)}
            error={error('ageMax')}
          />
        </SimpleGrid>
        <Textarea
          label={t('awareness:material.description')}
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={error('description')}
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
