import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconLock, IconSend } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Indicator, IndicatorReport } from '../../../../shared/contract/plan';
import type { Visibility } from '../../../../shared/roles';
import { ApiError } from '../../../api/http';
import { MutationAlert } from '../../../components/MutationAlert';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { VisibilitySelect } from '../../../components/VisibilityBadge';
import { today, useFormat } from '../../../i18n/format';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { useCan, useCurrentUser } from '../../../session/session';
import { type ReportingPeriod, useIndicators, usePeriods } from '../indicators/api';
import { isolate } from '../shared/bidi';
import { dimensionLabels } from '../shared/labels';
import { membersOf, usePlanContext } from '../shared/plan-data';
import { PeriodStatusBadge, ReportStatusBadge } from '../shared/StatusBadges';
import { useReports, useReportTransition, useSaveReport } from './api';
import { ReportGrid } from './ReportGrid';
import { cellsOf, combinationsOf, keyOf, parseCell, valuesFrom } from './report-cells';

/** The period to open first: the open one that contains today, else the last open one, else the last one. */
function defaultPeriod(periods: ReportingPeriod[]): ReportingPeriod | undefined {
  const now = today();
  const open = periods.filter((p) => p.status === 'open');
  return open.find((p) => p.startsOn <= now && now <= p.endsOn) ?? open.at(-1) ?? periods.at(-1);
}

interface ReportFormProps {
  indicator: Indicator;
  period: ReportingPeriod;
  institutionId: string;
  institutionName: string;
  report: IndicatorReport | undefined;
  mayCreate: boolean;
  /** Held by the page, not the form: a form is replaced when its report changes, a pending save is not. */
  save: ReturnType<typeof useSaveReport>;
  transition: ReturnType<typeof useReportTransition>;
}

/**
 * One institution's report for one indicator and period: the grid of cells, notes and visibility; saved as a
 * draft, then submitted, then validated by the institution's contact point. A closed period is read-only.
 */
