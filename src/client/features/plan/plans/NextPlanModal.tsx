import { List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Plan } from '../../../../shared/contract/plan';
import { fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { useEndDateCheck } from '../shared/end-date-check';
import { usePrepareNextPlan } from './api';

const day = 24 * 60 * 60 * 1000;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/** The next plan follows on the day after this one ends and lasts as many months (2017–2018 → 2019–2020). */
export function followingPeriod(startsOn: string, endsOn: string): { startsOn: string; endsOn: string } {
  const start = utc(startsOn);
  const dayAfterEnd = new Date(utc(endsOn).getTime() + day);
  const months =
    (dayAfterEnd.getUTCFullYear() - start.getUTCFullYear()) * 12 + (dayAfterEnd.getUTCMonth() - start.getUTCMonth());
  const nextEnd = new Date(
    Date.UTC(dayAfterEnd.getUTCFullYear(), dayAfterEnd.getUTCMonth() + Math.max(months, 1), dayAfterEnd.getUTCDate()) -
      day,
  );
  return { startsOn: isoOf(dayAfterEnd), endsOn: isoOf(nextEnd) };
}

/**
 * "Prepare the next plan": asks for the new plan's title and dates, says what is copied and carried over, then
 * opens the new draft.
 */
export function NextPlanModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const navigate = useNavigate();
  const prepare = usePrepareNextPlan(plan.id);
  const endCheck = useEndDateCheck();
  const [values, setValues] = useState(() => ({
    titleFr: '',
    titleEn: '',
    ...followingPeriod(plan.startsOn, plan.endsOn),
  }));
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    if (!endCheck.check(values.startsOn, values.endsOn)) return;
    prepare.mutate(values, {
      onSuccess: (created) => {
        notifySuccess(t('plan:next.created', { title: localized(created.titleFr, created.titleEn) }));
        onClose();
        navigate(`/plans/${created.id}`);
      },
    });
  };

  const error = (name: string) => fieldError(prepare.error, name);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:next.title')}
      submitLabel={t('plan:next.submit')}
      onSubmit={submit}
      submitting={prepare.isPending}
      error={prepare.error}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm">{t('plan:next.intro', { plan: localized(plan.titleFr, plan.titleEn) })}</Text>
          <List size="sm" spacing={2}>
            <List.Item>{t('plan:next.copied')}</List.Item>
            <List.Item>{t('plan:next.carried')}</List.Item>
            <List.Item>{t('plan:next.draft')}</List.Item>
          </List>
        </Stack>
        <TextInput
          label={t('plan:plan.titleFr')}
          value={values.titleFr}
          onChange={(e) => set('titleFr', e.currentTarget.value)}
          error={error('titleFr')}
          withAsterisk
          lang="fr"
          data-autofocus
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
            ref={endCheck.ref}
            value={values.endsOn}
            onChange={(e) => {
              set('endsOn', e.currentTarget.value);
              endCheck.reset();
            }}
            error={endCheck.invalid ? t('plan:form.endBeforeStart') : error('endsOn')}
            withAsterisk
          />
        </SimpleGrid>
      </Stack>
    </FormModal>
  );
}
