import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconLock, IconLockOpen, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Plan } from '../../../../shared/contract/plan';
import { fieldError } from '../../../api/http';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { isolate } from '../shared/bidi';
import { useEndDateCheck } from '../shared/end-date-check';
import { PeriodStatusBadge } from '../shared/StatusBadges';
import { type ReportingPeriod, useCreatePeriod, usePeriods, usePeriodTransition } from './api';

function PeriodFormModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useT();
  const create = useCreatePeriod(planId);
  const endCheck = useEndDateCheck();
  const [values, setValues] = useState({ label: '', startsOn: '', endsOn: '' });
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => fieldError(create.error, name);
  const submit = () => {
    if (!endCheck.check(values.startsOn, values.endsOn)) return;
    create.mutate(values, {
      onSuccess: (period) => {
        notifySuccess(t('plan:periods.created', { label: isolate(period.label) }));
        onClose();
      },
    });
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('plan:periods.createTitle')}
      submitLabel={t('plan:periods.create')}
      onSubmit={submit}
      submitting={create.isPending}
      error={create.error}
      size="md"
    >
      <Stack gap="md">
        <TextInput
          label={t('plan:periods.label')}
          description={t('plan:periods.labelHint')}
          value={values.label}
          onChange={(e) => set('label', e.currentTarget.value)}
          error={error('label')}
          withAsterisk
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('plan:periods.startsOn')}
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={error('startsOn')}
            withAsterisk
          />
          <TextInput
            type="date"
            label={t('plan:periods.endsOn')}
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

/**
 * The plan's reporting periods. Closing one freezes its reports (coordinators, administrators); reopening it is
 * for administrators. Both ask first.
 */
export function PeriodsSection({ plan }: { plan: Plan }) {
  const { t } = useT();
  const format = useFormat();
  const periods = usePeriods(plan.id);
  const transition = usePeriodTransition(plan.id);
  const [pending, setPending] = useState<{ period: ReportingPeriod; to: 'close' | 'reopen' } | null>(null);
  const [creating, setCreating] = useState(false);

  const confirm = () => {
    if (!pending) return;
    transition.mutate(pending, {
      onSuccess: (period) => {
        notifySuccess(
          pending.to === 'close'
            ? t('plan:periods.closed', { label: isolate(period.label) })
            : t('plan:periods.reopened', { label: isolate(period.label) }),
        );
        setPending(null);
      },
    });
  };

  return (
    <Section
      title={t('plan:periods.title')}
      description={t('plan:periods.intro')}
      actions={
        plan.can.managePeriods && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setCreating(true)}
          >
            {t('plan:periods.create')}
          </Button>
        )
      }
    >
      {periods.isPending ? (
        <LoadingState />
      ) : periods.isError ? (
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      ) : periods.data.items.length === 0 ? (
        <EmptyMessage title={t('plan:periods.emptyTitle')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>
              <VisuallyHidden>{t('plan:periods.title')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan:periods.label')}</Table.Th>
                <Table.Th>{t('plan:periods.dates')}</Table.Th>
                <Table.Th>{t('plan:periods.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periods.data.items.map((period) => (
                <Table.Tr key={period.id}>
                  <Table.Th scope="row">
                    <span dir="auto">{period.label}</span>
                  </Table.Th>
                  <Table.Td>
                    {t('plan:dates.range', { start: format.date(period.startsOn), end: format.date(period.endsOn) })}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <PeriodStatusBadge status={period.status} />
                      {period.closedAt && (
                        <Text size="xs" c="dimmed">
                          {t('plan:periods.closedAt', { date: format.dateTime(period.closedAt) })}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {period.can.close && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconLock size={14} aria-hidden="true" />}
                        aria-label={t('plan:periods.closeNamed', { label: period.label })}
                        onClick={() => setPending({ period, to: 'close' })}
                      >
                        {t('plan:periods.close')}
                      </Button>
                    )}
                    {period.can.reopen && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconLockOpen size={14} aria-hidden="true" />}
                        aria-label={t('plan:periods.reopenNamed', { label: period.label })}
                        onClick={() => setPending({ period, to: 'reopen' })}
                      >
                        {t('plan:periods.reopen')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={pending !== null}
        onClose={() => {
          setPending(null);
          transition.reset();
        }}
        title={
          pending?.to === 'reopen'
            ? t('plan:periods.reopenTitle', { label: isolate(pending.period.label) })
            : t('plan:periods.closeTitle', { label: isolate(pending?.period.label ?? '') })
        }
        message={pending?.to === 'reopen' ? t('plan:periods.reopenMessage') : t('plan:periods.closeMessage')}
        confirmLabel={pending?.to === 'reopen' ? t('plan:periods.reopen') : t('plan:periods.close')}
        onConfirm={confirm}
        pending={transition.isPending}
        error={transition.error}
      />
      {creating && <PeriodFormModal planId={plan.id} onClose={() => setCreating(false)} />}
    </Section>
  );
}
