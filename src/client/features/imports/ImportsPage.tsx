import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Pagination,
  Paper,
  Progress,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  importKinds,
} from '../../../shared/contract/imports';
import { ApiError } from '../../api/http';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { MutationAlert } from '../../components/MutationAlert';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { templateUrl, useConfirmImport, useImportLayout, usePreviewImport, useVisitChoices } from './api';

const kindLabels = {
  activities: 'imports:kinds.activities',
  'awareness-sessions': 'imports:kinds.awarenessSessions',
  recommendations: 'imports:kinds.recommendations',
} as const satisfies Record<ImportKind, string>;

const formatLabels = {
  text: 'imports:formats.text',
  integer: 'imports:formats.integer',
  decimal: 'imports:formats.decimal',
  date: 'imports:formats.date',
  dateOrDateTime: 'imports:formats.dateOrDateTime',
  boolean: 'imports:formats.boolean',
  choice: 'imports:formats.choice',
  choices: 'imports:formats.choices',
  list: 'imports:formats.list',
  reference: 'imports:formats.reference',
  references: 'imports:formats.references',
} as const;

/** Where the records of a kind are listed, and each one's page. */
const listPaths: Record<ImportKind, string> = {
  activities: '/activities',
  'awareness-sessions': '/awareness-sessions',
  recommendations: '/recommendations',
};

const paginationLabels = {
  first: 'common:pagination.first',
  previous: 'common:pagination.previous',
  next: 'common:pagination.next',
  last: 'common:pagination.last',
} as const;

const PAGE_SIZE = 25;
const SHOWN_LINKS = 20;

function isKind(value: string | null): value is ImportKind {
  return (importKinds as readonly (string | null)[]).includes(value);
}

