import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Activity, StatementResponse } from '../../../../shared/contract/activities';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { Section } from '../../../components/Section';
import { useRecordForm } from '../../../components/use-record-form';
import { today, useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { type ResponseInput, useDeleteResponse, useSaveResponse } from '../api';

type Statement = Extract<Activity, { kind: 'statement' }>;

interface Values {
  receivedOn: string;
  summary: string;
}

const valuesOf = (response: StatementResponse | undefined): Values => ({
  receivedOn: response?.receivedOn ?? today(),
  summary: response?.summary ?? '',
});

const bodyOf = (v: Values): ResponseInput => ({ receivedOn: v.receivedOn, summary: v.summary });

function ResponseFormModal({
  activityId,
  response,
  onClose,
}: {
  activityId: string;
  response?: StatementResponse;
  onClose: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const save = useSaveResponse(activityId, response?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: response,
    valuesOf,
    bodyOf,
    save,
    adopt: () => void queryClient.invalidateQueries({ queryKey: ['activities', 'detail', activityId] }),
    savedNotice: response ? t('common:notices.saved') : t('activities:responses.created'),
    onClose,
  });
  return (
    <FormModal
      opened
      onClose={close}
      title={response ? t('activities:responses.editTitle') : t('activities:responses.createTitle')}
      submitLabel={response ? undefined : t('activities:responses.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
    >
      <Stack gap="md">
        <TextInput
          type="date"
          label={t('activities:responses.receivedOn')}
          value={values.receivedOn}
          onChange={(e) => set('receivedOn', e.currentTarget.value)}
          error={error('receivedOn')}
          withAsterisk
        />
        <Textarea
          label={t('activities:responses.summary')}
          autosize
          minRows={3}
          value={values.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          error={error('summary')}
        />
      </Stack>
    </FormModal>
  );
}

/**
 * The authority's answers to a statement, oldest first, and how long the first took: the figure the working group
 * reports on. The documents of each answer are attached to the statement.
 */
export function ResponsesSection({ activity }: { activity: Statement }) {
  const { t } = useT();
  const format = useFormat();
  const remove = useDeleteResponse(activity.id);
  const [editing, setEditing] = useState<StatementResponse | 'new' | null>(null);
  const [deleting, setDeleting] = useState<StatementResponse | null>(null);
  const responses = [...activity.responses].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));

  return (
    <Section
      title={t('activities:responses.title')}
      description={
        activity.daysToReply === null
          ? t('activities:responses.awaiting')
          : t('activities:responses.daysToReply', { days: activity.daysToReply })
      }
      actions={
        activity.can.edit && (
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('activities:responses.create')}
          </Button>
        )
      }
    >
      {responses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activities:responses.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {responses.map((response) => (
            <Paper key={response.id} component="li" withBorder p="sm" radius="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Text fw={600} size="sm">
                    {t('activities:responses.receivedOnDate', { date: format.date(response.receivedOn) })}
                  </Text>
                  {response.summary && (
                    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                      {response.summary}
                    </Text>
                  )}
                </Stack>
                <Group gap={4} wrap="nowrap">
                  {response.can.edit && (
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('activities:responses.editOne', { date: format.date(response.receivedOn) })}
                      onClick={() => setEditing(response)}
                    >
                      <IconEdit size={16} aria-hidden="true" />
                    </ActionIcon>
                  )}
                  {response.can.delete && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('activities:responses.deleteOne', { date: format.date(response.receivedOn) })}
                      onClick={() => setDeleting(response)}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && (
        <ResponseFormModal
          activityId={activity.id}
          response={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={t('activities:responses.deleteTitle')}
        message={t('activities:responses.deleteMessage', { date: deleting ? format.date(deleting.receivedOn) : '' })}
        confirmLabel={t('common:actions.delete')}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, version: deleting.version },
            {
              onSuccess: () => {
                notifySuccess(t('activities:responses.deleted'));
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
