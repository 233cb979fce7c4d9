import { Group, NativeSelect, Pagination, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import type { Page } from '../api/http';
import { useT } from '../i18n/use-t';
import classes from './DataTable.module.css';
import type { ListParams } from './list-params';
import { pageSizes } from './list-params';
import { EmptyMessage, ErrorState, LoadingState } from './QueryStates';

export interface Column<T, S extends string = string> {
  id: string;
  header: string;
  /** The server's sort key for this column, when it can be sorted. */
  sortKey?: S;
  /** The header text stays for screen readers only (an actions column). */
  hideHeader?: boolean;
  render: (row: T) => ReactNode;
}

interface DataTableProps<T, S extends string, F extends string> {
  /** Names the table for assistive technologies (its caption). */
  label: string;
  columns: Column<T, S>[];
  query: UseQueryResult<Page<T>>;
  list: ListParams<S, F>;
  rowKey: (row: T) => string;
  empty: { title: string; description?: ReactNode; action?: ReactNode };
}

function SortableHeader<S extends string>({
  header,
  sortKey,
  list,
}: {
  header: string;
  sortKey: S;
  list: ListParams<S, string>;
}) {
  const active = list.sort === sortKey;
  const Icon = !active ? IconArrowsSort : list.order === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th aria-sort={active ? (list.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton className={classes.sortButton} onClick={() => list.toggleSort(sortKey)}>
        {header}
        <Icon size={16} aria-hidden="true" />
      </UnstyledButton>
    </Table.Th>
  );
}

/** A server-paginated list: total, sortable headers (aria-sort), pages, and designed loading, error and empty states. */
export function DataTable<T, S extends string, F extends string>(props: DataTableProps<T, S, F>) {
  const { t } = useT();
  const { label, columns, query, list, rowKey, empty } = props;

  const total = query.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / list.pageSize));
  const beyondLastPage = query.isSuccess && list.page > pageCount;
  // A shared link or a narrower filter can point past the last page: go to the last one that exists.
  useEffect(() => {
    if (beyondLastPage) list.setPage(pageCount);
  }, [beyondLastPage, pageCount, list.setPage]);

  if (query.isPending || beyondLastPage) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { items } = query.data;

  return (
    <>
      <Group justify="space-between" mb="xs" gap="sm">
        <Text size="sm" role="status" aria-live="polite" fw={500}>
          {t('common:list.total', { count: total })}
        </Text>
        {total > pageSizes[0] && (
          <NativeSelect
            size="xs"
            label={t('common:list.pageSize')}
            data={pageSizes.map((size) => String(size))}
            value={String(list.pageSize)}
            onChange={(event) => list.setPageSize(Number(event.currentTarget.value))}
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 'var(--mantine-spacing-xs)' } }}
          />
        )}
      </Group>
      {items.length === 0 ? (
        <EmptyMessage title={empty.title} description={empty.description} action={empty.action} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            className={query.isFetching ? classes.busy : undefined}
            aria-busy={query.isFetching}
          >
            <Table.Caption>
              <VisuallyHidden>{label}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) =>
                  column.sortKey !== undefined ? (
                    <SortableHeader key={column.id} header={column.header} sortKey={column.sortKey} list={list} />
                  ) : (
                    <Table.Th key={column.id}>
                      {column.hideHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.id}>{column.render(row)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pageCount > 1 && (
        <nav aria-label={t('common:pagination.label')}>
          <Group justify="center" mt="md">
            <Pagination
              total={pageCount}
              value={list.page}
              onChange={list.setPage}
              withEdges
              getControlProps={(control) => ({ 'aria-label': t(paginationLabels[control]) })}
              // Strings, not numbers: the label must show the same digits as the button itself.
              getItemProps={(page) => ({
                'aria-label': t('common:pagination.page', { page: String(page), count: String(pageCount) }),
              })}
            />
          </Group>
        </nav>
      )}
    </>
  );
}

const paginationLabels = {
  first: 'common:pagination.first',
  previous: 'common:pagination.previous',
  next: 'common:pagination.next',
  last: 'common:pagination.last',
} as const;
