import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconMailForward, IconPlayerPlay } from '@tabler/icons-react';
import { notifyError, notifySuccess, notifyWarning } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { type EmailStatus, type JobStatus, useEmailStatus, useJobs, useRunJob, useSendTestEmail } from './api';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {value}
      </Text>
    </Stack>
  );
}

function EmailSection({ status }: { status: EmailStatus }) {
  const { t } = useT();
  const format = useFormat();
  const test = useSendTestEmail();
  const sendTest = () =>
    test.mutate(undefined, {
      onSuccess: (result) =>
        result.status === 'sent'
          ? notifySuccess(t('notifications:admin.testSent'))
          : notifyWarning(t('notifications:admin.testPending', { error: result.error ?? '' })),
      onError: notifyError,
    });
  return (
    <Section
      title={t('notifications:admin.emailTitle')}
      actions={
        status.enabled ? (
          <Button
            variant="light"
            leftSection={<IconMailForward size={16} aria-hidden="true" />}
            loading={test.isPending}
            onClick={sendTest}
          >
            {t('notifications:admin.sendTest')}
          </Button>
        ) : undefined
      }
    >
      <Group gap="sm">
        <Badge color={status.enabled ? 'green' : 'gray'} variant="light" size="lg">
          {status.enabled ? t('notifications:admin.on') : t('notifications:admin.off')}
        </Badge>
        {status.enabled && (
          <Text size="sm">
            {t('notifications:admin.sender', { from: status.from ?? '', server: status.host ?? '' })}
          </Text>
        )}
      </Group>
      {!status.enabled && <Alert variant="light">{t('notifications:admin.offHelp')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('notifications:admin.pending')} value={format.number(status.outbox.pending)} />
        <Figure label={t('notifications:admin.failed')} value={format.number(status.outbox.failed)} />
        <Figure label={t('notifications:admin.sentLastDay')} value={format.number(status.outbox.sentLastDay)} />
      </SimpleGrid>
      {status.failures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notifications:admin.noFailures')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('notifications:admin.failuresTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notifications:admin.columns.purpose')}</Table.Th>
                <Table.Th>{t('notifications:admin.columns.attempts')}</Table.Th>
                <Table.Th>{t('notifications:admin.columns.lastError')}</Table.Th>
                <Table.Th>{t('notifications:admin.columns.lastAttempt')}</Table.Th>
                <Table.Th>{t('notifications:admin.columns.nextAttempt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.failures.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{t('notifications:admin.purpose', { purpose: f.purpose })}</Table.Td>
                  <Table.Td>{format.number(f.attempts)}</Table.Td>
                  <Table.Td dir="ltr">{f.lastError}</Table.Td>
                  <Table.Td>{f.lastAttemptAt ? format.dateTime(f.lastAttemptAt) : ''}</Table.Td>
                  <Table.Td>
                    {f.nextAttemptAt ? format.dateTime(f.nextAttemptAt) : t('notifications:admin.givenUp')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function JobsSection({ jobs }: { jobs: JobStatus[] }) {
  const { t } = useT();
  const format = useFormat();
  const run = useRunJob();
  const runNow = (name: string) =>
    run.mutate(name, {
      onSuccess: (outcome) =>
        outcome.outcome === 'succeeded'
          ? notifySuccess(t('notifications:admin.jobs.ran', { name }))
          : notifyWarning(t('notifications:admin.jobs.failedRun', { name, error: outcome.error ?? '' })),
      onError: notifyError,
    });
  if (jobs.length === 0) return <EmptyMessage title={t('notifications:admin.jobs.none')} />;
  return (
    <Section title={t('notifications:admin.jobs.title')} description={t('notifications:admin.jobs.description')}>
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('notifications:admin.jobs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications:admin.jobs.name')}</Table.Th>
              <Table.Th>{t('notifications:admin.jobs.lastRun')}</Table.Th>
              <Table.Th>{t('notifications:admin.jobs.nextRun')}</Table.Th>
              <Table.Th>{t('notifications:admin.jobs.failures')}</Table.Th>
              <Table.Th>{t('common:list.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((job) => (
              <Table.Tr key={job.name}>
                <Table.Td>
                  <Text fw={500} dir="ltr">
                    {job.name}
                  </Text>
                  <Text size="xs" c="dimmed" dir="auto">
                    {job.summary}
                  </Text>
                  {job.lastError && (
                    <Text size="xs" c="red" dir="auto">
                      {t('notifications:admin.jobs.lastError', { error: job.lastError })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {job.running
                    ? t('notifications:admin.jobs.running')
                    : job.lastFinishedAt
                      ? format.dateTime(job.lastFinishedAt)
                      : t('notifications:admin.jobs.never')}
                </Table.Td>
                <Table.Td>{job.nextRunAt ? format.dateTime(job.nextRunAt) : ''}</Table.Td>
                <Table.Td>
                  {job.failures > 0 ? (
                    <Badge color="red" variant="light">
                      {format.number(job.failures)}
                    </Badge>
                  ) : (
                    format.number(0)
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlayerPlay size={14} aria-hidden="true" />}
                    disabled={job.running}
                    loading={run.isPending && run.variables === job.name}
                    onClick={() => runNow(job.name)}
                    aria-label={t('notifications:admin.jobs.runNamed', { name: job.name })}
                  >
                    {t('notifications:admin.jobs.run')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** Administration › Email and jobs: whether email is on, what waits or failed, and the scheduled jobs. */
export function EmailAdminPage() {
  const { t } = useT();
  const email = useEmailStatus();
  const jobs = useJobs();
  return (
    <>
      <PageHeader title={t('notifications:admin.title')} description={t('notifications:admin.intro')} />
      <Stack gap="lg" maw={1100}>
        {email.isPending ? (
          <LoadingState />
        ) : email.isError ? (
          <ErrorState error={email.error} onRetry={() => void email.refetch()} />
        ) : (
          <EmailSection status={email.data} />
        )}
        {jobs.isPending ? (
          <LoadingState />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <JobsSection jobs={jobs.data.items} />
        )}
      </Stack>
    </>
  );
}
