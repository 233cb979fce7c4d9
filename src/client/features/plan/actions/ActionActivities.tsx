import { Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Activity } from '../../../../shared/contract/activities';
import { apiRequest, type Page } from '../../../api/http';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';

const kindLabels = {
  dialogue_body: 'activities:kind.dialogue_body',
  meeting: 'activities:kind.meeting',
  training: 'activities:kind.training',
  statement: 'activities:kind.statement',
  study_visit: 'activities:kind.study_visit',
  course: 'activities:kind.course',
} as const satisfies Record<Activity['kind'], string>;

/** The activities serving an action that the user may see, oldest first: the action as it was carried out. */
function useActionActivities(actionId: string) {
  return useQuery({
    // Under 'activities': a change to an activity refreshes the lists that show it, this one included.
    queryKey: ['activities', 'list', { actionId, sort: 'startsAt', order: 'asc', pageSize: 100 }],
    queryFn: ({ signal }) =>
      apiRequest<Page<Activity>>('/activities', {
        query: { actionId, sort: 'startsAt', order: 'asc', pageSize: 100 },
        signal,
      }),
  });
}

export function ActionActivities({ actionId }: { actionId: string }) {
  const { t } = useT();
  const format = useFormat();
  const query = useActionActivities(actionId);
  return (
    <Section title={t('activities:rollup.title')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activities:rollup.empty')}
        </Text>
      ) : (
        <List size="sm" spacing={6} aria-label={t('activities:rollup.title')}>
          {query.data.items.map((activity) => (
            <List.Item key={activity.id}>
              <Anchor component={Link} to={`/activities/${activity.id}`} dir="auto">
                {activity.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(kindLabels[activity.kind])} · {format.date(activity.startsAt)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
