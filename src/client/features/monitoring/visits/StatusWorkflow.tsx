import { Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Visit } from '../../../../shared/contract/monitoring';
import { AppModal } from '../../../components/AppModal';
import { MutationAlert } from '../../../components/MutationAlert';
import { notifySuccess } from '../../../components/notify';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { type VisitStatus, visitStatusLabels, visitTransitionLabels } from '../shared/labels';
import { useTransitionVisit } from './api';

/** The steps the caller may take now, each confirmed with an optional note; closing is the last, set apart. */
export function StatusButtons({ visit }: { visit: Visit }) {
  const { t } = useT();
  const [target, setTarget] = useState<VisitStatus | null>(null);
  const [note, setNote] = useState('');
  const transition = useTransitionVisit(visit);
  const close = () => {
    setTarget(null);
    setNote('');
    transition.reset();
  };
  const confirm = () => {
    if (!target) return;
    transition.mutate(
      { to: target, note },
      {
        onSuccess: () => {
          notifySuccess(t('monitoring:workflow.moved', { status: t(visitStatusLabels[target]) }));
          close();
        },
      },
    );
  };
  const moves = visit.can.transitions;
  if (moves.length === 0) return null;
  return (
    <>
      <Group gap="sm">
        {moves.map((status) => (
          <Button
            key={status}
            variant={status === 'closed' ? 'default' : 'filled'}
            color={status === 'closed' ? 'red' : undefined}
            onClick={() => setTarget(status)}
          >
            {t(visitTransitionLabels[status])}
          </Button>
        ))}
      </Group>
      <AppModal
        opened={target !== null}
        onClose={close}
        title={target ? t(visitTransitionLabels[target]) : ''}
        size="md"
      >
        {target && (
          <Stack gap="md">
            <MutationAlert error={transition.error} />
            <Text>
              {t('monitoring:workflow.confirm', {
                from: t(visitStatusLabels[visit.status]),
                to: t(visitStatusLabels[target]),
              })}
            </Text>
            <Textarea
              label={t('monitoring:workflow.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} data-autofocus>
                {t('common:actions.cancel')}
              </Button>
              <Button color={target === 'closed' ? 'red' : undefined} onClick={confirm} loading={transition.isPending}>
                {t('monitoring:workflow.confirmButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </>
  );
}

/** Who moved the visit to each status, and when, oldest first. */
export function StatusHistory({ visit }: { visit: Visit }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Timeline active={visit.statusHistory.length - 1} bulletSize={20} lineWidth={2}>
      {visit.statusHistory.map((change) => (
        <Timeline.Item
          key={`${change.toStatus}-${change.changedAt}`}
          bullet={<IconCircleCheck size={12} aria-hidden="true" />}
          title={t(visitStatusLabels[change.toStatus])}
        >
          <Text size="sm" c="dimmed">
            {t('monitoring:workflow.changedBy', {
              date: format.dateTime(change.changedAt),
              name: change.changedBy?.name ?? t('monitoring:workflow.unknownPerson'),
            })}
          </Text>
          {change.note && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {change.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
