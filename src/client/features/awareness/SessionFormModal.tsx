import {
  Alert,
  Fieldset,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type AwarenessSession,
  facilitySettings,
  type ReachAgeBand,
  type ReachSex,
  type ReachStatus,
  reachAgeBands,
  reachSexes,
  reachStatuses,
} from '../../../shared/contract/awareness';
import type { Visibility } from '../../../shared/roles';
import { fieldError } from '../../api/http';
import { cellKey, parseCount, ReachGrid, valuesOfGrid } from '../../components/awareness/ReachGrid';
import { FormModal } from '../../components/FormModal';
import { useRecordForm } from '../../components/use-record-form';
import { VisibilitySelect } from '../../components/VisibilityBadge';
import { useCountryOptions } from '../../i18n/countries';
import { today } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';
import { type SessionInput, useAdoptSession, usePickerOptions, useSaveSession } from './api';
import { type Channel, channelLabels, type Setting, settingLabels } from './labels';

interface Values {
  title: string;
  setting: Setting;
  channel: Channel;
  facilityId: string | null;
  countryCode: string | null;
  place: string;
  startsOn: string;
  endsOn: string;
  languages: string[];
  materialIds: string[];
  partnerIds: string[];
  funderPartnerId: string | null;
  budgetAmount: string;
  budgetCurrency: string;
  planActionId: string | null;
  children: Record<string, string>;
  adults: string;
  estimatedAudience: string;
  notes: string;
  visibility: Visibility;
}

const isMedia = (setting: Setting) => setting === 'media_campaign';
const takesFacility = (setting: Setting) => (facilitySettings as readonly string[]).includes(setting);

function valuesFrom(session: AwarenessSession | undefined, repeat: boolean): Values {
  return {
    title: session?.title ?? '',
    setting: session?.setting ?? 'reception',
    channel: session?.channel ?? 'in_person',
    facilityId: session?.facility?.id ?? null,
    countryCode: session?.countryCode ?? null,
    place: session?.place ?? '',
    // A repeat happens another day: the date is the one thing that surely changes.
    startsOn: repeat ? today() : (session?.startsOn ?? today()),
    endsOn: repeat ? '' : (session?.endsOn ?? ''),
    languages: session?.languages ?? [],
    materialIds: session?.materials.map((m) => m.id) ?? [],
    partnerIds: session?.partners.map((p) => p.id) ?? [],
    funderPartnerId: session?.funder?.id ?? null,
    budgetAmount: repeat ? '' : (session?.budget?.amount ?? ''),
    budgetCurrency: session?.budget?.currency ?? 'EUR',
    planActionId: session?.planAction?.id ?? null,
    children: valuesOfGrid(session?.children),
    adults: session && session.adults > 0 ? String(session.adults) : '',
    estimatedAudience: session?.estimatedAudience != null ? String(session.estimatedAudience) : '',
    notes: repeat ? '' : (session?.notes ?? ''),
    visibility: session?.visibility ?? 'group',
  };
}

/** A typed count: a number when it is one (the server names the cell when it is not valid), else the text as is. */
const countOf = (text: string): number | string =>
  parseCount(text) ?? (Number.isNaN(Number(text)) ? text : Number(text));

function bodyOf(values: Values): SessionInput {
  const media = isMedia(values.setting);
  const children: Partial<Record<ReachStatus, Partial<Record<ReachSex, Partial<Record<ReachAgeBand, number>>>>>> = {};
  if (!media) {
    for (const status of reachStatuses) {
      for (const sex of reachSexes) {
        for (const band of reachAgeBands) {
          const text = values.children[cellKey(status, sex, band)] ?? '';
          if (text.trim() === '') continue;
          children[status] = {
            ...children[status],
            [sex]: { ...children[status]?.[sex], [band]: countOf(text) as number },
          };
        }
      }
    }
  }
  return {
    title: values.title,
    setting: values.setting,
    channel: values.channel,
    facilityId: takesFacility(values.setting) ? values.facilityId : null,
    countryCode: values.countryCode,
    place: values.place,
    startsOn: values.startsOn,
    endsOn: values.endsOn === '' ? null : values.endsOn,
    languages: values.languages,
    materialIds: values.materialIds,
    partnerIds: values.partnerIds,
    funderPartnerId: values.funderPartnerId,
    budget:
      values.budgetAmount.trim() === ''
        ? null
        : { amount: values.budgetAmount.trim(), currency: values.budgetCurrency.trim().toUpperCase() },
    planActionId: values.planActionId,
    children,
    adults: media ? 0 : (countOf(values.adults) as number),
    estimatedAudience:
      media && values.estimatedAudience.trim() !== '' ? (countOf(values.estimatedAudience) as number) : null,
    notes: values.notes,
    visibility: values.visibility,
  };
}

interface SessionFormModalProps {
  /** The session being edited. */
  session?: AwarenessSession;
  /** A new session with the same group as this one: prefilled, and counted once with it. */
  repeatOf?: AwarenessSession;
  opened: boolean;
  onClose: () => void;
  onSaved?: (session: AwarenessSession) => void;
}

