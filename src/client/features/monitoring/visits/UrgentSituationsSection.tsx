import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconEdit, IconEye, IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { UrgentSituation, Visit } from '../../../../shared/contract/monitoring';
import { AppModal } from '../../../components/AppModal';
import { FormModal } from '../../../components/FormModal';
import { MutationAlert } from '../../../components/MutationAlert';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useRecordForm } from '../../../components/use-record-form';
import { useCountryOptions } from '../../../i18n/countries';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import {
  type AgeBand,
  ageBandLabels,
  needLabels,
  type Sex,
  sexLabels,
  type UrgentNeed,
  type UrgentStatus,
  urgentStatusLabels,
} from '../shared/labels';
import { type UrgentInput, useRevealUrgentSituation, useSaveUrgentSituation, useUrgentSituations } from './api';

interface Values {
  code: string;
  ageBand: AgeBand;
  sex: Sex;
  nationality: string | null;
  needs: UrgentNeed[];
  referredTo: string;
  status: UrgentStatus;
  details: string;
}

function valuesOf(situation: UrgentSituation | undefined): Values {
  return {
    code: situation?.code ?? '',
    ageBand: situation?.ageBand ?? '15-17',
    sex: situation?.sex ?? 'unknown',
    nationality: situation?.nationality ?? null,
    needs: situation?.needs ?? [],
    referredTo: situation?.referredTo ?? '',
    status: situation?.status ?? 'open',
    details: '',
  };
}

