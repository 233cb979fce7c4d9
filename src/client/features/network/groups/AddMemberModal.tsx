import { NativeSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useInstitutions } from '../institutions/api';
import { type MembershipStatus, membershipStatusLabels } from '../shared/labels';
import { useLocalizedText } from '../shared/localized';
import { useAddMember } from './api';

interface AddMemberModalProps {
  groupId: string;
  groupName: string;
  opened: boolean;
  onClose: () => void;
}

export function AddMemberModal({ groupId, groupName, opened, onClose }: AddMemberModalProps) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const add = useAddMember(groupId);
  // Institutions that are in no group yet; the server refuses duplicates anyway.
  const candidates = useInstitutions({ page: 1, pageSize: 100, sort: 'name', order: 'asc', member: 'false' }, opened);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [status, setStatus] = useState<MembershipStatus>('pending_validation');
  const [changedOn, setChangedOn] = useState('');
  const [note, setNote] = useState('');

  const close = () => {
    setInstitutionId(null);
    setStatus('pending_validation');
    setChangedOn('');
    setNote('');
    add.reset();
    onClose();
  };

  const submit = () =>
    add.mutate(
      { institutionId: institutionId ?? '', status, note, ...(changedOn ? { changedOn } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('network:members.added'));
          close();
        },
      },
    );

  const options = (candidates.data?.items ?? []).map((institution) => ({
    value: institution.id,
    label: `${localized(institution.nameFr, institution.nameEn)} (${format.country(institution.countryCode)})`,
  }));

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('network:members.addTitle', { group: groupName })}
      submitLabel={t('network:members.add')}
      onSubmit={submit}
      submitting={add.isPending}
      error={add.error}
    >
      <Stack gap="md">
        <Select
          label={t('network:members.institution')}
          placeholder={candidates.isPending ? t('common:states.loading') : undefined}
          data={options}
          value={institutionId}
          onChange={setInstitutionId}
          searchable
          nothingFoundMessage={t('network:members.noCandidates')}
          error={fieldError(add.error, 'institutionId') ?? (candidates.isError ? candidates.error.message : undefined)}
          withAsterisk
        />
        <NativeSelect
          label={t('network:members.status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as MembershipStatus)}
          data={entriesOf(membershipStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
          error={fieldError(add.error, 'status')}
        />
        <TextInput
          type="date"
          label={t('network:members.changedOn')}
          description={t('network:members.changedOnHint')}
          value={changedOn}
          onChange={(event) => setChangedOn(event.currentTarget.value)}
          error={fieldError(add.error, 'changedOn')}
        />
        <Textarea
          label={t('network:members.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(add.error, 'note')}
        />
      </Stack>
    </FormModal>
  );
}
