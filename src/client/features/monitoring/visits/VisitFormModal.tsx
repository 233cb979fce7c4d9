import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Visit } from '../../../../shared/contract/monitoring';
import type { Action } from '../../../../shared/contract/plan';
import type { Visibility } from '../../../../shared/roles';
import { apiRequest, type Page } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useCan, useCurrentUser } from '../../../session/session';
import { useFacilityOptions } from '../facilities/api';
import { type VisitType, visitTypeLabels } from '../shared/labels';
import { monitoringKey, useInstitutionOptions, usePartnerOptions } from '../shared/queries';
import { useAdoptVisit, useSaveVisit, type VisitInput } from './api';

interface TeamRow {
  key: number;
  name: string;
  role: string;
}

interface Values {
  facilityId: string;
  ownerInstitutionId: string;
  startsOn: string;
  endsOn: string;
  type: VisitType;
  announced: 'yes' | 'no';
  institutionIds: string[];
  partnerIds: string[];
  team: TeamRow[];
  actionIds: string[];
  objectives: string;
  summary: string;
  visibility: Visibility;
}

let nextRowKey = 0;
const rowKey = () => {
  nextRowKey += 1;
  return nextRowKey;
};

function valuesOf(visit: Visit | undefined, defaults: { facilityId: string; ownerInstitutionId: string }): Values {
  return {
    facilityId: visit?.facility.id ?? defaults.facilityId,
    ownerInstitutionId: visit ? (visit.ownerInstitutionId ?? '') : defaults.ownerInstitutionId,
    startsOn: visit?.startsOn ?? '',
    endsOn: visit?.endsOn ?? '',
    type: visit?.type ?? 'in_depth',
    announced: visit && !visit.announced ? 'no' : 'yes',
    institutionIds: visit?.institutions.map((i) => i.id) ?? [],
    partnerIds: visit?.partners.map((p) => p.id) ?? [],
    team: visit?.team.map((member) => ({ key: rowKey(), name: member.name, role: member.role ?? '' })) ?? [],
    actionIds: visit?.actionIds ?? [],
    objectives: visit?.objectives ?? '',
    summary: visit?.summary ?? '',
    visibility: visit?.visibility ?? 'group',
  };
}

