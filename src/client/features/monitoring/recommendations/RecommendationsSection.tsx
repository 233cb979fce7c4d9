import { Accordion, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Recommendation, Visit } from '../../../../shared/contract/monitoring';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { notifySuccess } from '../../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useT } from '../../../i18n/use-t';
import { OverdueBadge, RecommendationStatusBadge, RepeatedBadge } from '../shared/StatusBadges';
import { useDeleteRecommendation, useRecommendations } from './api';
import { FollowUpPanel } from './FollowUp';
import { RecommendationDetails } from './RecommendationDetails';
import { RecommendationFormModal } from './RecommendationFormModal';

/** The visit's recommendations, each opening on its details and the authority's follow-up. */
export function RecommendationsSection({ visit }: { visit: Visit }) {
  const { t } = useT();
  const query = useRecommendations({ visit: visit.id, pageSize: 100, sort: 'issuedOn', order: 'asc' });
  // Numbered in the order they were written, so that "Recommendation 2" stays the same one from day to day.
  const items = [...(query.data?.items ?? [])].sort(
    (a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.createdAt.localeCompare(b.createdAt),
  );
  const remove = useDeleteRecommendation();
  const [editing, setEditing] = useState<Recommendation | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Recommendation | null>(null);

  return (
    <Section
      title={t('monitoring:recommendations.visitTitle')}
      description={t('monitoring:recommendations.visitIntro')}
      actions={
        visit.can.edit && (
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('monitoring:recommendations.create')}
          </Button>
        )
      }
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage
          title={t('monitoring:recommendations.visitEmptyTitle')}
          description={t('monitoring:recommendations.visitEmptyHint')}
        />
      ) : (
        <Accordion multiple variant="separated" chevronPosition="left">
          {items.map((recommendation, index) => (
            <Accordion.Item key={recommendation.id} value={recommendation.id}>
              <Accordion.Control>
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {t('monitoring:recommendations.number', { number: index + 1 })}
                    </Text>
                    <RecommendationStatusBadge status={recommendation.status} />
                    {recommendation.overdue && <OverdueBadge />}
                    {recommendation.repeats && <RepeatedBadge />}
                  </Group>
                  <Text size="sm" dir="auto" lineClamp={2}>
                    {recommendation.text}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
                    {recommendation.text}
                  </Text>
                  <RecommendationDetails recommendation={recommendation} />
                  <FollowUpPanel recommendationId={recommendation.id} />
                  <Group gap="xs">
                    <Anchor component={Link} to={`/recommendations/${recommendation.id}`} size="sm">
                      {t('monitoring:recommendations.open')}
                    </Anchor>
                    {recommendation.can.edit && (
                      <>
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconEdit size={14} aria-hidden="true" />}
                          onClick={() => setEditing(recommendation)}
                        >
                          {t('common:actions.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden="true" />}
                          onClick={() => setDeleting(recommendation)}
                        >
                          {t('common:actions.delete')}
                        </Button>
                      </>
                    )}
                  </Group>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {editing && (
        <RecommendationFormModal
          visit={visit}
          recommendation={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={t('monitoring:recommendations.deleteTitle')}
        message={t('monitoring:recommendations.deleteMessage')}
        confirmLabel={t('common:actions.delete')}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, version: deleting.version },
            {
              onSuccess: () => {
                notifySuccess(t('monitoring:recommendations.deleted'));
                setDeleting(null);
              },
            },
          )
        }
        pending={remove.isPending}
        error={remove.error}
      />
    </Section>
  );
}