export function SessionFormModal({ session, repeatOf, opened, onClose, onSaved }: SessionFormModalProps) {
  const { t } = useT();
  const countries = useCountryOptions();
  const options = usePickerOptions();
  const save = useSaveSession(session?.id);
  const repeat = repeatOf !== undefined;
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: session,
    valuesOf: (record: AwarenessSession | undefined) => valuesFrom(record ?? repeatOf, repeat && !record),
    bodyOf: (v: Values) => (repeatOf ? { ...bodyOf(v), repeatOfId: repeatOf.id } : bodyOf(v)),
    save,
    adopt: useAdoptSession(),
    savedNotice: session ? t('common:notices.saved') : t('awareness:sessions.created'),
    onClose,
    onSaved,
  });
  const languageOptions = useSpokenLanguageOptions(values.languages);
  const media = isMedia(values.setting);
  const cellErrors: Record<string, string> = {};
  for (const status of reachStatuses) {
    for (const sex of reachSexes) {
      for (const band of reachAgeBands) {
        const key = cellKey(status, sex, band);
        const message = fieldError(save.error, `children.${key}`);
        if (message) cellErrors[key] = message;
      }
    }
  }
  const gridError = fieldError(save.error, 'children') && Object.keys(cellErrors).length === 0;

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={
        session
          ? t('awareness:sessions.editTitle')
          : repeat
            ? t('awareness:sessions.repeatTitle')
            : t('awareness:sessions.createTitle')
      }
      submitLabel={session ? undefined : t('awareness:sessions.save')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        {repeatOf && (
          <Alert color="blue" title={t('awareness:sessions.repeatNoticeTitle')}>
            {t('awareness:sessions.repeatNotice', { title: repeatOf.title })}
          </Alert>
        )}
        <TextInput
          label={t('awareness:session.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={error('title')}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('awareness:session.setting')}
            value={values.setting}
            onChange={(e) => set('setting', e.currentTarget.value as Setting)}
            data={entriesOf(settingLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('setting')}
          />
          <NativeSelect
            label={t('awareness:session.channel')}
            value={values.channel}
            onChange={(e) => set('channel', e.currentTarget.value as Channel)}
            data={entriesOf(channelLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('channel')}
          />
          {takesFacility(values.setting) && (
            <Select
              label={t('awareness:session.facility')}
              description={t('awareness:session.facilityHint')}
              data={options.facilities.map(({ value, label }) => ({ value, label }))}
              value={values.facilityId}
              onChange={(value) => set('facilityId', value)}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
              nothingFoundMessage={t('common:filters.noMatch')}
              error={error('facilityId')}
            />
          )}
          <Select
            label={t('awareness:session.country')}
            data={countries}
            value={values.countryCode}
            onChange={(value) => set('countryCode', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('countryCode')}
          />
          <TextInput
            label={t('awareness:session.place')}
            value={values.place}
            onChange={(e) => set('place', e.currentTarget.value)}
            error={error('place')}
          />
          <TextInput
            type="date"
            label={t('awareness:session.startsOn')}
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={error('startsOn')}
            withAsterisk
          />
          <TextInput
            type="date"
            label={t('awareness:session.endsOn')}
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
            error={error('endsOn')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('awareness:session.languages')}
          data={languageOptions}
          value={values.languages}
          onChange={(languages) => set('languages', languages)}
          searchable
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('languages')}
        />
        {media ? (
          <TextInput
            inputMode="numeric"
            label={t('awareness:session.estimatedAudience')}
            description={t('awareness:session.estimatedAudienceHint')}
            value={values.estimatedAudience}
            onChange={(e) => set('estimatedAudience', e.currentTarget.value)}
            error={error('estimatedAudience')}
          />
        ) : (
          <Fieldset legend={t('awareness:session.peopleMet')}>
            <Stack gap="sm">
              {gridError && (
                <Alert color="red" role="alert">
                  {fieldError(save.error, 'children')}
                </Alert>
              )}
              <ReachGrid
                values={values.children}
                onChange={(key, text) => set('children', { ...values.children, [key]: text })}
                cellErrors={cellErrors}
              />
              <TextInput
                inputMode="numeric"
                label={t('awareness:session.adults')}
                value={values.adults}
                onChange={(e) => set('adults', e.currentTarget.value)}
                error={error('adults')}
                maw={240}
              />
            </Stack>
          </Fieldset>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('awareness:session.materials')}
            data={options.materials.map(({ value, label }) => ({ value, label }))}
            value={values.materialIds}
            onChange={(ids) => set('materialIds', ids)}
            searchable
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('materialIds')}
          />
          <MultiSelect
            label={t('awareness:session.partners')}
            data={options.partners.map(({ value, label }) => ({ value, label }))}
            value={values.partnerIds}
            onChange={(ids) => set('partnerIds', ids)}
            searchable
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('partnerIds')}
          />
          <Select
            label={t('awareness:session.funder')}
            data={options.partners.map(({ value, label }) => ({ value, label }))}
            value={values.funderPartnerId}
            onChange={(value) => set('funderPartnerId', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('funderPartnerId')}
          />
          <Select
            label={t('awareness:session.planAction')}
            description={t('awareness:session.planActionHint')}
            data={options.actions.map(({ value, label }) => ({ value, label }))}
            value={values.planActionId}
            onChange={(value) => set('planActionId', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('planActionId')}
          />
          <TextInput
            inputMode="decimal"
            label={t('awareness:session.budgetAmount')}
            value={values.budgetAmount}
            onChange={(e) => set('budgetAmount', e.currentTarget.value)}
            error={fieldError(save.error, 'budget.amount') ?? error('budget')}
          />
          <TextInput
            label={t('awareness:session.budgetCurrency')}
            value={values.budgetCurrency}
            onChange={(e) => set('budgetCurrency', e.currentTarget.value)}
            error={fieldError(save.error, 'budget.currency')}
            maxLength={3}
          />
        </SimpleGrid>
        <Textarea
          label={t('awareness:session.notes')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={error('notes')}
        />
        {!repeat && (
          <VisibilitySelect
            value={values.visibility}
            onChange={(v) => set('visibility', v)}
            error={error('visibility')}
          />
        )}
      </Stack>
    </FormModal>
  );
}
