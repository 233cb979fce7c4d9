import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ContactPoint } from '../../../../shared/contract/network';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { today } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useAdoptContactPoint, useHandover, useUpdateContactPoint } from './api';
import { ContactPointFields, type ContactPointValues, contactPointBody } from './ContactPointFields';

function valuesOf(contactPoint: ContactPoint | undefined): ContactPointValues {
  return {
    name: contactPoint?.name ?? '',
    roleTitle: contactPoint?.roleTitle ?? '',
    email: contactPoint?.email ?? '',
    phone: contactPoint?.phone ?? '',
    languages: contactPoint?.languages ?? [],
    notes: contactPoint?.notes ?? '',
    visibility: contactPoint?.visibility ?? 'group',
  };
}

interface EditProps {
  membershipId: string;
  contactPoint: ContactPoint;
  onClose: () => void;
}

export function EditContactPointModal({ membershipId, contactPoint, onClose }: EditProps) {
  const { t } = useT();
  const update = useUpdateContactPoint(membershipId);
  const adopt = useAdoptContactPoint(membershipId);
  const [values, setValues] = useState(() => valuesOf(contactPoint));

  const submit = () =>
    update.mutate(
      { id: contactPoint.id, version: contactPoint.version, ...contactPointBody(values) },
      {
        onSuccess: () => {
          notifySuccess(t('common:notices.saved'));
          onClose();
        },
      },
    );
  const reload = () => {
    const current = update.error instanceof ApiError ? update.error.current<ContactPoint>() : undefined;
    adopt(current);
    if (current) setValues(valuesOf(current));
    update.reset();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('network:contactPoint.editTitle')}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={reload}
    >
      <ContactPointFields
        values={values}
        onChange={setValues}
        error={(field) => fieldError(update.error, field)}
        nameRequired={false}
      />
    </FormModal>
  );
}

interface HandoverProps {
  membershipId: string;
  /** The contact point who hands over, if there is one. */
  current: ContactPoint | undefined;
  onClose: () => void;
}

/** A new person takes over: the current contact point's term ends and stays in the history. */
export function HandoverModal({ membershipId, current, onClose }: HandoverProps) {
  const { t } = useT();
  const handover = useHandover(membershipId);
  const [values, setValues] = useState(() => valuesOf(undefined));
  const [startsOn, setStartsOn] = useState(today);

  const submit = () =>
    handover.mutate(
      { ...contactPointBody(values), startsOn },
      {
        onSuccess: () => {
          notifySuccess(t('network:contactPoint.handedOver'));
          onClose();
        },
      },
    );

  return (
    <FormModal
      opened
      onClose={onClose}
      title={current ? t('network:contactPoint.handoverTitle') : t('network:contactPoint.nameFirstTitle')}
      submitLabel={current ? t('network:contactPoint.handover') : t('network:contactPoint.nameFirst')}
      onSubmit={submit}
      submitting={handover.isPending}
      error={handover.error}
    >
      {current?.name && <Text size="sm">{t('network:contactPoint.handoverExplanation', { name: current.name })}</Text>}
      <TextInput
        type="date"
        label={t('network:contactPoint.startsOn')}
        value={startsOn}
        onChange={(e) => setStartsOn(e.currentTarget.value)}
        error={fieldError(handover.error, 'startsOn')}
        withAsterisk
      />
      <ContactPointFields
        values={values}
        onChange={setValues}
        error={(field) => fieldError(handover.error, field)}
        nameRequired
      />
    </FormModal>
  );
}
