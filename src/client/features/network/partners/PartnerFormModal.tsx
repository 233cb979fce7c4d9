import { NativeSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Partner } from '../../../../shared/contract/network';
import type { Visibility } from '../../../../shared/roles';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { useCountryOptions } from '../../../i18n/countries';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type PartnerKind, partnerKindLabels } from '../shared/labels';
import { type PartnerInput, useAdoptPartner, useSavePartner } from './api';

interface Values {
  nameFr: string;
  nameEn: string;
  acronymFr: string;
  acronymEn: string;
  kind: PartnerKind;
  countryCode: string | null;
  website: string;
  notes: string;
  visibility: Visibility;
}

function valuesOf(partner: Partner | undefined): Values {
  return {
    nameFr: partner?.nameFr ?? '',
    nameEn: partner?.nameEn ?? '',
    acronymFr: partner?.acronymFr ?? '',
    acronymEn: partner?.acronymEn ?? '',
    kind: partner?.kind ?? 'international_organisation',
    countryCode: partner?.countryCode ?? null,
    website: partner?.website ?? '',
    notes: partner?.notes ?? '',
    visibility: partner?.visibility ?? 'group',
  };
}

function bodyOf(values: Values): PartnerInput {
  return {
    ...values,
    countryCode: values.countryCode,
    website: values.website.trim() === '' ? null : values.website.trim(),
  };
}

interface PartnerFormModalProps {
  partner?: Partner;
  opened: boolean;
  onClose: () => void;
  onSaved?: (partner: Partner) => void;
}

export function PartnerFormModal({ partner, opened, onClose, onSaved }: PartnerFormModalProps) {
  const { t } = useT();
  const countries = useCountryOptions();
  const save = useSavePartner(partner?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: partner,
    valuesOf,
    bodyOf,
    save,
    adopt: useAdoptPartner(),
    savedNotice: partner ? t('common:notices.saved') : t('network:partners.created'),
    onClose,
    onSaved,
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={partner ? t('network:partners.editTitle') : t('network:partners.createTitle')}
      submitLabel={partner ? undefined : t('network:partners.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('network:partner.nameFr')}
            value={values.nameFr}
            onChange={(e) => set('nameFr', e.currentTarget.value)}
            error={error('nameFr')}
            withAsterisk
          />
          <TextInput
            label={t('network:partner.nameEn')}
            value={values.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={error('nameEn')}
          />
          <TextInput
            label={t('network:partner.acronymFr')}
            value={values.acronymFr}
            onChange={(e) => set('acronymFr', e.currentTarget.value)}
            error={error('acronymFr')}
          />
          <TextInput
            label={t('network:partner.acronymEn')}
            value={values.acronymEn}
            onChange={(e) => set('acronymEn', e.currentTarget.value)}
            error={error('acronymEn')}
          />
          <NativeSelect
            label={t('network:partner.kind')}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as PartnerKind)}
            data={entriesOf(partnerKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('kind')}
          />
          <Select
            label={t('network:partner.country')}
            description={t('network:partner.countryHint')}
            data={countries}
            value={values.countryCode}
            onChange={(value) => set('countryCode', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('countryCode')}
          />
          <TextInput
            type="url"
            label={t('network:partner.website')}
            placeholder="https://"
            value={values.website}
            onChange={(e) => set('website', e.currentTarget.value)}
            error={error('website')}
          />
        </SimpleGrid>
        <Textarea
          label={t('network:partner.notes')}
          autosize
          minRows={3}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={error('notes')}
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