function ReportForm(props: ReportFormProps) {
  const { indicator, period, institutionId, institutionName, report, mayCreate, save, transition } = props;
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const keys = indicator.dimensions;
  const combinations = combinationsOf(keys);
  const initial = () => ({
    values: valuesFrom(keys, report?.cells),
    notes: report?.notes ?? '',
    visibility: (report?.visibility ?? 'group') as Visibility,
  });
  const [form, setForm] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const notesId = useId();

  const closed = period.status === 'closed' || report?.periodStatus === 'closed';
  const editable = !closed && (report ? report.can.edit : mayCreate);
  const invalidCells = combinations.filter((c) => parseCell(form.values[keyOf(c)] ?? '') === null).length;

  // A server message about one cell (`body.cells.3…`) goes under that cell: cells are sent in combination order.
  const cellErrors: Record<string, string> = {};
  if (save.error instanceof ApiError) {
    for (const issue of save.error.fieldIssues) {
      const match = /^body\.cells\.(\d+)/.exec(issue.field);
      const combination = match ? combinations[Number(match[1])] : undefined;
      if (combination) cellErrors[keyOf(combination)] = issue.message;
    }
  }

  const reset = (next: IndicatorReport | undefined) => {
    setForm({
      values: valuesFrom(keys, next?.cells),
      notes: next?.notes ?? '',
      visibility: (next?.visibility ?? 'group') as Visibility,
    });
    setDirty(false);
  };

  const store = (then?: (saved: IndicatorReport) => void) => {
    if (invalidCells > 0) return;
    const cells = cellsOf(keys, combinations, form.values);
    const body = report
      ? { cells, notes: form.notes, visibility: form.visibility, version: report.version }
      : {
          indicatorId: indicator.id,
          periodId: period.id,
          institutionId,
          cells,
          notes: form.notes,
          visibility: form.visibility,
        };
    save.mutate(
      { id: report?.id ?? null, body },
      {
        onSuccess: (saved) => {
          reset(saved);
          if (then) then(saved);
          else notifySuccess(t('plan:reports.saved'));
        },
      },
    );
  };

  const submit = (current: IndicatorReport) =>
    transition.mutate(
      { report: current, to: 'submit' },
      { onSuccess: () => notifySuccess(t('plan:reports.submitted')), onError: notifyError },
    );

  const validate = (current: IndicatorReport) =>
    transition.mutate(
      { report: current, to: 'validate' },
      { onSuccess: () => notifySuccess(t('plan:reports.validated')), onError: notifyError },
    );

  const reload = () => {
    const current = save.error instanceof ApiError ? save.error.current<IndicatorReport>() : undefined;
    reset(current ?? report);
    save.reset();
  };

  const caption = t('plan:reports.gridCaption', {
    indicator: isolate(`${indicator.code} ${localized(indicator.nameFr, indicator.nameEn)}`),
    institution: institutionName,
    period: isolate(period.label),
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Text fw={700}>{institutionName}</Text>
            {report ? (
              <ReportStatusBadge status={report.status} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('plan:reports.none')}
              </Text>
            )}
            {dirty && (
              <Text size="sm" c="red.9" fw={600}>
                {t('plan:reports.unsaved')}
              </Text>
            )}
          </Group>
          {report && (
            <Text size="xs" c="dimmed">
              {report.validatedAt
                ? t('plan:reports.validatedAt', { date: format.dateTime(report.validatedAt) })
                : report.submittedAt
                  ? t('plan:reports.submittedAt', { date: format.dateTime(report.submittedAt) })
                  : t('plan:reports.updatedAt', { date: format.dateTime(report.updatedAt) })}
            </Text>
          )}
        </Group>
        {closed && (
          <Alert
            color="gray"
            variant="light"
            icon={<IconLock aria-hidden="true" />}
            title={t('plan:reports.closedTitle')}
          >
            {t('plan:reports.closedMessage', { period: isolate(period.label) })}
          </Alert>
        )}
        {!closed && !editable && (
          <Text size="sm" c="dimmed">
            {t('plan:reports.readOnly')}
          </Text>
        )}
        <MutationAlert error={save.error} onReload={reload} />
        {closed && !report ? (
          <EmptyMessage title={t('plan:reports.noneInClosed')} />
        ) : !editable && !report ? (
          <EmptyMessage title={t('plan:reports.noneYet')} />
        ) : (
          <>
            {keys.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('plan:reports.gridHint', {
                  count: combinations.length,
                  dimensions: format.list(keys.map((key) => t(dimensionLabels[key]))),
                })}
              </Text>
            )}
            <ReportGrid
              dimensionKeys={keys}
              unit={indicator.unit}
              caption={caption}
              values={form.values}
              onChange={
                editable
                  ? (key, text) => {
                      setForm((f) => ({ ...f, values: { ...f.values, [key]: text } }));
                      setDirty(true);
                    }
                  : undefined
              }
              cellErrors={cellErrors}
            />
            {editable ? (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Textarea
                  id={notesId}
                  label={t('plan:reports.notes')}
                  description={t('plan:reports.notesHint')}
                  autosize
                  minRows={2}
                  value={form.notes}
                  onChange={(e) => {
                    const notes = e.currentTarget.value;
                    setForm((f) => ({ ...f, notes }));
                    setDirty(true);
                  }}
                  error={save.error instanceof ApiError ? save.error.fieldError('notes') : undefined}
                />
                <VisibilitySelect
                  value={form.visibility}
                  onChange={(visibility) => {
                    setForm((f) => ({ ...f, visibility }));
                    setDirty(true);
                  }}
                  error={save.error instanceof ApiError ? save.error.fieldError('visibility') : undefined}
                />
              </SimpleGrid>
            ) : (
              report?.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
                  {report.notes}
                </Text>
              )
            )}
          </>
        )}
        {invalidCells > 0 && (
          <Text size="sm" c="red.9" role="alert">
            {t('plan:reports.invalidCells', { count: invalidCells })}
          </Text>
        )}
        {editable && report && report.status !== 'draft' && (
          <Text size="sm" c="dimmed">
            {t('plan:reports.editResets')}
          </Text>
        )}
        {(editable || report?.can.validate) && (
          <Group gap="sm">
            {editable && (
              <Button
                variant={report?.can.submit && !dirty ? 'default' : 'filled'}
                leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
                loading={save.isPending}
                disabled={report !== undefined && !dirty}
                onClick={() => store()}
              >
                {t('plan:reports.saveDraft')}
              </Button>
            )}
            {editable && (!report || report.can.submit || dirty) && (
              <Button
                leftSection={<IconSend size={16} aria-hidden="true" />}
                loading={transition.isPending && transition.variables?.to === 'submit'}
                onClick={() => (dirty || !report ? store(submit) : submit(report))}
              >
                {t('plan:reports.submit')}
              </Button>
            )}
            {report?.can.validate && !dirty && (
              <Button
                color="teal"
                leftSection={<IconCheck size={16} aria-hidden="true" />}
                loading={transition.isPending && transition.variables?.to === 'validate'}
                onClick={() => validate(report)}
              >
                {t('plan:reports.validate')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function PeriodReports({
  reports,
  current,
  onPick,
}: {
  reports: IndicatorReport[];
  current: string;
  onPick: (institutionId: string) => void;
}) {
  const { t } = useT();
  const format = useFormat();
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t('plan:reports.periodReportsTitle')}
      </Title>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan:reports.periodReportsEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>
              <VisuallyHidden>{t('plan:reports.periodReportsTitle')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan:reports.institution')}</Table.Th>
                <Table.Th>{t('plan:reports.status')}</Table.Th>
                <Table.Th ta="end">{t('plan:reports.totalColumn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.map((report) => (
                <Table.Tr key={report.id}>
                  <Table.Th scope="row" fw={500} dir="auto">
                    {report.institutionName}
                  </Table.Th>
                  <Table.Td>
                    <ReportStatusBadge status={report.status} />
                  </Table.Td>
                  <Table.Td ta="end">{format.number(report.total)}</Table.Td>
                  <Table.Td>
                    {report.institutionId !== current && (
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={t('plan:reports.openFor', { institution: report.institutionName })}
                        onClick={() => onPick(report.institutionId)}
                      >
                        {t('plan:reports.open')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Indicator reports: pick the indicator, the period and the institution (one's own by default), then the grid. */
export function ReportsPage() {
  const { t } = useT();
  const format = useFormat();
  const plan = usePlanContext();
  const user = useCurrentUser();
  const localized = useLocalizedText();
  const writesAny = useCan('write:record:any');
  const writesOwn = useCan('write:record:own');
  const indicators = useIndicators(plan.id);
  const periods = usePeriods(plan.id);
  const [params, setParams] = useSearchParams();
  const members = membersOf(plan);

  const indicatorList = indicators.data?.items ?? [];
  const periodList = periods.data?.items ?? [];
  const indicator = indicatorList.find((i) => i.id === params.get('indicatorId')) ?? indicatorList[0];
  const period = periodList.find((p) => p.id === params.get('periodId')) ?? defaultPeriod(periodList);
  const ownMember = members.find((m) => m.institutionId === user.institutionId);
  const institution = members.find((m) => m.institutionId === params.get('institutionId')) ?? ownMember ?? members[0];
  const save = useSaveReport();
  const transition = useReportTransition();
  const reports = useReports(
    { planId: plan.id, indicatorId: indicator?.id ?? '', periodId: period?.id ?? '' },
    indicator !== undefined && period !== undefined,
  );

  // From the address as it is now, not as it was at the last render: two choices in quick succession both stay.
  const pick = (name: 'indicatorId' | 'periodId' | 'institutionId', value: string) => {
    save.reset();
    const next = new URLSearchParams(window.location.search);
    next.set(name, value);
    setParams(next, { replace: true });
  };

  if (indicators.isPending || periods.isPending) return <LoadingState />;
  if (indicators.isError) return <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (periods.isError) return <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />;
  if (!indicator || !period || !institution) {
    return (
      <EmptyMessage title={t('plan:reports.nothingToReport')} description={t('plan:reports.nothingToReportHint')} />
    );
  }

  const report = reports.data?.items.find((r) => r.institutionId === institution.institutionId);
  const institutionName = localized(institution.nameFr, institution.nameEn);
  const mayCreate = writesAny || (writesOwn && institution.institutionId === user.institutionId);

  return (
    <Stack gap="lg">
      <Text c="dimmed" maw="48rem">
        {t('plan:reports.intro')}
      </Text>
      <Group role="search" aria-label={t('plan:reports.pickLabel')} align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('plan:reports.indicator')}
          value={indicator.id}
          onChange={(e) => pick('indicatorId', e.currentTarget.value)}
          data={indicatorList.map((i) => ({
            value: i.id,
            label: `${isolate(i.code)} — ${localized(i.nameFr, i.nameEn)}`,
          }))}
          w={{ base: '100%', sm: 360 }}
        />
        <NativeSelect
          label={t('plan:reports.period')}
          value={period.id}
          onChange={(e) => pick('periodId', e.currentTarget.value)}
          data={periodList.map((p) => ({
            value: p.id,
            label:
              p.status === 'closed'
                ? t('plan:reports.periodClosedOption', { label: isolate(p.label) })
                : isolate(p.label),
          }))}
          w={{ base: '100%', sm: 200 }}
        />
        <NativeSelect
          label={t('plan:reports.institution')}
          value={institution.institutionId}
          onChange={(e) => pick('institutionId', e.currentTarget.value)}
          data={members.map((m) => ({ value: m.institutionId, label: localized(m.nameFr, m.nameEn) }))}
          w={{ base: '100%', sm: 320 }}
        />
      </Group>
      <Group gap="xs">
        <PeriodStatusBadge status={period.status} />
        <Text size="sm" c="dimmed">
          {t('plan:dates.range', { start: format.date(period.startsOn), end: format.date(period.endsOn) })}
        </Text>
      </Group>
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <>
          <ReportForm
            // A new form for each report (and each version of it after a save elsewhere): no stale cells.
            key={`${indicator.id}:${period.id}:${institution.institutionId}:${report?.id ?? 'new'}:${report?.version ?? 0}:${report?.periodStatus ?? period.status}:${period.status}`}
            indicator={indicator}
            period={period}
            institutionId={institution.institutionId}
            institutionName={institutionName}
            report={report}
            mayCreate={mayCreate}
            save={save}
            transition={transition}
          />
          <PeriodReports
            reports={reports.data.items}
            current={institution.institutionId}
            onPick={(id) => pick('institutionId', id)}
          />
        </>
      )}
    </Stack>
  );
}
