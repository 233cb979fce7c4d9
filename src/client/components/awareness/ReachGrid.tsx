import { Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import {
  type AwarenessReach,
  type ChildrenGrid,
  type ReachAgeBand,
  type ReachSex,
  type ReachStatus,
  reachAgeBands,
  reachSexes,
  reachStatuses,
} from '../../../shared/contract/awareness-reach';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import classes from './ReachGrid.module.css';

export const sexLabels = {
  girls: 'awareness:sex.girls',
  boys: 'awareness:sex.boys',
  other: 'awareness:sex.other',
} as const satisfies Record<ReachSex, string>;

export const ageBandLabels = {
  '0-5': 'awareness:ageBand.age_0_5',
  '6-11': 'awareness:ageBand.age_6_11',
  '12-14': 'awareness:ageBand.age_12_14',
  '15-17': 'awareness:ageBand.age_15_17',
} as const satisfies Record<ReachAgeBand, string>;

export const statusLabels = {
  unaccompanied: 'awareness:status.unaccompanied',
  separated: 'awareness:status.separated',
  with_family: 'awareness:status.with_family',
} as const satisfies Record<ReachStatus, string>;

/** One cell of the grid, as the form keeps it and the server names it: `unaccompanied.girls.12-14`. */
export const cellKey = (status: ReachStatus, sex: ReachSex, band: ReachAgeBand) => `${status}.${sex}.${band}`;

/** A count as typed: empty is zero; anything but a whole number ≥ 0 is null (shown as an error, sent as is). */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export function valuesOfGrid(grid: ChildrenGrid | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!grid) return values;
  for (const status of reachStatuses) {
    for (const sex of reachSexes) {
      for (const band of reachAgeBands) {
        const n = grid[status][sex][band];
        if (n > 0) values[cellKey(status, sex, band)] = String(n);
      }
    }
  }
  return values;
}

interface ReachGridProps {
  values: Record<string, string>;
  /** Absent: read-only. */
  onChange?: (key: string, text: string) => void;
  /** Messages for single cells, by cell key. */
  cellErrors?: Record<string, string>;
}

/**
 * Children counted, one table per status: age bands down, sex across, with row and column totals. Each input is
 * named by its whole cell ("Girls, 12–14, unaccompanied"), so a screen reader user knows where they are without
 * reading the headers again; they are plain text inputs in tab order, row by row.
 */
export function ReachGrid({ values, onChange, cellErrors = {} }: ReachGridProps) {
  const { t } = useT();
  const format = useFormat();
  const count = (key: string) => parseCount(values[key] ?? '') ?? 0;
  const sum = (keys: string[]) => keys.reduce((n, key) => n + count(key), 0);
  const all = reachStatuses.flatMap((status) =>
    reachSexes.flatMap((sex) => reachAgeBands.map((band) => cellKey(status, sex, band))),
  );

  return (
    <Stack gap="md">
      {reachStatuses.map((status) => {
        const ofStatus = (sex?: ReachSex, band?: ReachAgeBand) =>
          reachSexes
            .filter((s) => !sex || s === sex)
            .flatMap((s) => reachAgeBands.filter((b) => !band || b === band).map((b) => cellKey(status, s, b)));
        return (
          <Table.ScrollContainer key={status} minWidth={520}>
            <Table
              withTableBorder
              withColumnBorders
              verticalSpacing={4}
              captionSide="top"
              className={classes.grid}
              data-status={status}
            >
              <Table.Caption className={classes.caption}>{t(statusLabels[status])}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('awareness:reach.ageBand')}</Table.Th>
                  {reachSexes.map((sex) => (
                    <Table.Th key={sex} ta="end">
                      {t(sexLabels[sex])}
                    </Table.Th>
                  ))}
                  <Table.Th ta="end">{t('awareness:reach.rowTotal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reachAgeBands.map((band) => (
                  <Table.Tr key={band}>
                    <Table.Th scope="row" fw={500}>
                      {t(ageBandLabels[band])}
                    </Table.Th>
                    {reachSexes.map((sex) => {
                      const key = cellKey(status, sex, band);
                      if (!onChange) {
                        return (
                          <Table.Td key={sex} ta="end">
                            {format.number(count(key))}
                          </Table.Td>
                        );
                      }
                      const text = values[key] ?? '';
                      return (
                        <Table.Td key={sex}>
                          <TextInput
                            size="xs"
                            inputMode="numeric"
                            aria-label={t('awareness:reach.cell', {
                              sex: t(sexLabels[sex]),
                              band: t(ageBandLabels[band]),
                              status: t(statusLabels[status]),
                            })}
                            value={text}
                            placeholder="0"
                            onChange={(e) => onChange(key, e.currentTarget.value)}
                            error={
                              cellErrors[key] ??
                              (parseCount(text) === null ? t('awareness:reach.notACount') : undefined)
                            }
                            classNames={{ input: classes.cellInput }}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="end" fw={600}>
                      {format.number(sum(ofStatus(undefined, band)))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('awareness:reach.columnTotal')}</Table.Th>
                  {reachSexes.map((sex) => (
                    <Table.Td key={sex} ta="end" fw={600}>
                      {format.number(sum(ofStatus(sex)))}
                    </Table.Td>
                  ))}
                  <Table.Td ta="end" fw={700}>
                    {format.number(sum(ofStatus()))}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        );
      })}
      <Text fw={700} role="status" aria-live="polite" data-testid="children-total">
        {t('awareness:reach.childrenTotal', { count: sum(all) })}
      </Text>
    </Stack>
  );
}

/** The headline figures of a reach: children (each group once), adults, groups and sessions, media audience apart. */
export function ReachFacts({ reach }: { reach: AwarenessReach }) {
  const { t } = useT();
  const format = useFormat();
  const facts = [
    { id: 'children', label: t('awareness:reach.children'), value: reach.childrenTotal },
    { id: 'adults', label: t('awareness:reach.adults'), value: reach.adults },
    { id: 'groups', label: t('awareness:reach.groups'), value: reach.groups },
    { id: 'sessions', label: t('awareness:reach.sessions'), value: reach.sessions },
    { id: 'audience', label: t('awareness:reach.mediaAudience'), value: reach.mediaAudience },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
      {facts.map((fact) => (
        <Paper key={fact.id} withBorder radius="md" p="sm" data-fact={fact.id}>
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
