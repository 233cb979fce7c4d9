import {
  Checkbox,
  Fieldset,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Activity } from '../../../../shared/contract/activities';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { useCountryOptions } from '../../../i18n/countries';
import { entriesOf } from '../../../i18n/label-maps';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import {
  useActionOptions,
  useActivities,
  useAdoptActivity,
  useInstitutionOptions,
  usePartnerOptions,
  useSaveActivity,
} from '../api';
import {
  type ActivityKind,
  type ActivityTheme,
  audienceLabels,
  cadenceLabels,
  kindLabels,
  type MeetingCadence,
  type PartnerRole,
  partnerRoleLabels,
  type StatementType,
  statementTypeLabels,
  type TrainingAudience,
  themeLabels,
} from '../shared/labels';
import { usePartnerName } from '../shared/names';
import { LinesField, RichTextField, TimeZoneSelect } from './fields';
import { bodyOf, isSingleDay, type Values, valuesOf, withAllDay } from './form-values';
import { ParticipantsGrid } from './ParticipantsGrid';

interface ActivityFormModalProps {
  kind: ActivityKind;
  activity?: Activity;
  /** A new meeting from its dialogue body's page. */
  bodyId?: string;
  onClose: () => void;
  onSaved?: (activity: Activity) => void;
}

const titleKeys = {
  dialogue_body: 'activities:form.title.dialogue_body',
  meeting: 'activities:form.title.meeting',
  training: 'activities:form.title.training',
  statement: 'activities:form.title.statement',
  study_visit: 'activities:form.title.study_visit',
  course: 'activities:form.title.course',
} as const satisfies Record<ActivityKind, string>;

