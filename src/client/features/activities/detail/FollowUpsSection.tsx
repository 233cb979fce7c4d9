import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Activity, FollowUp } from '../../../../shared/contract/activities';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormModal } from '../../../components/FormModal';
import { notifyError, notifySuccess } from '../../../components/notify';
import { Section } from '../../../components/Section';
import { useRecordForm } from '../../../components/use-record-form';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type FollowUpInput, useDeleteFollowUp, useFollowUpStatus, useSaveFollowUp } from '../api';
import { type FollowUpStatus, followUpStatusLabels } from '../shared/labels';

interface Values {
  text: string;
  owner: string;
  dueOn: string;
  status: FollowUpStatus;
}

const valuesOf = (item: FollowUp | undefined): Values => ({
  text: item?.text ?? '',
  owner: item?.owner ?? '',
  dueOn: item?.dueOn ?? '',
  status: item?.status ?? 'open',
});

const bodyOf = (v: Values): FollowUpInput => ({
  text: v.text,
  owner: v.owner,
  dueOn: v.dueOn === '' ? null : v.dueOn,
  status: v.status,
});

function FollowUpFormModal({
  activityId,
  item,
  onClose,
}: {
  activityId: string;
  item?: FollowUp;
  onClose: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const save = useSaveFollowUp(activityId, item?.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: item,
    valuesOf,
    bodyOf,
    save,
    // The item lives in its activity: after a conflict, reload the activity (the form takes the server's item).
    adopt: () => void queryClient.invalidateQueries({ queryKey: ['activities', 'detail', activityId] }),
    savedNotice: item ? t('common:notices.saved') : t('activities:followUps.created'),
    onClose,
  });
  return (
    <FormModal
      opened
      onClose={close}
      title={item ? t('activities:followUps.editTitle') : t('activities:followUps.createTitle')}
      submitLabel={item ? undefined : t('activities:followUps.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
    >
      <Stack gap="md">
        <Textarea
          label={t('activities:followUps.text')}
          autosize
          minRows={2}
          value={values.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          error={error('text')}
          withAsterisk
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('activities:followUps.owner')}
            description={t('activities:followUps.ownerHint')}
            value={values.owner}
            onChange={(e) => set('owner', e.currentTarget.value)}
            error={error('owner')}
          />
          <TextInput
            type="date"
            label={t('activities:followUps.dueOn')}
            value={values.dueOn}
            onChange={(e) => set('dueOn', e.currentTarget.value)}
            error={error('dueOn')}
          />
          <NativeSelect
            label={t('activities:followUps.status')}
            data={entriesOf(followUpStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
            value={values.status}
            onChange={(e) => set('status', e.currentTarget.value as FollowUpStatus)}
            error={error('status')}
          />
        </Group>
      </Stack>
    </FormModal>
  );
}

/** What was agreed to be done after a meeting: who, by when, how far along; status in one change. */
export function FollowUpsSection({ activity }: { activity: Activity }) {
  const { t } = useT();
  const format = useFormat();
  const setStatus = useFollowUpStatus(activity.id);
  const remove = useDeleteFollowUp(activity.id);
  const [editing, setEditing] = useState<FollowUp | 'new' | null>(null);
  const [deleting, setDeleting] = useState<FollowUp | null>(null);
  const items = activity.followUps;

  return (
    <Section
      title={t('activities:followUps.title')}
      actions={
        activity.can.edit && (
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('activities:followUps.create')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activities:followUps.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="follow-ups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activities:followUps.text')}</Table.Th>
                <Table.Th>{t('activities:followUps.owner')}</Table.Th>
                <Table.Th>{t('activities:followUps.dueOn')}</Table.Th>
                <Table.Th>{t('activities:followUps.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td dir="auto">{item.text}</Table.Td>
                  <Table.Td dir="auto">{item.owner}</Table.Td>
                  <Table.Td>{item.dueOn && format.date(item.dueOn)}</Table.Td>
                  <Table.Td>
                    {item.can.edit ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('activities:followUps.statusOf', { text: item.text })}
                        data={entriesOf(followUpStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
                        value={item.status}
                        disabled={setStatus.isPending}
                        onChange={(e) => {
                          const status = e.currentTarget.value as FollowUpStatus;
                          setStatus.mutate(
                            { item, status },
                            {
                              onSuccess: () =>
                                notifySuccess(
                                  t('activities:followUps.statusChanged', { status: t(followUpStatusLabels[status]) }),
                                ),
                              onError: notifyError,
                            },
                          );
                        }}
                      />
                    ) : (
                      t(followUpStatusLabels[item.status])
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {item.can.edit && (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('activities:followUps.editOne', { text: item.text })}
                          onClick={() => setEditing(item)}
                        >
                          <IconEdit size={16} aria-hidden="true" />
                        </ActionIcon>
                      )}
                      {item.can.delete && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('activities:followUps.deleteOne', { text: item.text })}
                          onClick={() => setDeleting(item)}
                        >
                          <IconTrash size={16} aria-hidden="true" />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <FollowUpFormModal
          activityId={activity.id}
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={t('activities:followUps.deleteTitle')}
        message={t('activities:followUps.deleteMessage', { text: deleting?.text ?? '' })}
        confirmLabel={t('common:actions.delete')}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, version: deleting.version },
            {
              onSuccess: () => {
                notifySuccess(t('activities:followUps.deleted'));
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
