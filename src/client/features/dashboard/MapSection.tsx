import { Grid } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { FigureTable } from '../../components/charts/FigureTable';
import { LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { hrefOf, type NetworkDashboard } from './api';

// The map and its geographic data load only when the section is shown: neither is in the first bundle.
const NetworkMap = lazy(() => import('./map/NetworkMap'));

/** The map and, beside it, the same facts per country as a table (its text alternative). */
export function MapSection({ map }: { map: NetworkDashboard['map'] }) {
  const { t } = useT();
  const format = useFormat();
  const collator = new Intl.Collator();
  const rows = [...map.countries].sort((a, b) =>
    collator.compare(format.country(a.country), format.country(b.country)),
  );
  return (
    <Section title={t('dashboard:map.title')} description={t('dashboard:map.description')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Suspense fallback={<LoadingState label={t('dashboard:map.loading')} />}>
            <NetworkMap map={map} label={t('dashboard:map.label')} />
          </Suspense>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FigureTable
            caption={t('dashboard:map.tableCaption')}
            columns={[
              t('dashboard:map.country'),
              t('dashboard:map.institutions'),
              t('dashboard:map.visits'),
              t('dashboard:map.sessions'),
            ]}
            rows={rows.map((row) => ({
              key: row.country,
              header: format.country(row.country),
              cells: [
                row.institutions > 0 ? format.number(row.institutions) : '—',
                row.visits ? { value: row.visits.value, to: hrefOf(row.visits.link) } : '—',
                row.sessions ? { value: row.sessions.value, to: hrefOf(row.sessions.link) } : '—',
              ],
            }))}
          />
        </Grid.Col>
      </Grid>
    </Section>
  );
}
