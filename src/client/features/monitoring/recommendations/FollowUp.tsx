import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { IconPlus, IconPoint } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecommendationDetail } from '../../../../shared/contract/monitoring';
import { fieldError } from '../../../api/http';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { today, useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { type RecommendationStatus, recommendationStatusLabels } from '../shared/labels';
import { useRecommendation, useRecordFollowUp } from './api';

/** How long the authority took to answer, or that it has not yet. */
export function FirstReply({
  recommendation,
}: {
  recommendation: Pick<RecommendationDetail, 'firstReplyOn' | 'daysToFirstReply'>;
}) {
  const { t } = useT();
  const format = useFormat();
  if (recommendation.firstReplyOn === null || recommendation.daysToFirstReply === null) {
    return <Text size="sm">{t('monitoring:followUp.noReplyYet')}</Text>;
  }
  return (
    <Text size="sm">
      {t('monitoring:followUp.firstReply', {
        date: format.date(recommendation.firstReplyOn),
        days: recommendation.daysToFirstReply,
      })}
    </Text>
  );
}

/** The dated steps of the follow-up, oldest first, each with who recorded it, its note and its evidence. */
function FollowUpTimeline({ recommendation }: { recommendation: RecommendationDetail }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Timeline active={recommendation.followUps.length} bulletSize={18} lineWidth={2}>
      <Timeline.Item
        bullet={<IconPoint size={12} aria-hidden="true" />}
        title={t('monitoring:recommendationStatus.issued')}
      >
        <Text size="sm" c="dimmed">
          {format.date(recommendation.issuedOn)}
        </Text>
      </Timeline.Item>
      {recommendation.followUps.map((step) => (
        <Timeline.Item
          key={step.id}
          bullet={<IconPoint size={12} aria-hidden="true" />}
          title={t(recommendationStatusLabels[step.toStatus])}
        >
          <Text size="sm" c="dimmed">
            {t('monitoring:followUp.stepMeta', {
              date: format.date(step.happenedOn),
              name: step.createdBy?.name ?? t('monitoring:workflow.unknownPerson'),
            })}
          </Text>
          {step.note && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {step.note}
            </Text>
          )}
          {step.evidence && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {t('monitoring:followUp.evidenceShown', { evidence: step.evidence })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** Records one step: what the authority did, on which day, with a note and the evidence for it. */
function FollowUpFormModal({ recommendation, onClose }: { recommendation: RecommendationDetail; onClose: () => void }) {
  const { t } = useT();
  const record = useRecordFollowUp(recommendation);
  const next = recommendation.can.nextStatuses;
  const [status, setStatus] = useState<RecommendationStatus>(next[0] ?? 'acknowledged');
  const [happenedOn, setHappenedOn] = useState(today());
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const error = (name: string) => fieldError(record.error, name);
  const close = () => {
    record.reset();
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={close}
      title={t('monitoring:followUp.recordTitle')}
      submitLabel={t('monitoring:followUp.record')}
      onSubmit={() =>
        record.mutate(
          { status, happenedOn, note, evidence },
          {
            onSuccess: () => {
              notifySuccess(t('monitoring:followUp.recorded', { status: t(recommendationStatusLabels[status]) }));
              close();
            },
          },
        )
      }
      submitting={record.isPending}
      error={record.error}
      // After a conflict the recommendation has been fetched again: the step can be sent over what is there now.
      onReload={() => record.reset()}
    >
      <Stack gap="md">
        <Text size="sm" dir="auto" lineClamp={3}>
          {recommendation.text}
        </Text>
        <NativeSelect
          label={t('monitoring:followUp.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as RecommendationStatus)}
          data={next.map((value) => ({ value, label: t(recommendationStatusLabels[value]) }))}
          error={error('status')}
          data-autofocus
        />
        <TextInput
          type="date"
          label={t('monitoring:followUp.happenedOn')}
          value={happenedOn}
          onChange={(e) => setHappenedOn(e.currentTarget.value)}
          error={error('happenedOn')}
          withAsterisk
        />
        <Textarea
          label={t('monitoring:followUp.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={error('note')}
        />
        <Textarea
          label={t('monitoring:followUp.evidence')}
          description={t('monitoring:followUp.evidenceHint')}
          autosize
          minRows={2}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={error('evidence')}
        />
      </Stack>
    </FormModal>
  );
}

/** A recommendation's follow-up: time to the first reply, the timeline, and a button to record the next step. */
export function FollowUpPanel({ recommendationId }: { recommendationId: string }) {
  const { t } = useT();
  const query = useRecommendation(recommendationId);
  const [recording, setRecording] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const recommendation = query.data;
  const canRecord = recommendation.can.edit && recommendation.can.nextStatuses.length > 0;
  return (
    <Stack gap="sm">
      <FirstReply recommendation={recommendation} />
      <FollowUpTimeline recommendation={recommendation} />
      {canRecord && (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setRecording(true)}
          >
            {t('monitoring:followUp.recordButton')}
          </Button>
        </Group>
      )}
      {recording && <FollowUpFormModal recommendation={recommendation} onClose={() => setRecording(false)} />}
    </Stack>
  );
}
