import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Plan } from '../../../../shared/contract/plan';
import type { Visibility } from '../../../../shared/roles';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useEndDateCheck } from '../shared/end-date-check';
import { type PlanStatus, planStatusLabels } from '../shared/labels';
import { useAdoptPlan, useUpdatePlan } from './api';

interface Values {
  titleFr: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  status: PlanStatus;
  visibility: Visibility;
}

function valuesOf(plan: Plan): Values {
  return {
    titleFr: plan.titleFr,
    titleEn: plan.titleEn ?? '',
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    status: plan.status,
    visibility: plan.visibility,
  };
}

/** Edits a plan's title, period, status and visibility. */
export function PlanFormModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdatePlan(plan.id);
  const adopt = useAdoptPlan();
  const [values, setValues] = useState(() => valuesOf(plan));
  const endCheck = useEndDateCheck();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    if (!endCheck.check(values.startsOn, values.endsOn)) return;
    update.mutate(
      { ...values, version: plan.version },
      {
        onSuccess: () => {
          notifySuccess(t('common:notices.saved'));
          onClose();
        },
      },
    );
  };

  const reload = () => {
    if (!(update.error instanceof ApiError)) return;
    const current = update.error.current<Plan>();
    adopt(current, plan.id);
    if (current) setValues(valuesOf(current));
    update.reset();
  };

  const error = (name: string) => fieldError(update.error, name);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:plan.editTitle')}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={reload}
    >
      <Stack gap="md">
        <TextInput
          label={t('plan:plan.titleFr')}
          value={values.titleFr}
          onChange={(e) => set('titleFr', e.currentTarget.value)}
          error={error('titleFr')}
          withAsterisk
          lang="fr"
        />
        <TextInput
          label={t('plan:plan.titleEn')}
          value={values.titleEn}
          onChange={(e) => set('titleEn', e.currentTarget.value)}
          error={error('titleEn')}
          lang="en"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('plan:plan.startsOn')}
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={error('startsOn')}
            withAsterisk
          />
          <TextInput
            type="date"
            label={t('plan:plan.endsOn')}
            value={values.endsOn}
            ref={endCheck.ref}
            onChange={(e) => {
              set('endsOn', e.currentTarget.value);
              endCheck.reset();
            }}
            error={endCheck.invalid ? t('plan:form.endBeforeStart') : error('endsOn')}
            withAsterisk
          />
        </SimpleGrid>
        <NativeSelect
          label={t('plan:plans.columns.status')}
          value={values.status}
          onChange={(e) => set('status', e.currentTarget.value as PlanStatus)}
          data={entriesOf(planStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
          error={error('status')}
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
