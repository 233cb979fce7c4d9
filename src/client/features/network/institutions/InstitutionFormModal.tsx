import { NativeSelect, Select, SimpleGrid, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Institution } from '../../../../shared/contract/network';
import type { Visibility } from '../../../../shared/roles';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { useCountryOptions } from '../../../i18n/countries';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useAssociations } from '../associations/api';
import {
  type AssociationStatus,
  associationStatusLabels,
  type DataStatus,
  dataStatusLabels,
  type InstitutionKind,
  institutionKindLabels,
} from '../shared/labels';
import { type InstitutionInput, useAdoptInstitution, useCreateInstitution, useUpdateInstitution } from './api';

interface Values {
  nameFr: string;
  nameEn: string;
  nameOriginal: string;
  acronym: string;
  countryCode: string | null;
  kind: InstitutionKind;
  website: string;
  dataStatus: DataStatus;
  notes: string;
  visibility: Visibility;
  /** Association id → status; '' means nothing recorded. */
  associations: Record<string, AssociationStatus | ''>;
}

function valuesOf(institution: Institution | undefined): Values {
  return {
    nameFr: institution?.nameFr ?? '',
    nameEn: institution?.nameEn ?? '',
    nameOriginal: institution?.nameOriginal ?? '',
    acronym: institution?.acronym ?? '',
    countryCode: institution?.countryCode ?? null,
    kind: institution?.kind ?? 'ombudsman',
    website: institution?.website ?? '',
    dataStatus: institution?.dataStatus ?? 'confirmed',
    notes: institution?.notes ?? '',
    visibility: institution?.visibility ?? 'public',
    associations: Object.fromEntries((institution?.associations ?? []).map((a) => [a.associationId, a.status])),
  };
}

function bodyOf(values: Values, institution: Institution | undefined): InstitutionInput {
  const notes = new Map((institution?.associations ?? []).map((a) => [a.associationId, a.note]));
  return {
    nameFr: values.nameFr,
    nameEn: values.nameEn,
    nameOriginal: values.nameOriginal,
    acronym: values.acronym,
    countryCode: values.countryCode ?? '',
    kind: values.kind,
    website: values.website.trim() === '' ? null : values.website.trim(),
    dataStatus: values.dataStatus,
    notes: values.notes,
    visibility: values.visibility,
    associations: Object.entries(values.associations)
      .filter((entry): entry is [string, AssociationStatus] => entry[1] !== '')
      .map(([associationId, status]) => ({ associationId, status, note: notes.get(associationId) ?? null })),
  };
}

interface InstitutionFormModalProps {
  /** The institution to edit; none to register a new one. */
  institution?: Institution;
  opened: boolean;
  onClose: () => void;
  onSaved?: (institution: Institution) => void;
}

export function InstitutionFormModal({ institution, opened, onClose, onSaved }: InstitutionFormModalProps) {
  const { t } = useT();
  const countries = useCountryOptions();
  const associations = useAssociations();
  const create = useCreateInstitution();
  const update = useUpdateInstitution(institution?.id ?? '');
  const adopt = useAdoptInstitution();
  const mutation = institution ? update : create;
  const [values, setValues] = useState(() => valuesOf(institution));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const close = () => {
    setValues(valuesOf(institution));
    mutation.reset();
    onClose();
  };

  const submit = () => {
    const body = bodyOf(values, institution);
    const done = (saved: Institution) => {
      notifySuccess(institution ? t('common:notices.saved') : t('network:institutions.created'));
      setValues(valuesOf(saved));
      mutation.reset();
      onClose();
      onSaved?.(saved);
    };
    if (institution) update.mutate({ ...body, version: institution.version }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  const reload = () => {
    if (!institution || !(update.error instanceof ApiError)) return;
    const current = update.error.current<Institution>();
    adopt(current, institution.id);
    if (current) setValues(valuesOf(current));
    update.reset();
  };

  const error = (name: string) => fieldError(mutation.error, name);
  const associationList = associations.data?.items ?? [];

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={institution ? t('network:institutions.editTitle') : t('network:institutions.createTitle')}
      submitLabel={institution ? undefined : t('network:institutions.create')}
      onSubmit={submit}
      submitting={mutation.isPending}
      error={mutation.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('network:institution.nameFr')}
            value={values.nameFr}
            onChange={(e) => set('nameFr', e.currentTarget.value)}
            error={error('nameFr')}
            withAsterisk
          />
          <TextInput
            label={t('network:institution.nameEn')}
            value={values.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={error('nameEn')}
          />
          <TextInput
            label={t('network:institution.nameOriginal')}
            value={values.nameOriginal}
            onChange={(e) => set('nameOriginal', e.currentTarget.value)}
            error={error('nameOriginal')}
          />
          <TextInput
            label={t('network:institution.acronym')}
            value={values.acronym}
            onChange={(e) => set('acronym', e.currentTarget.value)}
            error={error('acronym')}
          />
          <Select
            label={t('network:institution.country')}
            data={countries}
            value={values.countryCode}
            onChange={(value) => set('countryCode', value)}
            searchable
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('countryCode')}
            withAsterisk
          />
          <NativeSelect
            label={t('network:institution.kind')}
            value={values.kind}
            onChange={(e) => set('kind', e.currentTarget.value as InstitutionKind)}
            data={entriesOf(institutionKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('kind')}
          />
          <TextInput
            type="url"
            label={t('network:institution.website')}
            placeholder="https://"
            value={values.website}
            onChange={(e) => set('website', e.currentTarget.value)}
            error={error('website')}
          />
          <NativeSelect
            label={t('network:institution.dataStatus')}
            description={t('network:institution.dataStatusHint')}
            value={values.dataStatus}
            onChange={(e) => set('dataStatus', e.currentTarget.value as DataStatus)}
            data={entriesOf(dataStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('dataStatus')}
          />
        </SimpleGrid>
        <Textarea
          label={t('network:institution.notes')}
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
        {associationList.length > 0 && (
          <Table verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('network:institution.associationsLegend')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('network:institution.association')}</Table.Th>
                <Table.Th>{t('network:institution.associationStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {associationList.map((association) => (
                <Table.Tr key={association.id}>
                  <Table.Td>{association.code}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('network:institution.statusIn', { code: association.code })}
                      value={values.associations[association.id] ?? ''}
                      onChange={(e) =>
                        set('associations', {
                          ...values.associations,
                          [association.id]: e.currentTarget.value as AssociationStatus | '',
                        })
                      }
                      data={[
                        { value: '', label: t('network:institution.notRecorded') },
                        ...entriesOf(associationStatusLabels).map(([value, key]) => ({ value, label: t(key) })),
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {error('associations') && (
          <div role="alert" style={{ color: 'var(--mantine-color-error)' }}>
            {error('associations')}
          </div>
        )}
      </Stack>
    </FormModal>
  );
}
