import { SegmentedControl, Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/use-t';

interface ChartOrTableProps {
  /** Names the switch for assistive technologies (what the chart shows). */
  label: string;
  chart: ReactNode;
  table: ReactNode;
}

/** A chart and its data table, one at a time: a switch of two radio buttons, reachable by keyboard. */
export function ChartOrTable({ label, chart, table }: ChartOrTableProps) {
  const { t } = useT();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Stack gap="sm">
      <SegmentedControl
        size="xs"
        aria-label={t('common:charts.viewOf', { name: label })}
        value={view}
        onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
        data={[
          { value: 'chart', label: t('common:charts.chart') },
          { value: 'table', label: t('common:charts.table') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'chart' ? chart : table}
    </Stack>
  );
}
