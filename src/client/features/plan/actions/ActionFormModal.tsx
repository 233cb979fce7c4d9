import { Checkbox, Fieldset, NativeSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Action, Plan } from '../../../../shared/contract/plan';
import type { Visibility } from '../../../../shared/roles';
import { ApiError, fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { today } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { useCan, useCurrentUser } from '../../../session/session';
import { useEndDateCheck } from '../shared/end-date-check';
import { type ActionStatus, actionStatusLabels } from '../shared/labels';
import { useAxisOptions, useMemberOptions, usePartnerName, usePartners } from '../shared/plan-data';
import { type ActionInput, useAdoptAction, useCreateAction, useUpdateAction } from './api';

interface Values {
  axisId: string;
  title: string;
  description: string;
  leadInstitutionId: string;
  participantInstitutionIds: string[];
  partnerIds: string[];
  plannedStart: string;
  plannedEnd: string;
  status: ActionStatus;
  completedOn: string;
  funderPartnerId: string;
  budgetAmount: string;
  budgetCurrency: string;
  comments: string;
  visibility: Visibility;
}

function valuesOf(action: Action | undefined, defaults: { axisId: string; leadInstitutionId: string }): Values {
  return {
    axisId: action?.axisId ?? defaults.axisId,
    title: action?.title ?? '',
    description: action?.description ?? '',
    leadInstitutionId: action ? (action.leadInstitutionId ?? '') : defaults.leadInstitutionId,
    participantInstitutionIds: action?.participantInstitutionIds ?? [],
    partnerIds: action?.partnerIds ?? [],
    plannedStart: action?.plannedStart ?? '',
    plannedEnd: action?.plannedEnd ?? '',
    status: action?.status ?? 'planned',
    completedOn: action?.completedOn ?? '',
    funderPartnerId: action?.funderPartnerId ?? '',
    budgetAmount: action?.budget?.amount ?? '',
    budgetCurrency: action?.budget?.currency ?? 'EUR',
    comments: action?.comments ?? '',
    visibility: action?.visibility ?? 'group',
  };
}

const orNull = (value: string) => (value === '' ? null : value);

function bodyOf(values: Values): ActionInput {
  const amount = values.budgetAmount.trim().replace(',', '.');
  return {
    axisId: values.axisId,
    title: values.title,
    description: values.description,
    leadInstitutionId: orNull(values.leadInstitutionId),
    participantInstitutionIds: values.participantInstitutionIds,
    partnerIds: values.partnerIds,
    status: values.status,
    plannedStart: orNull(values.plannedStart),
    plannedEnd: orNull(values.plannedEnd),
    completedOn: values.status === 'done' ? orNull(values.completedOn) : null,
    funderPartnerId: orNull(values.funderPartnerId),
    budget: amount === '' ? null : { amount, currency: values.budgetCurrency },
    comments: values.comments,
    visibility: values.visibility,
  };
}

/** ISO 4217 currencies the browser knows, named in the interface language ("EUR — euro"). */
function useCurrencyOptions(current: string) {
  const { i18n } = useT();
  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
    const codes = new Set([...Intl.supportedValuesOf('currency'), current]);
    return [...codes].sort().map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
  }, [i18n.language, current]);
}

interface ActionFormModalProps {
  plan: Plan;
  /** The action to edit; none to add one. */
  action?: Action;
  /** For a new action: the axis chosen in the list's filter, if any. */
  defaultAxisId?: string;
  onClose: () => void;
  onSaved?: (action: Action) => void;
}

/**
 * Adds or edits an action: its axis or sub-item, who leads and takes part, its dates, status, funding and who may
 * see it. The end date is checked here before sending; every other rule is the server's, shown under its field.
 */
