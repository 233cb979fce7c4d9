import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ThemesByCountry } from '../../../../shared/contract/monitoring';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { themeLabels } from '../shared/labels';
import { useThemesByCountry } from './api';

type Cell = ThemesByCountry['cells'][number];

/**
 * Themes down, countries across: how many recommendations each country's visits made on each theme, how many are
 * still open and how many repeat an earlier one — the problems the group meets everywhere stand out. A real table
 * with row and column headers, so that a screen reader names each figure by its theme and country.
 */
export function ThemesByCountryTable({ query: filters }: { query: Record<string, string | number> }) {
  const { t } = useT();
  const format = useFormat();
  const query = useThemesByCountry(filters);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { countries, themes, cells } = query.data;
  if (countries.length === 0 || themes.length === 0) {
    return <EmptyMessage title={t('monitoring:tracker.comparisonEmpty')} />;
  }
  const byKey = new Map<string, Cell>(cells.map((cell) => [`${cell.theme}|${cell.countryCode}`, cell]));
  const totalOf = (theme: string) =>
    cells.filter((cell) => cell.theme === theme).reduce((sum, cell) => sum + cell.recommendations, 0);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="themes-by-country">
        <Table.Caption>
          <VisuallyHidden>{t('monitoring:tracker.comparisonCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('monitoring:recommendation.theme')}</Table.Th>
            {countries.map((code) => (
              <Table.Th key={code} scope="col" data-country={code}>
                {format.country(code)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('monitoring:tracker.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {themes.map((theme) => (
            <Table.Tr key={theme} data-theme={theme}>
              <Table.Th scope="row">{t(themeLabels[theme])}</Table.Th>
              {countries.map((code) => {
                const cell = byKey.get(`${theme}|${code}`);
                return (
                  <Table.Td key={code} data-country={code}>
                    {cell && cell.recommendations > 0 ? (
                      <>
                        <Text size="sm" fw={600} span>
                          {format.number(cell.recommendations)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('monitoring:tracker.cellDetail', {
                            open: cell.open,
                            implemented: cell.implemented,
                            repeated: cell.repeated,
                          })}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed" span>
                        {format.number(0)}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td fw={600}>{format.number(totalOf(theme))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
