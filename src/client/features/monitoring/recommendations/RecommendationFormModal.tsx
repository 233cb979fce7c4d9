import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Recommendation, Visit } from '../../../../shared/contract/monitoring';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { today, useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type MonitoringTheme, priorityLabels, type RecommendationPriority, themeLabels } from '../shared/labels';
import { useFindings } from '../visits/api';
import {
  type RecommendationChanges,
  type RecommendationInput,
  useAdoptRecommendation,
  useRecommendations,
  useSaveRecommendation,
} from './api';

interface Values {
  findingId: string;
  addressee: string;
  text: string;
  theme: MonitoringTheme;
  priority: RecommendationPriority;
  issuedOn: string;
  dueOn: string;
  repeatsId: string;
}

function valuesOf(recommendation: Recommendation | undefined): Values {
  return {
    findingId: recommendation?.findingId ?? '',
    addressee: recommendation?.addressee ?? '',
    text: recommendation?.text ?? '',
    theme: recommendation?.theme ?? 'legal_basis',
    priority: recommendation?.priority ?? 'medium',
    issuedOn: recommendation?.issuedOn ?? today(),
    dueOn: recommendation?.dueOn ?? '',
    repeatsId: recommendation?.repeats?.id ?? '',
  };
}

const orNull = (value: string) => (value === '' ? null : value);

/** A long text cut at a word, for a list of options. */
function shortened(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

interface RecommendationFormModalProps {
  visit: Visit;
  recommendation?: Recommendation;
  onClose: () => void;
}

/**
 * A recommendation to an authority: to whom, what, on which theme, how urgent, by when, and whether it repeats an
 * earlier one made about the same place (the tracker counts repeats: a problem that does not go away).
 */
export function RecommendationFormModal({ visit, recommendation, onClose }: RecommendationFormModalProps) {
  const { t } = useT();
  const format = useFormat();
  const findings = useFindings(visit.id);
  const earlier = useRecommendations({ facility: visit.facility.id, pageSize: 100, sort: 'issuedOn', order: 'desc' });
  const save = useSaveRecommendation(recommendation?.id);
  const dueRef = useRef<HTMLInputElement>(null);
  const [dueBeforeIssue, setDueBeforeIssue] = useState(false);
  const form = useRecordForm({
    record: recommendation,
    valuesOf,
    bodyOf: (values: Values): RecommendationInput => ({
      visitId: visit.id,
      findingId: orNull(values.findingId),
      addressee: values.addressee,
      text: values.text,
      theme: values.theme,
      priority: values.priority,
      issuedOn: values.issuedOn,
      dueOn: orNull(values.dueOn),
      repeatsId: orNull(values.repeatsId),
    }),
    save: {
      // An edit does not move the recommendation to another visit: the visit is named on creation only.
      mutate: (body, options) => {
        if (recommendation) {
          const { visitId: _visit, ...changes } = body as RecommendationInput & { version: number };
          save.mutate(changes satisfies RecommendationChanges, options);
        } else save.mutate(body, options);
      },
      reset: save.reset,
      error: save.error,
    },
    adopt: useAdoptRecommendation(),
    savedNotice: recommendation ? t('common:notices.saved') : t('monitoring:recommendations.created'),
    onClose,
  });
  const { values, set, error } = form;
  const submit = () => {
    const bad = values.dueOn !== '' && values.issuedOn !== '' && values.dueOn < values.issuedOn;
    setDueBeforeIssue(bad);
    if (bad) dueRef.current?.focus();
    else form.submit();
  };

  const findingOptions = (findings.data?.items ?? []).map((finding, index) => ({
    value: finding.id,
    label: t('monitoring:recommendation.findingOption', {
      number: index + 1,
      theme: t(themeLabels[finding.theme]),
      text: shortened(finding.text, 60),
    }),
  }));
  const repeatOptions = (earlier.data?.items ?? [])
    .filter((r) => r.id !== recommendation?.id && r.visit.id !== visit.id)
    .map((r) => ({
      value: r.id,
      label: t('monitoring:recommendation.repeatOption', { date: format.date(r.issuedOn), text: shortened(r.text) }),
    }));

  return (
    <FormModal
      opened
      onClose={form.close}
      title={recommendation ? t('monitoring:recommendations.editTitle') : t('monitoring:recommendations.createTitle')}
      submitLabel={recommendation ? undefined : t('monitoring:recommendations.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={form.reload}
      size="xl"
    >
      <Stack gap="md">
        <TextInput
          label={t('monitoring:recommendation.addressee')}
          description={t('monitoring:recommendation.addresseeHint')}
          value={values.addressee}
          onChange={(e) => set('addressee', e.currentTarget.value)}
          error={error('addressee')}
          withAsterisk
          data-autofocus
        />
        <Textarea
          label={t('monitoring:recommendation.text')}
          autosize
          minRows={3}
          value={values.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          error={error('text')}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('monitoring:recommendation.theme')}
            value={values.theme}
            onChange={(e) => set('theme', e.currentTarget.value as MonitoringTheme)}
            data={entriesOf(themeLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('theme')}
          />
          <NativeSelect
            label={t('monitoring:recommendation.priority')}
            value={values.priority}
            onChange={(e) => set('priority', e.currentTarget.value as RecommendationPriority)}
            data={entriesOf(priorityLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('priority')}
          />
          <TextInput
            type="date"
            label={t('monitoring:recommendation.issuedOn')}
            value={values.issuedOn}
            onChange={(e) => {
              set('issuedOn', e.currentTarget.value);
              setDueBeforeIssue(false);
            }}
            error={error('issuedOn')}
            withAsterisk
          />
          <TextInput
            type="date"
            ref={dueRef}
            label={t('monitoring:recommendation.dueOn')}
            value={values.dueOn}
            onChange={(e) => {
              set('dueOn', e.currentTarget.value);
              setDueBeforeIssue(false);
            }}
            error={dueBeforeIssue ? t('monitoring:recommendations.dueBeforeIssue') : error('dueOn')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('monitoring:recommendation.finding')}
          value={values.findingId}
          onChange={(e) => set('findingId', e.currentTarget.value)}
          data={[{ value: '', label: t('monitoring:recommendation.noFinding') }, ...findingOptions]}
          error={error('findingId')}
        />
        <NativeSelect
          label={t('monitoring:recommendation.repeats')}
          description={t('monitoring:recommendation.repeatsHint')}
          value={values.repeatsId}
          onChange={(e) => set('repeatsId', e.currentTarget.value)}
          data={[{ value: '', label: t('monitoring:recommendation.noRepeat') }, ...repeatOptions]}
          error={error('repeatsId')}
        />
      </Stack>
    </FormModal>
  );
}
