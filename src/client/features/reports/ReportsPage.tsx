import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportStatus, ReportSummary } from '../../../shared/contract/reports';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { useListParams } from '../../components/list-params';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { type ReportSort, useDeleteReport, usePlans, useReports } from './api';
import { type Period, RequestReportForm } from './RequestReportForm';

const statusLabels = {
  queued: 'reports:status.queued',
  running: 'reports:status.running',
  done: 'reports:status.done',
  failed: 'reports:status.failed',
} as const satisfies Record<ReportStatus, string>;
const statusColors: Record<ReportStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };
const stepLabels = {
  plan: 'reports:steps.plan',
  axes: 'reports:steps.axes',
  institutions: 'reports:steps.institutions',
  highlights: 'reports:steps.highlights',
  pdf: 'reports:steps.pdf',
  docx: 'reports:steps.docx',
} as const;
const errorLabels = {
  interrupted: 'reports:errors.interrupted',
  requester_unavailable: 'reports:errors.requester_unavailable',
  generation_failed: 'reports:errors.generation_failed',
} as const;
const languageLabels = { fr: 'reports:languages.fr', en: 'reports:languages.en' } as const;

/** The latest plan's period, else last calendar year. */
function defaultPeriod(plans: { startsOn: string; endsOn: string }[] | undefined): Period {
  const latest = plans?.[0];
  if (latest) return { from: latest.startsOn, to: latest.endsOn };
  const year = new Date().getFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

function StatusCell({ report }: { report: ReportSummary }) {
  const { t } = useT();
  const format = useFormat();
  const period = { from: format.date(report.from), to: format.date(report.to) };
  return (
    <Stack gap={4} miw="12rem">
      <Badge color={statusColors[report.status]} variant="light">
        {t(statusLabels[report.status])}
      </Badge>
      {(report.status === 'queued' || report.status === 'running') && (
        <>
          <Progress value={report.progress} aria-label={t('reports:progress.label', period)} animated />
          <Text size="sm" aria-live="polite">
            {report.step
              ? t('reports:progress.step', { step: t(stepLabels[report.step]), progress: report.progress })
              : t('reports:progress.waiting')}
          </Text>
        </>
      )}
      {report.status === 'failed' && report.error && (
        <Text size="sm" c="red.9">
          {t(errorLabels[report.error])}
        </Text>
      )}
    </Stack>
  );
}

function FileCell({ report, onDelete }: { report: ReportSummary; onDelete: () => void }) {
  const { t } = useT();
  const format = useFormat();
  const period = { from: format.date(report.from), to: format.date(report.to) };
  return (
    <Group gap="xs" wrap="wrap">
      {report.status === 'done' && report.pdfSize !== null && (
        <Button
          component="a"
          href={`/api/v1/reports/${report.id}/report.pdf`}
          download
          size="xs"
          variant="default"
          leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
          aria-label={t('reports:download.pdfLabel', period)}
        >
          {t('reports:download.pdf', { size: kilobytes(report.pdfSize) })}
        </Button>
      )}
      {report.status === 'done' && report.docxSize !== null && (
        <Button
          component="a"
          href={`/api/v1/reports/${report.id}/report.docx`}
          download
          size="xs"
          variant="default"
          leftSection={<IconFileTypeDocx size={16} aria-hidden="true" />}
          aria-label={t('reports:download.docxLabel', period)}
        >
          {t('reports:download.docx', { size: kilobytes(report.docxSize) })}
        </Button>
      )}
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} aria-hidden="true" />}
        onClick={onDelete}
        aria-label={t('reports:delete.buttonLabel', period)}
      >
        {t('reports:delete.button')}
      </Button>
    </Group>
  );
}

/** Consolidated reports: request one, follow its generation, download it, delete it. */
export function ReportsPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const plans = usePlans();
  const list = useListParams({
    sorts: ['createdAt', 'from', 'status'] as const satisfies readonly ReportSort[],
    defaultSort: 'createdAt',
    defaultOrder: 'desc',
    descendingFirst: ['createdAt', 'from'],
    filters: [] as const,
  });
  const polled = useReports(list.query);
  // The list asks again every few seconds while a report is generated: only a change of page or sort dims it.
  const reports = { ...polled, isFetching: polled.isFetching && polled.isPlaceholderData };
  const remove = useDeleteReport();
  const [deleting, setDeleting] = useState<ReportSummary | null>(null);

  const columns: Column<ReportSummary, ReportSort>[] = [
    {
      id: 'period',
      header: t('reports:list.period'),
      sortKey: 'from',
      render: (r) => t('reports:list.periodValue', { from: format.date(r.from), to: format.date(r.to) }),
    },
    {
      id: 'createdAt',
      header: t('reports:list.requestedAt'),
      sortKey: 'createdAt',
      render: (r) => format.dateTime(r.createdAt),
    },
    { id: 'language', header: t('reports:list.language'), render: (r) => t(languageLabels[r.language]) },
    {
      id: 'scope',
      header: t('reports:list.scope'),
      render: (r) =>
        r.institutions.length === 0
          ? t('reports:list.allData')
          : format.list(r.institutions.map((i) => localized(i.nameFr, i.nameEn))),
    },
    { id: 'status', header: t('reports:list.status'), sortKey: 'status', render: (r) => <StatusCell report={r} /> },
    {
      id: 'files',
      header: t('reports:list.actions'),
      render: (r) => <FileCell report={r} onDelete={() => setDeleting(r)} />,
    },
  ];

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <>
      <PageHeader title={t('reports:page.title')} description={t('reports:page.intro')} />
      <Stack gap="lg">
        <Section title={t('reports:form.title')} description={t('reports:form.description')}>
          {plans.isPending ? <LoadingState /> : <RequestReportForm initial={defaultPeriod(plans.data?.items)} />}
        </Section>
        <Section title={t('reports:list.title')}>
          <DataTable
            label={t('reports:list.tableLabel')}
            columns={columns}
            query={reports}
            list={list}
            rowKey={(r) => r.id}
            empty={{ title: t('reports:list.emptyTitle'), description: t('reports:list.emptyHint') }}
          />
        </Section>
      </Stack>
      {deleting && (
        <ConfirmDialog
          opened
          onClose={closeDelete}
          title={t('reports:delete.title')}
          message={t('reports:delete.message', {
            from: format.date(deleting.from),
            to: format.date(deleting.to),
          })}
          confirmLabel={t('reports:delete.confirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                notifySuccess(t('reports:delete.done'));
                closeDelete();
              },
            })
          }
        />
      )}
    </>
  );
}
