import { MultiSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Visibility } from '../../../../shared/roles';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { useSpokenLanguageOptions } from '../../../i18n/spoken-languages';
import { useT } from '../../../i18n/use-t';

export interface ContactPointValues {
  name: string;
  roleTitle: string;
  email: string;
  phone: string;
  languages: string[];
  notes: string;
  visibility: Visibility;
}

interface ContactPointFieldsProps {
  values: ContactPointValues;
  onChange: (values: ContactPointValues) => void;
  error: (field: string) => string | undefined;
  nameRequired: boolean;
}

/** The person's details, shared by the edit form and the handover form. */
export function ContactPointFields({ values, onChange, error, nameRequired }: ContactPointFieldsProps) {
  const { t } = useT();
  const languageOptions = useSpokenLanguageOptions(values.languages);
  const set = <K extends keyof ContactPointValues>(key: K, value: ContactPointValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('network:contactPoint.name')}
          autoComplete="off"
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={error('name')}
          withAsterisk={nameRequired}
        />
        <TextInput
          label={t('network:contactPoint.roleTitle')}
          value={values.roleTitle}
          onChange={(e) => set('roleTitle', e.currentTarget.value)}
          error={error('roleTitle')}
        />
        <TextInput
          type="email"
          label={t('network:contactPoint.email')}
          autoComplete="off"
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={error('email')}
        />
        <TextInput
          type="tel"
          label={t('network:contactPoint.phone')}
          autoComplete="off"
          value={values.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={error('phone')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('network:contactPoint.languages')}
        data={languageOptions}
        value={values.languages}
        onChange={(languages) => set('languages', languages)}
        searchable
        nothingFoundMessage={t('common:filters.noMatch')}
        error={error('languages')}
      />
      <Textarea
        label={t('network:contactPoint.notes')}
        autosize
        minRows={2}
        value={values.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={error('notes')}
      />
      <VisibilitySelect value={values.visibility} onChange={(v) => set('visibility', v)} error={error('visibility')} />
    </Stack>
  );
}

/** What the API takes: empty e-mail is "none" (null); other empty texts the server turns into null itself. */
export function contactPointBody(values: ContactPointValues) {
  return {
    name: values.name,
    roleTitle: values.roleTitle,
    email: values.email.trim() === '' ? null : values.email.trim(),
    phone: values.phone,
    languages: values.languages,
    notes: values.notes,
    visibility: values.visibility,
  };
}
