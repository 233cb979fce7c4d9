import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type MembershipStatus, membershipStatusLabels } from '../shared/labels';
import { type GroupMember, useUpdateMembershipStatus } from './api';

interface MembershipStatusModalProps {
  member: GroupMember;
  institutionName: string;
  onClose: () => void;
}

export function MembershipStatusModal({ member, institutionName, onClose }: MembershipStatusModalProps) {
  const { t } = useT();
  const update = useUpdateMembershipStatus(member.membershipId);
  const [status, setStatus] = useState<MembershipStatus>(member.status);
  const [changedOn, setChangedOn] = useState('');
  const [note, setNote] = useState('');

  const submit = () =>
    update.mutate(
      { status, note, version: member.version, ...(changedOn ? { changedOn } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('network:members.statusSaved'));
          onClose();
        },
      },
    );

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('network:members.changeStatusTitle', { name: institutionName })}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={onClose}
    >
      <Stack gap="md">
        <NativeSelect
          label={t('network:members.status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as MembershipStatus)}
          data={entriesOf(membershipStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
          error={fieldError(update.error, 'status')}
        />
        <TextInput
          type="date"
          label={t('network:members.changedOn')}
          description={t('network:members.changedOnHint')}
          value={changedOn}
          onChange={(event) => setChangedOn(event.currentTarget.value)}
          error={fieldError(update.error, 'changedOn')}
        />
        <Textarea
          label={t('network:members.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError(update.error, 'note')}
        />
      </Stack>
    </FormModal>
  );
}