function UrgentFormModal({
  visitId,
  situation,
  onClose,
}: {
  visitId: string;
  situation?: UrgentSituation;
  onClose: () => void;
}) {
  const { t } = useT();
  const countries = useCountryOptions();
  const save = useSaveUrgentSituation(visitId, situation?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: situation,
    valuesOf,
    bodyOf: (v: Values): UrgentInput => {
      const { details, ...rest } = v;
      // Details are written only when typed: an edit that leaves the box empty keeps the ones stored.
      return { ...rest, ...(details.trim() === '' ? {} : { details }) };
    },
    save,
    adopt: () => undefined,
    savedNotice: situation ? t('common:notices.saved') : t('monitoring:urgent.created'),
    onClose,
  });
  return (
    <FormModal
      opened
      onClose={close}
      title={situation ? t('monitoring:urgent.editTitle') : t('monitoring:urgent.createTitle')}
      submitLabel={situation ? undefined : t('monitoring:urgent.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <TextInput
          label={t('monitoring:urgent.code')}
          description={t('monitoring:urgent.codeHint')}
          value={values.code}
          onChange={(e) => set('code', e.currentTarget.value)}
          error={error('code')}
          withAsterisk
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('monitoring:urgent.ageBand')}
            value={values.ageBand}
            onChange={(e) => set('ageBand', e.currentTarget.value as AgeBand)}
            data={entriesOf(ageBandLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('ageBand')}
          />
          <NativeSelect
            label={t('monitoring:urgent.sex')}
            value={values.sex}
            onChange={(e) => set('sex', e.currentTarget.value as Sex)}
            data={entriesOf(sexLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('sex')}
          />
          <Select
            label={t('monitoring:urgent.nationality')}
            data={countries}
            value={values.nationality}
            onChange={(value) => set('nationality', value)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
            nothingFoundMessage={t('common:filters.noMatch')}
            error={error('nationality')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('monitoring:urgent.needs')}
          value={values.needs}
          onChange={(needs) => set('needs', needs as UrgentNeed[])}
          error={error('needs')}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={6}>
            {entriesOf(needLabels).map(([value, key]) => (
              <Checkbox key={value} value={value} label={t(key)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('monitoring:urgent.referredTo')}
            value={values.referredTo}
            onChange={(e) => set('referredTo', e.currentTarget.value)}
            error={error('referredTo')}
          />
          <NativeSelect
            label={t('monitoring:urgent.status')}
            value={values.status}
            onChange={(e) => set('status', e.currentTarget.value as UrgentStatus)}
            data={entriesOf(urgentStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('status')}
          />
        </SimpleGrid>
        <Textarea
          label={t('monitoring:urgent.details')}
          description={situation?.hasDetails ? t('monitoring:urgent.detailsKeep') : t('monitoring:urgent.detailsHint')}
          autosize
          minRows={3}
          value={values.details}
          onChange={(e) => set('details', e.currentTarget.value)}
          error={error('details')}
        />
      </Stack>
    </FormModal>
  );
}

/** Shows one situation's identifying details after an explicit request; the server records each such read. */
function RevealButton({ situation }: { situation: UrgentSituation }) {
  const { t } = useT();
  const reveal = useRevealUrgentSituation();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    // Nothing of the details stays in memory once the dialog is closed.
    reveal.reset();
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconEye size={14} aria-hidden="true" />}
        onClick={() => setOpen(true)}
        disabled={!situation.hasDetails}
      >
        {t('monitoring:urgent.reveal', { code: situation.code })}
      </Button>
      <AppModal
        opened={open}
        onClose={close}
        title={t('monitoring:urgent.revealTitle', { code: situation.code })}
        size="md"
      >
        <Stack gap="md">
          <MutationAlert error={reveal.error} />
          {reveal.data ? (
            <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {reveal.data.details ?? t('monitoring:urgent.noDetails')}
            </Text>
          ) : (
            <>
              <Alert color="orange" variant="light" icon={<IconLock aria-hidden="true" />}>
                {t('monitoring:urgent.revealWarning')}
              </Alert>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={close} data-autofocus>
                  {t('common:actions.cancel')}
                </Button>
                {/* Red, as other consequential confirmations: white on orange fails the contrast ratio. */}
                <Button color="red" onClick={() => reveal.mutate(situation.id)} loading={reveal.isPending}>
                  {t('monitoring:urgent.revealConfirm')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </AppModal>
    </>
  );
}

/**
 * Children found in an urgent situation during the visit, as pseudonymous codes with age bands, never names.
 * Outside the visiting institution only their number is shown.
 */
export function UrgentSituationsSection({ visit }: { visit: Visit }) {
  const { t } = useT();
  const format = useFormat();
  const allowed = visit.can.urgentSituations;
  const query = useUrgentSituations(visit.id, allowed);
  const [editing, setEditing] = useState<UrgentSituation | 'new' | null>(null);

  return (
    <Section
      title={t('monitoring:urgent.title')}
      description={t('monitoring:urgent.intro')}
      actions={
        allowed &&
        visit.can.edit && (
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('monitoring:urgent.create')}
          </Button>
        )
      }
    >
      <Text size="sm" fw={500}>
        {t('monitoring:urgent.count', { count: visit.counts.urgentSituations })}
      </Text>
      {!allowed ? (
        <Text size="sm" c="dimmed">
          {t('monitoring:urgent.countOnly')}
        </Text>
      ) : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyMessage title={t('monitoring:urgent.emptyTitle')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Caption>{t('monitoring:urgent.tableLabel')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monitoring:urgent.code')}</Table.Th>
                <Table.Th>{t('monitoring:urgent.ageBand')}</Table.Th>
                <Table.Th>{t('monitoring:urgent.sex')}</Table.Th>
                <Table.Th>{t('monitoring:urgent.nationality')}</Table.Th>
                <Table.Th>{t('monitoring:urgent.needs')}</Table.Th>
                <Table.Th>{t('monitoring:urgent.referredTo')}</Table.Th>
                <Table.Th>{t('monitoring:urgent.status')}</Table.Th>
                <Table.Th>{t('common:list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((situation) => (
                <Table.Tr key={situation.id}>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {situation.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(ageBandLabels[situation.ageBand])}</Table.Td>
                  <Table.Td>{t(sexLabels[situation.sex])}</Table.Td>
                  <Table.Td>{situation.nationality ? format.country(situation.nationality) : '—'}</Table.Td>
                  <Table.Td>{format.list(situation.needs.map((need) => t(needLabels[need])))}</Table.Td>
                  <Table.Td dir="auto">{situation.referredTo ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(urgentStatusLabels[situation.status])}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <RevealButton situation={situation} />
                      {situation.can.edit && (
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconEdit size={14} aria-hidden="true" />}
                          onClick={() => setEditing(situation)}
                          aria-label={t('monitoring:urgent.editCode', { code: situation.code })}
                        >
                          {t('common:actions.edit')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <UrgentFormModal
          visitId={visit.id}
          situation={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  );
}