/** Plan actions a visit may serve: the caller's visible actions, by title (one page of 100 holds a plan). */
function useActionOptions() {
  const query = useQuery({
    queryKey: [...monitoringKey, 'action-options'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Action>>('/actions', { query: { pageSize: 100, sort: 'title', order: 'asc' }, signal }),
    staleTime: 60_000,
  });
  return (query.data?.items ?? []).map((action) => ({ value: action.id, label: action.title }));
}

interface VisitFormModalProps {
  visit?: Visit;
  /** For a new visit planned from a facility's page. */
  facilityId?: string;
  onClose: () => void;
  onSaved?: (visit: Visit) => void;
}

/**
 * Plans a visit or edits what it is: the place, who goes (a joint visit has other institutions), with which
 * partners, when, what kind, announced or not, the team and the plan actions it serves. The population counts and
 * the workflow have their own forms on the visit's page.
 */
export function VisitFormModal({ visit, facilityId, onClose, onSaved }: VisitFormModalProps) {
  const { t } = useT();
  const user = useCurrentUser();
  // Administrators and coordinators may plan a visit for any institution, or for the secretariat.
  const choosesLead = useCan('write:record:any', 'write:record:network');
  const facilities = useFacilityOptions();
  const institutions = useInstitutionOptions();
  const partners = usePartnerOptions();
  const actions = useActionOptions();
  const save = useSaveVisit(visit?.id);
  const endRef = useRef<HTMLInputElement>(null);
  const [endBeforeStart, setEndBeforeStart] = useState(false);
  const defaults = {
    facilityId: facilityId ?? '',
    ownerInstitutionId: choosesLead ? '' : (user.institutionId ?? ''),
  };

  const form = useRecordForm({
    record: visit,
    valuesOf: (record: Visit | undefined) => valuesOf(record, defaults),
    bodyOf: (values: Values): VisitInput => ({
      facilityId: values.facilityId,
      ...(visit ? {} : { ownerInstitutionId: values.ownerInstitutionId === '' ? null : values.ownerInstitutionId }),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      type: values.type,
      announced: values.announced === 'yes',
      institutionIds: values.institutionIds.filter((id) => id !== values.ownerInstitutionId),
      partnerIds: values.partnerIds,
      team: values.team
        .filter((row) => row.name.trim() !== '' || row.role.trim() !== '')
        .map((row) => ({ name: row.name, role: row.role })),
      actionIds: values.actionIds,
      objectives: values.objectives,
      summary: values.summary,
      visibility: values.visibility,
    }),
    save,
    adopt: useAdoptVisit(),
    savedNotice: visit ? t('common:notices.saved') : t('monitoring:visits.created'),
    onClose,
    onSaved,
  });
  const { values, set, error } = form;

  const submit = () => {
    const bad = values.startsOn !== '' && values.endsOn !== '' && values.endsOn < values.startsOn;
    setEndBeforeStart(bad);
    if (bad) endRef.current?.focus();
    else form.submit();
  };

  const facilityOptions = (facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }));
  if (visit && !facilityOptions.some((o) => o.value === visit.facility.id)) {
    facilityOptions.push({ value: visit.facility.id, label: visit.facility.name });
  }
  const leadId = visit ? (visit.ownerInstitutionId ?? '') : values.ownerInstitutionId;
  const setTeam = (team: TeamRow[]) => set('team', team);

  return (
    <FormModal
      opened
      onClose={form.close}
      title={visit ? t('monitoring:visits.editTitle') : t('monitoring:visits.createTitle')}
      submitLabel={visit ? undefined : t('monitoring:visits.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={form.reload}
      size="xl"
    >
      <Stack gap="md">
        <NativeSelect
          label={t('monitoring:visit.facility')}
          value={values.facilityId}
          onChange={(e) => set('facilityId', e.currentTarget.value)}
          data={[{ value: '', label: t('monitoring:visits.chooseFacility') }, ...facilityOptions]}
          error={error('facilityId')}
          withAsterisk
          data-autofocus
        />
        {!visit && (
          <NativeSelect
            label={t('monitoring:visit.lead')}
            description={choosesLead ? t('monitoring:visit.leadHint') : t('monitoring:visit.leadOwnHint')}
            value={values.ownerInstitutionId}
            onChange={(e) => set('ownerInstitutionId', e.currentTarget.value)}
            data={[
              ...(choosesLead ? [{ value: '', label: t('monitoring:visit.secretariat') }] : []),
              ...institutions.options,
            ]}
            disabled={!choosesLead}
            error={error('ownerInstitutionId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('monitoring:visit.startsOn')}
            value={values.startsOn}
            onChange={(e) => {
              set('startsOn', e.currentTarget.value);
              setEndBeforeStart(false);
            }}
            error={error('startsOn')}
            withAsterisk
          />
          <TextInput
            type="date"
            ref={endRef}
            label={t('monitoring:visit.endsOn')}
            value={values.endsOn}
            onChange={(e) => {
              set('endsOn', e.currentTarget.value);
              setEndBeforeStart(false);
            }}
            error={endBeforeStart ? t('monitoring:visits.endBeforeStart') : error('endsOn')}
            withAsterisk
          />
          <NativeSelect
            label={t('monitoring:visit.type')}
            value={values.type}
            onChange={(e) => set('type', e.currentTarget.value as VisitType)}
            data={entriesOf(visitTypeLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('type')}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('monitoring:visit.announcement')}
          value={values.announced}
          onChange={(value) => set('announced', value === 'no' ? 'no' : 'yes')}
          error={error('announced')}
        >
          <Group gap="xl" mt={6}>
            <Radio value="yes" label={t('monitoring:visit.announced')} />
            <Radio value="no" label={t('monitoring:visit.unannounced')} />
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={t('monitoring:visit.institutions')}
          description={t('monitoring:visit.institutionsHint')}
          value={values.institutionIds}
          onChange={(ids) => set('institutionIds', ids)}
          error={error('institutionIds')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
            {institutions.options
              .filter((option) => option.value !== leadId)
              .map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
          </SimpleGrid>
        </Checkbox.Group>
        {partners.options.length > 0 && (
          <Checkbox.Group
            label={t('monitoring:visit.partners')}
            description={t('monitoring:visit.partnersHint')}
            value={values.partnerIds}
            onChange={(ids) => set('partnerIds', ids)}
            error={error('partnerIds')}
          >
            <Group gap="lg" mt={6}>
              {partners.options.map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <Fieldset legend={t('monitoring:visit.team')} variant="filled">
          <Stack gap="xs">
            {values.team.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('monitoring:visit.teamEmpty')}
              </Text>
            )}
            {values.team.map((row, index) => (
              <Group key={row.key} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  flex={1}
                  label={t('monitoring:visit.teamName', { number: index + 1 })}
                  value={row.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setTeam(values.team.map((r) => (r.key === row.key ? { ...r, name } : r)));
                  }}
                  error={error(`team.${index}.name`)}
                />
                <TextInput
                  flex={1}
                  label={t('monitoring:visit.teamRole', { number: index + 1 })}
                  value={row.role}
                  onChange={(e) => {
                    const role = e.currentTarget.value;
                    setTeam(values.team.map((r) => (r.key === row.key ? { ...r, role } : r)));
                  }}
                  error={error(`team.${index}.role`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={2}
                  aria-label={t('monitoring:visit.teamRemove', { number: index + 1 })}
                  onClick={() => setTeam(values.team.filter((r) => r.key !== row.key))}
                >
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() => setTeam([...values.team, { key: rowKey(), name: '', role: '' }])}
              >
                {t('monitoring:visit.teamAdd')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <MultiSelect
          label={t('monitoring:visit.actions')}
          description={t('monitoring:visit.actionsHint')}
          data={actions}
          value={values.actionIds}
          onChange={(ids) => set('actionIds', ids)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
          nothingFoundMessage={t('common:filters.noMatch')}
          error={error('actionIds')}
        />
        <Textarea
          label={t('monitoring:visit.objectives')}
          autosize
          minRows={2}
          value={values.objectives}
          onChange={(e) => set('objectives', e.currentTarget.value)}
          error={error('objectives')}
        />
        {visit && (
          <Textarea
            label={t('monitoring:visit.summary')}
            autosize
            minRows={3}
            value={values.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            error={error('summary')}
          />
        )}
        <VisibilitySelect
          value={values.visibility}
          onChange={(v) => set('visibility', v)}
          error={error('visibility')}
        />
      </Stack>
    </FormModal>
  );
}
