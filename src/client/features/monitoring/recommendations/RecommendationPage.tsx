import { Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { OverdueBadge, RecommendationStatusBadge, RepeatedBadge } from '../shared/StatusBadges';
import { useRecommendation } from './api';
import { FollowUpPanel } from './FollowUp';
import { RecommendationDetails } from './RecommendationDetails';

/** One recommendation: its text, the visit it came from, and the authority's follow-up step by step. */
export function RecommendationPage() {
  const { t } = useT();
  const format = useFormat();
  const { recommendationId = '' } = useParams();
  const query = useRecommendation(recommendationId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('monitoring:tracker.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const recommendation = query.data;
  return (
    <>
      <Anchor component={Link} to="/recommendations" size="sm">
        {t('monitoring:tracker.backToList')}
      </Anchor>
      <PageHeader
        title={t('monitoring:recommendation.pageTitle', { facility: recommendation.visit.facility.name })}
        meta={
          <Group gap="xs">
            <RecommendationStatusBadge status={recommendation.status} />
            {recommendation.overdue && <OverdueBadge />}
            {recommendation.repeats && <RepeatedBadge />}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title={t('monitoring:recommendation.detailsTitle')}>
            <Stack gap="md">
              <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {recommendation.text}
              </Text>
              <Anchor component={Link} to={`/visits/${recommendation.visit.id}?tab=recommendations`} size="sm">
                {t('monitoring:recommendation.fromVisit', {
                  facility: recommendation.visit.facility.name,
                  date: format.date(recommendation.visit.startsOn),
                })}
              </Anchor>
              <RecommendationDetails recommendation={recommendation} />
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title={t('monitoring:followUp.title')}>
            <FollowUpPanel recommendationId={recommendation.id} />
          </Section>
        </Grid.Col>
      </Grid>
    </>
  );
}