/** The documented layout of a kind: every column, whether it is required, its format and allowed values. */
function ColumnsTable({ kind }: { kind: ImportKind }) {
  const { t, i18n } = useT();
  const layout = useImportLayout(kind, i18n.language);
  if (layout.isPending) return <LoadingState />;
  if (layout.isError) return <ErrorState error={layout.error} onRetry={() => void layout.refetch()} />;
  return (
    <ScrollArea.Autosize
      mah="24rem"
      type="auto"
      // A scrolling region is reached and scrolled with the keyboard too.
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports:columns.caption') }}
    >
      <Table striped withTableBorder stickyHeader>
        <Table.Caption>{t('imports:columns.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports:columns.label')}</Table.Th>
            <Table.Th>{t('imports:columns.key')}</Table.Th>
            <Table.Th>{t('imports:columns.format')}</Table.Th>
            <Table.Th>{t('imports:columns.values')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {layout.data.columns.map((column) => (
            <Table.Tr key={column.key}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <span>{column.label}</span>
                  {column.required && (
                    <Badge size="xs" variant="light" color="red">
                      {t('imports:columns.required')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text component="code" size="xs" dir="ltr">
                  {column.key}
                </Text>
              </Table.Td>
              <Table.Td>{t(formatLabels[column.format])}</Table.Td>
              <Table.Td>
                <Text size="xs" dir="ltr">
                  {[
                    column.values.join(', '),
                    column.kinds.length > 0 ? t('imports:columns.kinds', { kinds: column.kinds.join(', ') }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** A drop area around a keyboard-accessible file input: dropping a file chooses it like the input does. */
function FileDrop({
  file,
  onChange,
  error,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
}) {
  const { t } = useT();
  const format = useFormat();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderColor: over ? 'var(--mantine-color-blue-6)' : undefined }}
    >
      <Stack gap="xs" align="stretch">
        <Group gap="xs" c="dimmed">
          <IconFileSpreadsheet size={20} aria-hidden="true" />
          <Text size="sm">{t('imports:upload.drop')}</Text>
        </Group>
        <FileInput
          label={t('imports:upload.file')}
          description={t('imports:upload.hint', {
            size: format.number(IMPORT_MAX_BYTES / (1024 * 1024)),
            rows: IMPORT_MAX_ROWS,
          })}
          placeholder={t('imports:upload.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconUpload size={16} aria-hidden="true" />}
          value={file}
          onChange={onChange}
          error={error}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.clear') }}
        />
      </Stack>
    </Paper>
  );
}

/** The rows as read, errors next to their cell; rows with errors can be shown alone. Page and filter in the URL. */
function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const onlyErrors = params.get('errors') === '1';
  const rows = onlyErrors ? preview.rows.filter((row) => row.errors.length > 0) : preview.rows;
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number(params.get('page')) || 1));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text role="status" aria-live="polite" fw={500}>
          {t('imports:preview.summary', { total: preview.total, invalid: preview.invalid })}
        </Text>
        <Checkbox
          label={t('imports:preview.onlyErrors')}
          checked={onlyErrors}
          onChange={(event) => update({ errors: event.currentTarget.checked ? '1' : null, page: null })}
        />
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('imports:preview.noErrors')}</Text>
      ) : (
        <ScrollArea
          type="auto"
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('imports:preview.caption') }}
        >
          <Table withTableBorder withColumnBorders striped>
            <Table.Caption>{t('imports:preview.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports:preview.row')}</Table.Th>
                <Table.Th scope="col">{t('imports:preview.status')}</Table.Th>
                {preview.columns.map((column) => (
                  <Table.Th scope="col" key={column.key} style={{ minInlineSize: '8rem' }}>
                    {column.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => {
                const rowErrors = row.errors.filter(
                  (error) => error.column === null || !preview.columns.some((c) => c.key === error.column),
                );
                return (
                  <Table.Tr key={row.row} data-row={row.row}>
                    <Table.Th scope="row">{row.row}</Table.Th>
                    <Table.Td>
                      {row.errors.length === 0 ? (
                        <Badge color="green" variant="light">
                          {t('imports:preview.ok')}
                        </Badge>
                      ) : (
                        <Stack gap={4}>
                          <Badge color="red" variant="light">
                            {t('imports:preview.errors', { count: row.errors.length })}
                          </Badge>
                          {rowErrors.map((error) => (
                            <Text key={`${error.issue}-${error.message}`} size="xs" c="red.9" role="note">
                              {error.message}
                            </Text>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    {preview.columns.map((column) => {
                      const errors = row.errors.filter((error) => error.column === column.key);
                      return (
                        <Table.Td
                          key={column.key}
                          data-column={column.key}
                          bg={errors.length > 0 ? 'red.0' : undefined}
                          aria-invalid={errors.length > 0 || undefined}
                        >
                          <Text size="sm" dir="auto">
                            {row.values[column.key] ?? ''}
                          </Text>
                          {errors.map((error) => (
                            <Text key={`${error.issue}-${error.message}`} size="xs" c="red.9" role="note">
                              {error.message}
                            </Text>
                          ))}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {pageCount > 1 && (
        <nav aria-label={t('common:pagination.label')}>
          <Pagination
            total={pageCount}
            value={page}
            onChange={(next) => update({ page: String(next) })}
            withEdges
            getControlProps={(control) => ({ 'aria-label': t(paginationLabels[control]) })}
            getItemProps={(item) => ({
              'aria-label': t('common:pagination.page', { page: String(item), count: String(pageCount) }),
            })}
          />
        </nav>
      )}
    </Stack>
  );
}

function ResultPanel({ kind, result, preview }: { kind: ImportKind; result: ImportResult; preview: ImportPreview }) {
  const { t } = useT();
  // Ids come back in the order of the file's valid rows: each link is named by what its row said.
  const names = preview.rows.map(
    (row) => row.values.title ?? row.values.text ?? t('imports:result.rowName', { row: row.row }),
  );
  const base = listPaths[kind];
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden="true" />}
      title={t('imports:result.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{t('imports:result.message', { count: result.created })}</Text>
        <List size="sm">
          {result.ids.slice(0, SHOWN_LINKS).map((id, index) => (
            <List.Item key={id}>
              <Anchor component={Link} to={`${base}/${id}`} dir="auto">
                {names[index]}
              </Anchor>
            </List.Item>
          ))}
        </List>
        <Anchor component={Link} to={base} fw={500}>
          {t('imports:result.list')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** Imports: choose a kind, take its template, upload, check the preview, confirm. */
export function ImportsPage() {
  const { t } = useT();
  const format = useFormat();
  const kindId = useId();
  const [params, setParams] = useSearchParams();
  const requested = params.get('kind');
  const kind: ImportKind = isKind(requested) ? requested : 'activities';
  const [file, setFile] = useState<File | null>(null);
  const [visitId, setVisitId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const preview = usePreviewImport();
  const confirm = useConfirmImport();
  const visits = useVisitChoices(kind === 'recommendations');
  const current = preview.data?.kind === kind ? preview.data : undefined;
  const valid = current ? current.total - current.invalid : 0;

  const reset = () => {
    preview.reset();
    confirm.reset();
  };
  const chooseKind = (next: string) => {
    reset();
    setFile(null);
    setParams(new URLSearchParams({ kind: next }), { replace: true });
  };
  const chooseFile = (next: File | null) => {
    reset();
    setFile(next);
  };
  const send = () => {
    if (!file) return;
    confirm.reset();
    setParams(new URLSearchParams({ kind }), { replace: true });
    preview.mutate({ kind, file, visitId: visitId ?? undefined });
  };
  const doImport = () => {
    if (!file || !current) return;
    confirm.mutate(
      { kind, file, visitId: visitId ?? undefined, checksum: current.checksum },
      { onSettled: () => setConfirming(false) },
    );
  };

  return (
    <>
      <PageHeader title={t('imports:page.title')} description={t('imports:page.intro')} />
      <Stack gap="xl">
        <Stack gap="sm">
          <Text id={kindId} fw={500}>
            {t('imports:kinds.label')}
          </Text>
          <SegmentedControl
            aria-labelledby={kindId}
            value={kind}
            onChange={chooseKind}
            data={importKinds.map((value) => ({ value, label: t(kindLabels[value]) }))}
          />
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('imports:template.title')}
          </Title>
          <Text size="sm">{t('imports:template.help')}</Text>
          <Group gap="sm">
            <Button
              component="a"
              href={templateUrl(kind, 'xlsx')}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {t('imports:template.xlsx')}
            </Button>
            <Button
              component="a"
              href={templateUrl(kind, 'csv')}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
            >
              {t('imports:template.csv')}
            </Button>
          </Group>
          <ColumnsTable kind={kind} />
        </Stack>

        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('imports:upload.title')}
          </Title>
          {kind === 'recommendations' && (
            <Select
              label={t('imports:upload.visit')}
              description={t('imports:upload.visitHint')}
              placeholder={t('imports:upload.visitPlaceholder')}
              data={(visits.data?.items ?? []).map((visit) => ({
                value: visit.id,
                label: `${visit.facility.name} · ${format.date(visit.startsOn)}`,
              }))}
              value={visitId}
              onChange={(value) => {
                reset();
                setVisitId(value);
              }}
              searchable
              clearable
              nothingFoundMessage={t('imports:upload.noVisit')}
            />
          )}
          <FileDrop
            file={file}
            onChange={chooseFile}
            error={preview.error instanceof ApiError ? preview.error.message : undefined}
          />
          {preview.error instanceof ApiError && preview.error.fieldIssues.length > 0 && (
            <List size="sm" c="red.9" role="alert">
              {preview.error.fieldIssues.map((issue) => (
                <List.Item key={`${issue.field}-${issue.message}`}>{issue.message}</List.Item>
              ))}
            </List>
          )}
          {preview.error && !(preview.error instanceof ApiError) && <MutationAlert error={preview.error} />}
          {preview.progress !== null && (
            <Progress value={preview.progress * 100} aria-label={t('imports:upload.progress')} animated />
          )}
          <Group>
            <Button onClick={send} disabled={!file} loading={preview.isPending}>
              {t('imports:upload.preview')}
            </Button>
          </Group>
        </Stack>

        {current && (
          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('imports:preview.title')}
            </Title>
            <PreviewTable preview={current} />
            {current.invalid > 0 && (
              <Alert color="orange" variant="light" role="alert">
                {t('imports:preview.fixFirst')}
              </Alert>
            )}
            {!confirm.data && (
              <Group>
                <Button onClick={() => setConfirming(true)} disabled={current.invalid > 0 || valid === 0}>
                  {t('imports:confirm.button', { count: valid })}
                </Button>
              </Group>
            )}
            <MutationAlert error={confirm.error} />
            {confirm.data && <ResultPanel kind={kind} result={confirm.data} preview={current} />}
          </Stack>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('imports:confirm.title')}
        message={t('imports:confirm.message', { count: valid, kind: t(kindLabels[kind]) })}
        confirmLabel={t('imports:confirm.confirm')}
        onConfirm={doImport}
        pending={confirm.isPending}
        error={confirm.error}
      />
    </>
  );
}