export function ActionFormModal({ plan, action, defaultAxisId, onClose, onSaved }: ActionFormModalProps) {
  const { t } = useT();
  const user = useCurrentUser();
  const localized = useLocalizedText();
  const partnerName = usePartnerName();
  // Administrators and coordinators name any lead, or none (the network's own action); others lead their own.
  const choosesLead = useCan('write:record:any', 'write:record:network');
  const axisOptions = useAxisOptions(plan);
  const memberOptions = useMemberOptions(plan);
  const partners = usePartners();
  const create = useCreateAction();
  const update = useUpdateAction(action?.id ?? '');
  const adopt = useAdoptAction();
  const mutation = action ? update : create;
  const endCheck = useEndDateCheck();
  const defaults = {
    axisId: defaultAxisId || (plan.axes[0]?.id ?? ''),
    leadInstitutionId: choosesLead ? '' : (user.institutionId ?? ''),
  };
  const [values, setValues] = useState(() => valuesOf(action, defaults));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const currencies = useCurrencyOptions(values.budgetCurrency);

  const leadOptions = [...memberOptions];
  if (action?.leadInstitutionId && !leadOptions.some((o) => o.value === action.leadInstitutionId)) {
    leadOptions.push({
      value: action.leadInstitutionId,
      label: action.leadInstitutionName ?? action.leadInstitutionId,
    });
  }
  const partnerOptions = (partners.data?.items ?? []).map((partner) => {
    const short = partnerName(partner);
    const name = localized(partner.nameFr, partner.nameEn);
    return { value: partner.id, label: short === name ? name : `${short} — ${name}` };
  });

  const close = () => {
    mutation.reset();
    onClose();
  };

  const submit = () => {
    if (!endCheck.check(values.plannedStart, values.plannedEnd)) return;
    const body = bodyOf(values);
    const done = (saved: Action) => {
      notifySuccess(action ? t('common:notices.saved') : t('plan:actions.created', { title: saved.title }));
      mutation.reset();
      onClose();
      onSaved?.(saved);
    };
    if (action) update.mutate({ ...body, version: action.version }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  const reload = () => {
    if (!action || !(update.error instanceof ApiError)) return;
    const current = update.error.current<Action>();
    adopt(current, action.id);
    if (current) setValues(valuesOf(current, defaults));
    update.reset();
  };

  const error = (name: string) => fieldError(mutation.error, name);
  const setStatus = (status: ActionStatus) =>
    setValues((v) => ({
      ...v,
      status,
      completedOn: status === 'done' && v.completedOn === '' ? today() : v.completedOn,
    }));

  return (
    <FormModal
      opened
      onClose={close}
      title={action ? t('plan:actions.editTitle') : t('plan:actions.createTitle')}
      submitLabel={action ? undefined : t('plan:actions.create')}
      onSubmit={submit}
      submitting={mutation.isPending}
      error={mutation.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <NativeSelect
          label={t('plan:action.axis')}
          value={values.axisId}
          onChange={(e) => set('axisId', e.currentTarget.value)}
          data={axisOptions}
          error={error('axisId')}
          withAsterisk
        />
        <TextInput
          label={t('plan:action.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={error('title')}
          withAsterisk
          data-autofocus
        />
        <Textarea
          label={t('plan:action.description')}
          autosize
          minRows={3}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={error('description')}
        />
        <NativeSelect
          label={t('plan:action.lead')}
          description={choosesLead ? t('plan:action.leadHint') : t('plan:action.leadOwnHint')}
          value={values.leadInstitutionId}
          onChange={(e) => set('leadInstitutionId', e.currentTarget.value)}
          data={[...(choosesLead ? [{ value: '', label: t('plan:action.noLead') }] : []), ...leadOptions]}
          disabled={!choosesLead}
          error={error('leadInstitutionId')}
        />
        <Checkbox.Group
          label={t('plan:action.participants')}
          value={values.participantInstitutionIds}
          onChange={(ids) => set('participantInstitutionIds', ids)}
          error={error('participantInstitutionIds')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
            {memberOptions.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {partnerOptions.length > 0 && (
          <Checkbox.Group
            label={t('plan:action.partners')}
            value={values.partnerIds}
            onChange={(ids) => set('partnerIds', ids)}
            error={error('partnerIds')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {partnerOptions.map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('plan:action.plannedStart')}
            value={values.plannedStart}
            onChange={(e) => {
              set('plannedStart', e.currentTarget.value);
              endCheck.reset();
            }}
            error={error('plannedStart')}
          />
          <TextInput
            type="date"
            label={t('plan:action.plannedEnd')}
            ref={endCheck.ref}
            value={values.plannedEnd}
            onChange={(e) => {
              set('plannedEnd', e.currentTarget.value);
              endCheck.reset();
            }}
            error={endCheck.invalid ? t('plan:form.endBeforeStart') : error('plannedEnd')}
          />
          <NativeSelect
            label={t('plan:action.status')}
            value={values.status}
            onChange={(e) => setStatus(e.currentTarget.value as ActionStatus)}
            data={entriesOf(actionStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('status')}
          />
        </SimpleGrid>
        {values.status === 'done' && (
          <TextInput
            type="date"
            label={t('plan:action.completedOn')}
            value={values.completedOn}
            onChange={(e) => set('completedOn', e.currentTarget.value)}
            error={error('completedOn')}
            maw={240}
          />
        )}
        <Fieldset legend={t('plan:action.funding')} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('plan:action.funder')}
              value={values.funderPartnerId}
              onChange={(e) => set('funderPartnerId', e.currentTarget.value)}
              data={[{ value: '', label: t('plan:action.noFunder') }, ...partnerOptions]}
              error={error('funderPartnerId')}
            />
            <TextInput
              label={t('plan:action.budgetAmount')}
              description={t('plan:action.budgetHint')}
              inputMode="decimal"
              value={values.budgetAmount}
              onChange={(e) => set('budgetAmount', e.currentTarget.value)}
              error={error('budget.amount') ?? error('budget')}
            />
            <Select
              label={t('plan:action.budgetCurrency')}
              data={currencies}
              value={values.budgetCurrency}
              onChange={(v) => set('budgetCurrency', v ?? 'EUR')}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common:filters.noMatch')}
              error={error('budget.currency')}
            />
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label={t('plan:action.comments')}
          autosize
          minRows={2}
          value={values.comments}
          onChange={(e) => set('comments', e.currentTarget.value)}
          error={error('comments')}
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
