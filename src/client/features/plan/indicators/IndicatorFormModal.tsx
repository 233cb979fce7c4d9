import { Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { DimensionKey, Indicator, Plan } from '../../../../shared/contract/plan';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { isolate } from '../shared/bidi';
import {
  aggregationLabels,
  dimensionKeyList,
  dimensionLabels,
  frequencyLabels,
  type IndicatorAggregation,
  type IndicatorFrequency,
} from '../shared/labels';
import { useAxisOptions } from '../shared/plan-data';
import { type IndicatorChanges, type IndicatorInput, useCreateIndicator, useUpdateIndicator } from './api';

interface Values {
  code: string;
  nameFr: string;
  nameEn: string;
  unit: string;
  aggregation: IndicatorAggregation;
  baseline: string;
  target: string;
  frequency: IndicatorFrequency;
  dimensions: DimensionKey[];
  notes: string;
}

const emptyValues: Values = {
  code: '',
  nameFr: '',
  nameEn: '',
  unit: '',
  aggregation: 'sum',
  baseline: '',
  target: '',
  frequency: 'annual',
  dimensions: [],
  notes: '',
};

function valuesOf(indicator: Indicator): Values {
  return {
    code: indicator.code,
    nameFr: indicator.nameFr,
    nameEn: indicator.nameEn ?? '',
    unit: indicator.unit,
    aggregation: indicator.aggregation,
    baseline: indicator.baseline === null ? '' : String(indicator.baseline),
    target: indicator.target === null ? '' : String(indicator.target),
    frequency: indicator.frequency,
    dimensions: indicator.dimensions,
    notes: indicator.notes ?? '',
  };
}

/** A number typed with a comma or a point; empty means "none". Anything else is sent as is, for the server to say. */
function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

function bodyOf(values: Values, version: number): IndicatorChanges {
  return {
    code: values.code,
    nameFr: values.nameFr,
    nameEn: values.nameEn,
    unit: values.unit,
    aggregation: values.aggregation,
    baseline: numberOrNull(values.baseline),
    target: numberOrNull(values.target),
    frequency: values.frequency,
    dimensions: values.dimensions,
    notes: values.notes,
    version,
  };
}

type Setter = <K extends keyof Values>(key: K, value: Values[K]) => void;

/** The fields an indicator is defined with, shared by the creation and the edit forms. */
function IndicatorFields({
  values,
  set,
  error,
  children,
}: {
  values: Values;
  set: Setter;
  error: (name: string) => string | undefined;
  children?: ReactNode;
}) {
  const { t } = useT();
  return (
    <Stack gap="md">
      {children}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('plan:indicator.code')}
          value={values.code}
          onChange={(e) => set('code', e.currentTarget.value)}
          error={error('code')}
          withAsterisk
        />
        <TextInput
          label={t('plan:indicator.unit')}
          value={values.unit}
          onChange={(e) => set('unit', e.currentTarget.value)}
          error={error('unit')}
          withAsterisk
        />
        <NativeSelect
          label={t('plan:indicator.frequency')}
          value={values.frequency}
          onChange={(e) => set('frequency', e.currentTarget.value as IndicatorFrequency)}
          data={entriesOf(frequencyLabels).map(([value, key]) => ({ value, label: t(key) }))}
          error={error('frequency')}
        />
      </SimpleGrid>
      <TextInput
        label={t('plan:indicator.nameFr')}
        value={values.nameFr}
        onChange={(e) => set('nameFr', e.currentTarget.value)}
        error={error('nameFr')}
        withAsterisk
        lang="fr"
      />
      <TextInput
        label={t('plan:indicator.nameEn')}
        value={values.nameEn}
        onChange={(e) => set('nameEn', e.currentTarget.value)}
        error={error('nameEn')}
        lang="en"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('plan:indicator.baseline')}
          inputMode="decimal"
          value={values.baseline}
          onChange={(e) => set('baseline', e.currentTarget.value)}
          error={error('baseline')}
        />
        <TextInput
          label={t('plan:indicator.target')}
          inputMode="decimal"
          value={values.target}
          onChange={(e) => set('target', e.currentTarget.value)}
          error={error('target')}
        />
        <NativeSelect
          label={t('plan:indicator.aggregation')}
          description={t('plan:indicator.aggregationHint')}
          value={values.aggregation}
          onChange={(e) => set('aggregation', e.currentTarget.value as IndicatorAggregation)}
          data={entriesOf(aggregationLabels).map(([value, key]) => ({ value, label: t(key) }))}
          error={error('aggregation')}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('plan:indicator.dimensions')}
        description={t('plan:indicator.dimensionsHint')}
        value={values.dimensions}
        onChange={(keys) => set('dimensions', keys as DimensionKey[])}
        error={error('dimensions')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
          {dimensionKeyList.map((key) => (
            <Checkbox key={key} value={key} label={t(dimensionLabels[key])} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t('plan:indicator.notes')}
        autosize
        minRows={2}
        value={values.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={error('notes')}
      />
    </Stack>
  );
}

/** Edits an indicator; its dimensions stay as they are once reports use them (the server says so). */
export function IndicatorFormModal({ indicator, onClose }: { indicator: Indicator; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateIndicator(indicator);
  const [values, setValues] = useState(() => valuesOf(indicator));
  // The version the form was filled from: after a conflict, the one just reloaded.
  const [version, setVersion] = useState(indicator.version);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () =>
    update.mutate(bodyOf(values, version), {
      onSuccess: () => {
        notifySuccess(t('common:notices.saved'));
        onClose();
      },
    });

  const error = (name: string) => fieldError(update.error, name);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:indicators.editTitle', { code: isolate(indicator.code) })}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={() => {
        const current = update.error instanceof ApiError ? update.error.current<Indicator>() : undefined;
        if (current) {
          setValues(valuesOf(current));
          setVersion(current.version);
        }
        update.reset();
      }}
      size="xl"
    >
      <IndicatorFields values={values} set={set} error={error} />
    </FormModal>
  );
}

/** Defines a new indicator of the plan, on an axis or sub-item, or for the plan as a whole. */
export function IndicatorCreateModal({ plan, axisId, onClose }: { plan: Plan; axisId?: string; onClose: () => void }) {
  const { t } = useT();
  const create = useCreateIndicator();
  const axisOptions = useAxisOptions(plan);
  const [values, setValues] = useState(emptyValues);
  const [target, setTarget] = useState(axisId ?? '');
  const set: Setter = (key, value) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    const { version: _version, ...changes } = bodyOf(values, 0);
    const body: IndicatorInput = {
      ...changes,
      planId: plan.id,
      axisId: target === '' ? null : target,
    } as IndicatorInput;
    create.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('plan:indicators.created'));
        onClose();
      },
    });
  };

  const error = (name: string) => fieldError(create.error, name);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:indicators.createTitle')}
      onSubmit={submit}
      submitting={create.isPending}
      error={create.error}
      submitLabel={t('plan:indicators.create')}
      size="xl"
    >
      <IndicatorFields values={values} set={set} error={error}>
        <NativeSelect
          label={t('plan:indicators.attachedTo')}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          data={[{ value: '', label: t('plan:indicators.planWide') }, ...axisOptions]}
          error={error('axisId') ?? error('actionId')}
        />
      </IndicatorFields>
    </FormModal>
  );
}
