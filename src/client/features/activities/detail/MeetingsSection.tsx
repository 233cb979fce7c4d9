import { Anchor, Button, List, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Activity } from '../../../../shared/contract/activities';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useEventTime } from '../../../i18n/event-time';
import { useT } from '../../../i18n/use-t';
import { useActivities } from '../api';
import { ActivityFormModal } from '../form/ActivityFormModal';

/** A dialogue body's meetings, latest first, and a way to record the next one. */
export function MeetingsSection({ body }: { body: Activity }) {
  const { t } = useT();
  const navigate = useNavigate();
  const eventTime = useEventTime();
  const [adding, setAdding] = useState(false);
  const meetings = useActivities({ bodyId: body.id, kind: 'meeting', sort: 'startsAt', order: 'desc', pageSize: 100 });

  return (
    <Section
      title={t('activities:body.meetingsTitle')}
      actions={
        body.can.edit && (
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('activities:body.addMeeting')}
          </Button>
        )
      }
    >
      {meetings.isPending ? (
        <LoadingState />
      ) : meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activities:body.noMeetings')}
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label={t('activities:body.meetingsTitle')}>
          {meetings.data.items.map((meeting) => {
            const { text, zone } = eventTime.span(meeting);
            return (
              <List.Item key={meeting.id}>
                <Anchor component={Link} to={`/activities/${meeting.id}`} dir="auto">
                  {meeting.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  — {zone ? t('activities:dates.withZone', { when: text, zone }) : text}
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}
      {adding && (
        <ActivityFormModal
          kind="meeting"
          bodyId={body.id}
          onClose={() => setAdding(false)}
          onSaved={(meeting) => navigate(`/activities/${meeting.id}`)}
        />
      )}
    </Section>
  );
}