/** One form per kind: the fields every activity shares, then the kind's own. */
export function ActivityFormModal({ kind, activity, bodyId, onClose, onSaved }: ActivityFormModalProps) {
  const { t } = useT();
  const choosesOwner = useCan('write:record:any', 'write:record:network');
  const save = useSaveActivity(activity?.id);
  const form = useRecordForm({
    record: activity,
    valuesOf: (record: Activity | undefined) => valuesOf(record, { bodyId }),
    bodyOf: (values: Values) => bodyOf(kind, values, { editing: activity !== undefined, choosesOwner }),
    save,
    adopt: useAdoptActivity(),
    savedNotice: activity ? t('common:notices.saved') : t('activities:form.created'),
    onClose,
    onSaved,
  });
  const { values, set, error } = form;
  const single = isSingleDay(kind);
  const dateType = single || values.allDay ? 'date' : 'datetime-local';

  return (
    <FormModal
      opened
      onClose={form.close}
      title={activity ? t('activities:form.editTitle', { kind: t(kindLabels[kind]) }) : t(titleKeys[kind])}
      submitLabel={activity ? undefined : t('activities:form.create')}
      onSubmit={form.submit}
      submitting={save.isPending}
      error={save.error}
      onReload={form.reload}
      size="xl"
    >
      <Stack gap="md">
        <TextInput
          label={kind === 'dialogue_body' ? t('activities:body.name') : t('activities:field.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={error('title')}
          withAsterisk
        />
        <KindFields kind={kind} values={values} set={set} error={error} />
        <Fieldset legend={t('activities:form.when')}>
          <Stack gap="sm">
            {!single && (
              <Checkbox
                label={t('activities:field.allDay')}
                checked={values.allDay}
                onChange={(e) => {
                  const next = withAllDay(values, e.currentTarget.checked);
                  set('allDay', next.allDay);
                  set('startsAt', next.startsAt);
                  set('endsAt', next.endsAt);
                }}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: single ? 2 : 3 }}>
              <TextInput
                type={dateType}
                label={
                  kind === 'dialogue_body'
                    ? t('activities:body.setUpOn')
                    : single
                      ? t('activities:field.date')
                      : t('activities:field.startsAt')
                }
                value={values.startsAt}
                onChange={(e) => set('startsAt', e.currentTarget.value)}
                error={error('startsAt')}
                withAsterisk
              />
              {!single && (
                <TextInput
                  type={dateType}
                  label={t('activities:field.endsAt')}
                  value={values.endsAt}
                  onChange={(e) => set('endsAt', e.currentTarget.value)}
                  error={error('endsAt')}
                  withAsterisk
                />
              )}
              <TimeZoneSelect
                value={values.timeZone}
                onChange={(zone) => set('timeZone', zone)}
                error={error('timeZone')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <PlaceFields values={values} set={set} error={error} />
        <PeopleFields kind={kind} values={values} set={set} error={error} choosesOwner={choosesOwner} />
        <Checkbox.Group
          label={t('activities:field.themes')}
          value={values.themes}
          onChange={(themes) => set('themes', themes as ActivityTheme[])}
          error={error('themes')}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
            {entriesOf(themeLabels).map(([value, key]) => (
              <Checkbox key={value} value={value} label={t(key)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <ActionsField value={values.actionIds} onChange={(ids) => set('actionIds', ids)} error={error('actionIds')} />
        <Textarea
          label={t('activities:field.notes')}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={error('notes')}
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

interface PartProps {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  error: (name: string) => string | undefined;
}

function PlaceFields({ values, set, error }: PartProps) {
  const { t } = useT();
  const countries = useCountryOptions();
  return (
    <Fieldset legend={t('activities:form.where')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('activities:field.city')}
          value={values.city}
          onChange={(e) => set('city', e.currentTarget.value)}
          error={error('city')}
        />
        <Select
          label={t('activities:field.country')}
          data={countries}
          value={values.countryCode}
          onChange={(value) => set('countryCode', value)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('countryCode')}
        />
        <Checkbox
          mt={{ sm: 'xl' }}
          label={t('activities:field.online')}
          checked={values.online}
          onChange={(e) => set('online', e.currentTarget.checked)}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function PeopleFields({
  kind,
  values,
  set,
  error,
  choosesOwner,
}: PartProps & { kind: ActivityKind; choosesOwner: boolean }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const partnerName = usePartnerName();
  const institutions = useInstitutionOptions();
  const partners = usePartnerOptions();
  const institutionOptions = (institutions.data?.items ?? []).map((i) => ({
    value: i.id,
    label: localized(i.nameFr, i.nameEn),
  }));
  const partnerOptions = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: partnerName(p) }));
  const defaultRole: PartnerRole = kind === 'dialogue_body' ? 'member' : 'participant';
  const partnerLabel = (id: string) => partnerOptions.find((o) => o.value === id)?.label ?? id;
  return (
    <Fieldset legend={t('activities:form.who')}>
      <Stack gap="sm">
        {choosesOwner && (
          <NativeSelect
            label={t('activities:field.owner')}
            description={t('activities:field.ownerHint')}
            data={[{ value: '', label: t('activities:field.ownerNetwork') }, ...institutionOptions]}
            value={values.ownerInstitutionId}
            onChange={(e) => set('ownerInstitutionId', e.currentTarget.value)}
            error={error('ownerInstitutionId')}
          />
        )}
        <MultiSelect
          label={t('activities:field.organisers')}
          data={institutionOptions}
          value={values.organiserInstitutionIds}
          onChange={(ids) => set('organiserInstitutionIds', ids)}
          searchable
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('organiserInstitutionIds')}
        />
        <MultiSelect
          label={
            kind === 'study_visit' ? t('activities:visit.visitingInstitutions') : t('activities:field.participants')
          }
          data={institutionOptions}
          value={values.participantInstitutionIds}
          onChange={(ids) => set('participantInstitutionIds', ids)}
          searchable
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('participantInstitutionIds')}
        />
        {kind === 'study_visit' && (
          <Select
            label={t('activities:visit.host')}
            data={institutionOptions}
            value={values.hostInstitutionId}
            onChange={(id) => set('hostInstitutionId', id)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('hostInstitutionId')}
          />
        )}
        <MultiSelect
          label={kind === 'dialogue_body' ? t('activities:body.memberOrganisations') : t('activities:field.partners')}
          data={partnerOptions}
          value={values.partners.map((p) => p.partnerId)}
          onChange={(ids) =>
            set(
              'partners',
              ids.map((id) => values.partners.find((p) => p.partnerId === id) ?? { partnerId: id, role: defaultRole }),
            )
          }
          searchable
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('partners')}
        />
        {values.partners.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            {values.partners.map((partner, index) => (
              <NativeSelect
                key={partner.partnerId}
                size="xs"
                label={t('activities:field.partnerRole', { partner: partnerLabel(partner.partnerId) })}
                data={entriesOf(partnerRoleLabels).map(([value, key]) => ({ value, label: t(key) }))}
                value={partner.role}
                onChange={(e) => {
                  const role = e.currentTarget.value as PartnerRole;
                  set(
                    'partners',
                    values.partners.map((p, i) => (i === index ? { ...p, role } : p)),
                  );
                }}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}

/** The plan actions the user may see, "2 — title", to link the activity to those it serves. */
function ActionsField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const actions = useActionOptions();
  const data = (actions.data?.items ?? []).map((action) => ({
    value: action.id,
    label: t('activities:field.actionOption', { axis: action.axisNumber, title: action.title }),
  }));
  return (
    <MultiSelect
      label={t('activities:field.actions')}
      description={t('activities:field.actionsHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('activities:field.noActions')}
      error={error}
    />
  );
}

function KindFields({ kind, values, set, error }: PartProps & { kind: ActivityKind }) {
  const { t } = useT();
  const bodies = useActivities(
    { kind: 'dialogue_body', pageSize: 100, sort: 'title', order: 'asc' },
    kind === 'meeting',
  );
  switch (kind) {
    case 'dialogue_body':
      return (
        <>
          <NativeSelect
            label={t('activities:body.cadence')}
            data={entriesOf(cadenceLabels).map(([value, key]) => ({ value, label: t(key) }))}
            value={values.cadence}
            onChange={(e) => set('cadence', e.currentTarget.value as MeetingCadence)}
            error={error('details.cadence')}
          />
          <LinesField
            label={t('activities:body.memberPeople')}
            description={t('activities:body.memberPeopleHint')}
            value={values.memberPeople}
            onChange={(v) => set('memberPeople', v)}
            error={error('details.memberPeople')}
          />
        </>
      );
    case 'meeting':
      return (
        <>
          <NativeSelect
            label={t('activities:meeting.body')}
            data={[
              { value: '', label: t('activities:meeting.workingGroup') },
              ...(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.title })),
            ]}
            value={values.bodyId}
            onChange={(e) => set('bodyId', e.currentTarget.value)}
            error={error('details.bodyId')}
          />
          <Textarea
            label={t('activities:meeting.agenda')}
            autosize
            minRows={3}
            value={values.agenda}
            onChange={(e) => set('agenda', e.currentTarget.value)}
            error={error('details.agenda')}
          />
          <RichTextField
            label={t('activities:meeting.minutes')}
            value={values.minutes}
            onChange={(v) => set('minutes', v)}
            error={error('details.minutesHtml')}
          />
          <LinesField
            label={t('activities:meeting.decisions')}
            value={values.decisions}
            onChange={(v) => set('decisions', v)}
            error={error('details.decisions')}
          />
        </>
      );
    case 'training':
      return (
        <>
          <Checkbox.Group
            label={t('activities:training.audiences')}
            value={values.audiences}
            onChange={(audiences) => set('audiences', audiences as TrainingAudience[])}
            error={error('details.audiences')}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
              {entriesOf(audienceLabels).map(([value, key]) => (
                <Checkbox key={value} value={value} label={t(key)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <ParticipantsGrid
            audiences={values.audiences}
            counts={values.counts}
            onChange={(counts) => set('counts', counts)}
            error={error('details.participants')}
          />
          <LinesField
            label={t('activities:training.trainers')}
            value={values.trainers}
            onChange={(v) => set('trainers', v)}
            error={error('details.trainers')}
          />
          <Textarea
            label={t('activities:training.materials')}
            autosize
            minRows={2}
            value={values.materials}
            onChange={(e) => set('materials', e.currentTarget.value)}
            error={error('details.materials')}
          />
          <Textarea
            label={t('activities:training.evaluation')}
            autosize
            minRows={2}
            value={values.evaluation}
            onChange={(e) => set('evaluation', e.currentTarget.value)}
            error={error('details.evaluation')}
          />
        </>
      );
    case 'statement':
      return (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('activities:statement.type')}
              data={entriesOf(statementTypeLabels).map(([value, key]) => ({ value, label: t(key) }))}
              value={values.statementType}
              onChange={(e) => set('statementType', e.currentTarget.value as StatementType)}
              error={error('details.statementType')}
            />
            <TextInput
              label={t('activities:statement.addressee')}
              value={values.addressee}
              onChange={(e) => set('addressee', e.currentTarget.value)}
              error={error('details.addressee')}
              withAsterisk
            />
          </SimpleGrid>
          <RichTextField
            label={t('activities:statement.text')}
            value={values.statementText}
            onChange={(v) => set('statementText', v)}
            error={error('details.textHtml')}
          />
          <TextInput
            type="url"
            label={t('activities:statement.publicLink')}
            placeholder="https://"
            value={values.publicLink}
            onChange={(e) => set('publicLink', e.currentTarget.value)}
            error={error('details.publicLink')}
          />
        </>
      );
    case 'study_visit':
      return (
        <>
          <LinesField
            label={t('activities:visit.visitors')}
            description={t('activities:visit.visitorsHint')}
            value={values.visitors}
            onChange={(v) => set('visitors', v)}
            error={error('details.visitors')}
          />
          <Textarea
            label={t('activities:visit.programme')}
            autosize
            minRows={3}
            value={values.programme}
            onChange={(e) => set('programme', e.currentTarget.value)}
            error={error('details.programme')}
          />
          <LinesField
            label={t('activities:visit.placesVisited')}
            value={values.placesVisited}
            onChange={(v) => set('placesVisited', v)}
            error={error('details.placesVisited')}
          />
          <RichTextField
            label={t('activities:visit.missionReport')}
            value={values.missionReport}
            onChange={(v) => set('missionReport', v)}
            error={error('details.missionReportHtml')}
          />
          <Textarea
            label={t('activities:visit.lessonsLearned')}
            autosize
            minRows={2}
            value={values.lessonsLearned}
            onChange={(e) => set('lessonsLearned', e.currentTarget.value)}
            error={error('details.lessonsLearned')}
          />
        </>
      );
    case 'course':
      return (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('activities:course.name')}
              placeholder={t('activities:course.namePlaceholder')}
              value={values.courseName}
              onChange={(e) => set('courseName', e.currentTarget.value)}
              error={error('details.courseName')}
              withAsterisk
            />
            <TextInput
              label={t('activities:course.organiser')}
              value={values.courseOrganiser}
              onChange={(e) => set('courseOrganiser', e.currentTarget.value)}
              error={error('details.courseOrganiser')}
            />
          </SimpleGrid>
          <LinesField
            label={t('activities:course.participants')}
            description={t('activities:course.participantsHint')}
            value={values.courseParticipants}
            onChange={(v) => set('courseParticipants', v)}
            error={error('details.participants')}
          />
          <Textarea
            label={t('activities:course.certificate')}
            autosize
            minRows={2}
            value={values.certificate}
            onChange={(e) => set('certificate', e.currentTarget.value)}
            error={error('details.certificate')}
          />
        </>
      );
  }
}
