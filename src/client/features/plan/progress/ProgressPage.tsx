import {
  Box,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { Fragment, useId, useState } from 'react';
import type { DimensionKey, PlanProgress } from '../../../../shared/contract/plan';
import { ReachFacts, ReachGrid, valuesOfGrid } from '../../../components/awareness/ReachGrid';
import { FiltersBar, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { usePeriods } from '../indicators/api';
import { isolate } from '../shared/bidi';
import {
  type ActionStatus,
  actionStatusColors,
  actionStatusLabels,
  actionStatusList,
  dimensionLabels,
  dimensionValueLabel,
} from '../shared/labels';
import { useAxisOptions, useMemberOptions, usePlanContext } from '../shared/plan-data';
import { PendingValidationBadge } from '../shared/StatusBadges';
import { progressFilters, usePlanProgress } from './api';
import { StatusBar } from './StatusBar';

type AxisProgress = PlanProgress['axes'][number];
type IndicatorProgress = AxisProgress['indicators'][number];

const totalOf = (counts: Record<ActionStatus, number>) => actionStatusList.reduce((sum, s) => sum + counts[s], 0);

function Totals({ progress }: { progress: PlanProgress }) {
  const { t } = useT();
  const format = useFormat();
  const total = totalOf(progress.totals.actions);
  const facts = [
    { label: t('plan:progress.totalActions'), value: total },
    { label: t('plan:progress.doneActions'), value: progress.totals.actions.done },
    { label: t('plan:progress.overdueActions'), value: progress.totals.overdue },
    { label: t('plan:progress.linkedRecords'), value: progress.totals.linkedRecords },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
      {facts.map((fact) => (
        <Paper key={fact.label} withBorder radius="md" p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0} fz="xl" fw={700}>
            {format.number(fact.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Actions per axis and status: one row per axis, every figure a number in a cell, the bar only a summary. */
function ActionsByAxis({ progress }: { progress: PlanProgress }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('plan:progress.actionsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={880}>
        <Table striped verticalSpacing="xs" data-testid="progress-actions">
          <Table.Caption>
            <VisuallyHidden>{t('plan:progress.actionsCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan:progress.axis')}</Table.Th>
              {actionStatusList.map((status) => (
                <Table.Th key={status} ta="end">
                  {t(actionStatusLabels[status])}
                </Table.Th>
              ))}
              <Table.Th ta="end">{t('plan:progress.total')}</Table.Th>
              <Table.Th ta="end">{t('plan:progress.overdue')}</Table.Th>
              <Table.Th ta="end">{t('plan:progress.linked')}</Table.Th>
              <Table.Th>{t('plan:progress.distribution')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.axes.map((axis) => (
              <Table.Tr key={axis.axisId} data-axis={axis.number}>
                <Table.Th scope="row" fw={500}>
                  {t('plan:axis.number', { number: axis.number })} —{' '}
                  <span lang={langOf(axis.titleEn)} dir="auto">
                    {localized(axis.titleFr, axis.titleEn)}
                  </span>
                </Table.Th>
                {actionStatusList.map((status) => (
                  <Table.Td key={status} ta="end" data-status={status}>
                    {format.number(axis.actions[status])}
                  </Table.Td>
                ))}
                <Table.Td ta="end" fw={600}>
                  {format.number(totalOf(axis.actions))}
                </Table.Td>
                <Table.Td ta="end" c={axis.overdue > 0 ? 'red.9' : undefined} fw={axis.overdue > 0 ? 700 : undefined}>
                  {format.number(axis.overdue)}
                </Table.Td>
                <Table.Td ta="end">{format.number(axis.linkedRecords)}</Table.Td>
                <Table.Td>
                  <StatusBar counts={axis.actions} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {progress.axes.length > 1 && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('plan:progress.allAxes')}</Table.Th>
                {actionStatusList.map((status) => (
                  <Table.Td key={status} ta="end" fw={700}>
                    {format.number(progress.totals.actions[status])}
                  </Table.Td>
                ))}
                <Table.Td ta="end" fw={700}>
                  {format.number(totalOf(progress.totals.actions))}
                </Table.Td>
                <Table.Td ta="end" fw={700}>
                  {format.number(progress.totals.overdue)}
                </Table.Td>
                <Table.Td ta="end" fw={700}>
                  {format.number(progress.totals.linkedRecords)}
                </Table.Td>
                <Table.Td>
                  <StatusBar counts={progress.totals.actions} />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" aria-hidden="true">
        {actionStatusList.map((status) => (
          <Group key={status} gap={6} wrap="nowrap">
            <StatusSwatch status={status} />
            <Text size="xs">{t(actionStatusLabels[status])}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

function StatusSwatch({ status }: { status: ActionStatus }) {
  return (
    <Box
      w={12}
      h={12}
      style={{ borderRadius: 2, background: `var(--mantine-color-${actionStatusColors[status]}-filled)` }}
    />
  );
}

/** An indicator's value against its target, as text first ("4 / 10 sessions") and as a bar with its percentage. */
function IndicatorValue({ indicator }: { indicator: IndicatorProgress }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const name = localized(indicator.nameFr, indicator.nameEn);
  if (indicator.value === null) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('plan:progress.noValue')}
      </Text>
    );
  }
  const value = format.number(indicator.value);
  if (indicator.target === null || indicator.target <= 0) {
    return <Text size="sm">{t('plan:progress.valueOnly', { value, unit: indicator.unit })}</Text>;
  }
  const ratio = indicator.value / indicator.target;
  const percent = format.percent(ratio);
  return (
    <Stack gap={4} miw={160}>
      <Text size="sm">
        {t('plan:progress.valueOfTarget', { value, target: format.number(indicator.target), unit: indicator.unit })}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Progress.Root size="md" flex={1}>
          <Progress.Section
            value={Math.min(100, ratio * 100)}
            color={ratio >= 1 ? 'teal' : 'blue'}
            withAria={false}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(Math.min(100, ratio * 100))}
            aria-valuetext={percent}
            aria-label={t('plan:progress.towardsTarget', { indicator: `${indicator.code} ${name}` })}
          />
        </Progress.Root>
        <Text size="sm" fw={600} miw="3.5rem" ta="end">
          {percent}
        </Text>
      </Group>
    </Stack>
  );
}

/** Per dimension, the validated values by category ("female: 12, male: 9…"), one small table each. */
function Breakdown({ indicator }: { indicator: IndicatorProgress }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md" style={{ alignItems: 'start' }}>
      {Object.entries(indicator.breakdown).map(([dimension, values]) => {
        const dimensionKey = dimension as DimensionKey;
        const dimensionLabel = Object.hasOwn(dimensionLabels, dimension) ? t(dimensionLabels[dimensionKey]) : dimension;
        return (
          <Table key={dimension} verticalSpacing={4} withTableBorder captionSide="top">
            <Table.Caption ta="start" fw={600} c="var(--mantine-color-text)">
              {t('plan:progress.breakdownBy', { dimension: dimensionLabel })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{dimensionLabel}</Table.Th>
                <Table.Th ta="end">{t('plan:progress.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(values).map(([value, amount]) => {
                const label = dimensionValueLabel(dimensionKey, value);
                return (
                  <Table.Tr key={value}>
                    <Table.Td>{label ? t(label) : value}</Table.Td>
                    <Table.Td ta="end">{format.number(amount)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        );
      })}
    </SimpleGrid>
  );
}

function IndicatorRow({ indicator }: { indicator: IndicatorProgress }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const hasBreakdown = Object.keys(indicator.breakdown).length > 0;
  const name = localized(indicator.nameFr, indicator.nameEn);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td fw={600}>
          <span dir="ltr">{indicator.code}</span>
        </Table.Td>
        <Table.Th scope="row" fw={500}>
          <span lang={langOf(indicator.nameEn)} dir="auto">
            {name}
          </span>
          {indicator.aggregation === 'average' && (
            <Text size="xs" c="dimmed">
              {t('plan:progress.averaged')}
            </Text>
          )}
          {indicator.baseline !== null && (
            <Text size="xs" c="dimmed">
              {t('plan:progress.baseline', { value: format.number(indicator.baseline) })}
            </Text>
          )}
        </Table.Th>
        <Table.Td>
          <IndicatorValue indicator={indicator} />
        </Table.Td>
        <Table.Td ta="end">{format.number(indicator.validatedReports)}</Table.Td>
        <Table.Td ta="end">{format.number(indicator.pendingReports)}</Table.Td>
        <Table.Td>
          {hasBreakdown && (
            <Button
              size="xs"
              variant="subtle"
              rightSection={
                opened ? (
                  <IconChevronUp size={14} aria-hidden="true" />
                ) : (
                  <IconChevronDown size={14} aria-hidden="true" />
                )
              }
              aria-expanded={opened}
              aria-controls={panelId}
              aria-label={t('plan:progress.breakdownFor', { indicator: `${indicator.code} ${name}` })}
              onClick={() => setOpened((o) => !o)}
            >
              {t('plan:progress.breakdown')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {hasBreakdown && (
        <Table.Tr id={panelId} hidden={!opened}>
          <Table.Td colSpan={6}>{opened && <Breakdown indicator={indicator} />}</Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function Indicators({ progress }: { progress: PlanProgress }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const headingId = useId();
  const axes = progress.axes.filter((axis) => axis.indicators.length > 0);
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Stack gap={2}>
        <Title order={2} size="h3" id={headingId}>
          {t('plan:progress.indicatorsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan:progress.indicatorsHint')}
        </Text>
      </Stack>
      {axes.length === 0 && <EmptyMessage title={t('plan:progress.noIndicators')} />}
      {axes.map((axis) => (
        <Stack key={axis.axisId} gap="xs">
          <Title order={3} size="h5">
            {t('plan:axis.number', { number: axis.number })} —{' '}
            <span lang={langOf(axis.titleEn)} dir="auto">
              {localized(axis.titleFr, axis.titleEn)}
            </span>
          </Title>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>
                <VisuallyHidden>
                  {t('plan:progress.indicatorsCaption', {
                    number: axis.number,
                    title: localized(axis.titleFr, axis.titleEn),
                  })}
                </VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="4rem">{t('plan:indicator.code')}</Table.Th>
                  <Table.Th>{t('plan:indicator.name')}</Table.Th>
                  <Table.Th>{t('plan:progress.valueAndTarget')}</Table.Th>
                  <Table.Th ta="end">{t('plan:progress.validatedReports')}</Table.Th>
                  <Table.Th ta="end">{t('plan:progress.pendingReports')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('plan:progress.breakdown')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {axis.indicators.map((indicator) => (
                  <IndicatorRow key={indicator.indicatorId} indicator={indicator} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}

/** Awareness reach of the axes that have sessions linked to their actions (axis 4): each group once, media apart. */
function AwarenessReach({ progress }: { progress: PlanProgress }) {
  const { t } = useT();
  const localized = useLocalizedText();
  return (
    <>
      {progress.axes.map(
        (axis) =>
          axis.reach && (
            <Stack
              key={axis.axisId}
              gap="sm"
              component="section"
              aria-label={t('awareness:progress.title', { number: axis.number })}
              data-reach-axis={axis.number}
            >
              <Title order={2} size="h3">
                {t('awareness:progress.title', { number: axis.number })}
              </Title>
              <Text size="sm" c="dimmed">
                <span dir="auto">{localized(axis.titleFr, axis.titleEn)}</span> — {t('awareness:progress.hint')}
              </Text>
              <ReachFacts reach={axis.reach} />
              <ReachGrid values={valuesOfGrid(axis.reach.children)} />
            </Stack>
          ),
      )}
    </>
  );
}

function ByInstitution({ progress }: { progress: PlanProgress }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('plan:progress.institutionsTitle')}
      </Title>
      {progress.institutions.length === 0 ? (
        <EmptyMessage title={t('plan:progress.noInstitutions')} />
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="xs" data-testid="progress-institutions">
            <Table.Caption>
              <VisuallyHidden>{t('plan:progress.institutionsCaption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan:progress.institution')}</Table.Th>
                {actionStatusList.map((status) => (
                  <Table.Th key={status} ta="end">
                    {t(actionStatusLabels[status])}
                  </Table.Th>
                ))}
                <Table.Th ta="end">{t('plan:progress.overdue')}</Table.Th>
                <Table.Th ta="end">{t('plan:progress.validatedReports')}</Table.Th>
                <Table.Th ta="end">{t('plan:progress.pendingReports')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.institutions.map((institution) => (
                <Table.Tr key={institution.institutionId}>
                  <Table.Th scope="row" fw={500}>
                    <Stack gap={2} align="flex-start">
                      <span>{format.country(institution.countryCode)}</span>
                      <Text size="xs" c="dimmed" dir="auto">
                        {localized(institution.nameFr, institution.nameEn)}
                      </Text>
                      {institution.membershipStatus === 'pending_validation' && <PendingValidationBadge />}
                    </Stack>
                  </Table.Th>
                  {actionStatusList.map((status) => (
                    <Table.Td key={status} ta="end">
                      {format.number(institution.actions[status])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="end">{format.number(institution.overdue)}</Table.Td>
                  <Table.Td ta="end">{format.number(institution.reportsValidated)}</Table.Td>
                  <Table.Td ta="end">{format.number(institution.reportsPending)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The plan's progress: filters in the address, then actions per axis, indicators against targets, and members. */
export function ProgressPage() {
  const { t } = useT();
  const format = useFormat();
  const plan = usePlanContext();
  const periods = usePeriods(plan.id);
  const axisOptions = useAxisOptions(plan);
  const memberOptions = useMemberOptions(plan);
  const list = useListParams({ sorts: ['axis'] as const, defaultSort: 'axis', filters: progressFilters });
  const query = usePlanProgress(plan.id, list.filters);

  return (
    <Stack gap="lg">
      <FiltersBar label={t('plan:progress.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SelectFilter
          label={t('plan:progress.period')}
          value={list.filters.periodId}
          onChange={(v) => list.setFilter('periodId', v)}
          options={(periods.data?.items ?? []).map((period) => ({
            value: period.id,
            label: t('plan:period.option', {
              label: isolate(period.label),
              start: format.date(period.startsOn),
              end: format.date(period.endsOn),
            }),
          }))}
        />
        <SelectFilter
          label={t('plan:progress.institution')}
          value={list.filters.institutionId}
          onChange={(v) => list.setFilter('institutionId', v)}
          options={memberOptions}
        />
        <SelectFilter
          label={t('plan:progress.axis')}
          value={list.filters.axisId}
          onChange={(v) => list.setFilter('axisId', v)}
          options={axisOptions}
        />
      </FiltersBar>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="xl" aria-busy={query.isFetching} style={{ opacity: query.isFetching ? 0.6 : 1 }}>
          <Text size="sm" c="dimmed" role="status">
            {t('plan:progress.asOf', { date: format.date(query.data.today) })}
          </Text>
          <Totals progress={query.data} />
          <ActionsByAxis progress={query.data} />
          <Indicators progress={query.data} />
          <AwarenessReach progress={query.data} />
          <ByInstitution progress={query.data} />
        </Stack>
      )}
    </Stack>
  );
}
