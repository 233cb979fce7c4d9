import {
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Facility } from '../../../../shared/contract/monitoring';
import type { Visibility } from '../../../../shared/roles';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { useCountryOptions } from '../../../i18n/countries';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type FacilityKind, facilityKindLabels } from '../shared/labels';
import { type FacilityInput, useAdoptFacility, useSaveFacility } from './api';

interface Values {
  name: string;
  kind: FacilityKind;
  countryCode: string | null;
  region: string;
  city: string;
  latitude: number | string;
  longitude: number | string;
  operatingAuthority: string;
  capacity: number | string;
  holdsChildren: boolean;
  isOpen: boolean;
  notes: string;
  visibility: Visibility;
}

function valuesOf(facility: Facility | undefined): Values {
  return {
    name: facility?.name ?? '',
    kind: facility?.kind ?? 'reception_centre',
    countryCode: facility?.countryCode ?? null,
    region: facility?.region ?? '',
    city: facility?.city ?? '',
    latitude: facility?.latitude ?? '',
    longitude: facility?.longitude ?? '',
    operatingAuthority: facility?.operatingAuthority ?? '',
    capacity: facility?.capacity ?? '',
    holdsChildren: facility?.holdsChildren ?? true,
    isOpen: facility?.isOpen ?? true,
    notes: facility?.notes ?? '',
    visibility: facility?.visibility ?? 'group',
  };
}

/** A number input's value: '' (nothing typed) is "not known". */
const numberOrNull = (value: number | string) => (typeof value === 'number' ? value : null);

function bodyOf(values: Values): FacilityInput {
  return {
    name: values.name,
    kind: values.kind,
    // An empty country is sent as such, so that the server names the field in its message.
    countryCode: values.countryCode ?? '',
    region: values.region,
    city: values.city,
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    operatingAuthority: values.operatingAuthority,
    capacity: numberOrNull(values.capacity),
    holdsChildren: values.holdsChildren,
    isOpen: values.isOpen,
    notes: values.notes,
    visibility: values.visibility,
  };
}

interface FacilityFormModalProps {
  facility?: Facility;
  opened: boolean;
  onClose: () => void;
  onSaved?: (facility: Facility) => void;
}

/** Registers a place where children are held or accommodated, or edits it. */
export function FacilityFormModal({ facility, opened, onClose, onSaved }: FacilityFormModalProps) {
  const { t } = useT();
  const countries = useCountryOptions();
  const save = useSaveFacility(facility?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: facility,
    valuesOf,
    bodyOf,
    save,
    adopt: useAdoptFacility(),
    savedNotice: facility ? t('common:notices.saved') : t('monitoring:facilities.created'),
    onClose,
    onSaved,
  });

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={facility ? t('monitoring:facilities.editTitle') : t('monitoring:facilities.createTitle')}
      submitLabel={facility ? undefined : t('monitoring:facilities.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <TextInput
          label={t('monitoring:facility.name')}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={error('name')}
          withAsterisk
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('monitoring:facility.kind')}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as FacilityKind)}
            data={entriesOf(facilityKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('kind')}
          />
          <Select
            label={t('monitoring:facility.country')}
            data={countries}
            value={values.countryCode}
            onChange={(value) => set('countryCode', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('countryCode')}
            withAsterisk
          />
          <TextInput
            label={t('monitoring:facility.region')}
            value={values.region}
            onChange={(e) => set('region', e.currentTarget.value)}
            error={error('region')}
          />
          <TextInput
            label={t('monitoring:facility.city')}
            value={values.city}
            onChange={(e) => set('city', e.currentTarget.value)}
            error={error('city')}
          />
          <NumberInput
            label={t('monitoring:facility.latitude')}
            description={t('monitoring:facility.coordinatesHint')}
            value={values.latitude}
            onChange={(v) => set('latitude', v)}
            min={-90}
            max={90}
            decimalScale={6}
            hideControls
            error={error('latitude')}
          />
          <NumberInput
            label={t('monitoring:facility.longitude')}
            description={t('monitoring:facility.coordinatesHint')}
            value={values.longitude}
            onChange={(v) => set('longitude', v)}
            min={-180}
            max={180}
            decimalScale={6}
            hideControls
            error={error('longitude')}
          />
          <TextInput
            label={t('monitoring:facility.operatingAuthority')}
            value={values.operatingAuthority}
            onChange={(e) => set('operatingAuthority', e.currentTarget.value)}
            error={error('operatingAuthority')}
          />
          <NumberInput
            label={t('monitoring:facility.capacity')}
            description={t('monitoring:facility.capacityHint')}
            value={values.capacity}
            onChange={(v) => set('capacity', v)}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            error={error('capacity')}
          />
        </SimpleGrid>
        <Group gap="xl">
          <Checkbox
            label={t('monitoring:facility.holdsChildren')}
            checked={values.holdsChildren}
            onChange={(e) => set('holdsChildren', e.currentTarget.checked)}
            error={error('holdsChildren')}
          />
          <Checkbox
            label={t('monitoring:facility.isOpen')}
            checked={values.isOpen}
            onChange={(e) => set('isOpen', e.currentTarget.checked)}
            error={error('isOpen')}
          />
        </Group>
        <Textarea
          label={t('monitoring:facility.notes')}
          autosize
          minRows={2}
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
