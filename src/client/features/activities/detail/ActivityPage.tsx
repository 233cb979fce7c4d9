import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { AttachedDocuments } from '../../../components/documents/AttachedDocuments';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useT } from '../../../i18n/use-t';
import { useActivity, useDeleteActivity } from '../api';
import { ActivityFormModal } from '../form/ActivityFormModal';
import { kindLabels } from '../shared/labels';
import { OverdueBadge } from '../shared/OverdueBadge';
import { CommonDetails, KindDetails, LinkedActions } from './ActivityDetails';
import { FollowUpsSection } from './FollowUpsSection';
import { MeetingsSection } from './MeetingsSection';
import { ResponsesSection } from './ResponsesSection';

/** One activity: its details, its kind's own sections, the plan actions it serves and its documents. */
export function ActivityPage() {
  const { t } = useT();
  const { activityId = '' } = useParams();
  const navigate = useNavigate();
  const query = useActivity(activityId);
  const remove = useDeleteActivity();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('activities:list.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const activity = query.data;
  const backTo = activity.kind === 'meeting' && activity.body ? `/activities/${activity.body.id}` : '/activities';
  const confirmDelete = () =>
    remove.mutate(
      { id: activity.id, version: activity.version },
      {
        onSuccess: () => {
          notifySuccess(t('activities:detail.deleted', { title: activity.title }));
          navigate(backTo, { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to="/activities" size="sm">
        {t('activities:detail.backToList')}
      </Anchor>
      <PageHeader
        title={activity.title}
        meta={
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('activities:axis.long', { axis: activity.axis })}
            </Text>
            <Badge variant="light">{t(kindLabels[activity.kind])}</Badge>
            <VisibilityBadge value={activity.visibility} />
            {activity.kind === 'dialogue_body' && activity.overdue && <OverdueBadge />}
          </Group>
        }
        actions={
          <>
            {activity.can.edit && (
              <Button leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
                {t('common:actions.edit')}
              </Button>
            )}
            {activity.can.delete && (
              <Button
                variant="default"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDeleting(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <KindDetails activity={activity} />
            {activity.kind === 'dialogue_body' && <MeetingsSection body={activity} />}
            {activity.kind === 'meeting' && <FollowUpsSection activity={activity} />}
            {activity.kind === 'statement' && <ResponsesSection activity={activity} />}
            <CommonDetails activity={activity} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <LinkedActions activity={activity} />
            <AttachedDocuments
              entity="activity"
              entityId={activity.id}
              canEdit={activity.can.edit}
              maxVisibility={activity.visibility}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <ActivityFormModal kind={activity.kind} activity={activity} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={deleting}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        title={t('activities:detail.deleteTitle')}
        message={t('activities:detail.deleteMessage', { title: activity.title })}
        confirmLabel={t('common:actions.delete')}
        onConfirm={confirmDelete}
        pending={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
