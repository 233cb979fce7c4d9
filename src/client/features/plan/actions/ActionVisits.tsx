import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { VisitSummary } from '../../../../shared/contract/monitoring';
import { apiRequest, type Page } from '../../../api/http';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';

const visitStatusLabels = {
  planned: 'monitoring:visitStatus.planned',
  in_progress: 'monitoring:visitStatus.in_progress',
  report_drafted: 'monitoring:visitStatus.report_drafted',
  report_validated: 'monitoring:visitStatus.report_validated',
  published: 'monitoring:visitStatus.published',
  closed: 'monitoring:visitStatus.closed',
} as const satisfies Record<VisitSummary['status'], string>;

/** The monitoring visits serving an action that the user may see, oldest first. */
function useActionVisits(actionId: string) {
  const query = { actionId, sort: 'startsOn', order: 'asc', pageSize: 100 };
  return useQuery({
    // Under 'monitoring': a change to a visit refreshes every monitoring query, this one included.
    queryKey: ['monitoring', 'visits', 'list', query],
    queryFn: ({ signal }) => apiRequest<Page<VisitSummary>>('/visits', { query, signal }),
  });
}

export function ActionVisits({ actionId }: { actionId: string }) {
  const { t } = useT();
  const format = useFormat();
  const query = useActionVisits(actionId);
  return (
    <Section title={t('monitoring:actionVisits.title')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitoring:actionVisits.empty')}
        </Text>
      ) : (
        <List size="sm" spacing={6} aria-label={t('monitoring:actionVisits.label')}>
          {query.data.items.map((visit) => (
            <List.Item key={visit.id}>
              <Anchor component={Link} to={`/visits/${visit.id}`} dir="auto">
                {visit.facility.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {format.date(visit.startsOn)} · {t(visitStatusLabels[visit.status])}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
