import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Finding, Visit } from '../../../../shared/contract/monitoring';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { notifySuccess } from '../../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { themeLabels } from '../shared/labels';
import { SeverityBadge } from '../shared/StatusBadges';
import { useDeleteFinding, useFindings } from './api';
import { FindingFormModal } from './FindingFormModal';

/** What the team found, theme by theme; each finding may lead to recommendations. */
export function FindingsSection({ visit }: { visit: Visit }) {
  const { t } = useT();
  const format = useFormat();
  const query = useFindings(visit.id);
  const remove = useDeleteFinding(visit.id);
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Finding | null>(null);

  return (
    <Section
      title={t('monitoring:findings.title')}
      description={t('monitoring:findings.intro')}
      actions={
        visit.can.edit && (
          <Button size="xs" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('monitoring:findings.create')}
          </Button>
        )
      }
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyMessage title={t('monitoring:findings.emptyTitle')} description={t('monitoring:findings.emptyHint')} />
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {query.data.items.map((finding, index) => (
            <Paper
              key={finding.id}
              withBorder
              p="md"
              component="li"
              aria-label={t('monitoring:findings.itemLabel', { number: index + 1 })}
            >
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {t(themeLabels[finding.theme])}
                    </Text>
                    <SeverityBadge severity={finding.severity} />
                  </Group>
                  {finding.can.edit && (
                    <Group gap={4}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('monitoring:findings.editNumber', { number: index + 1 })}
                        onClick={() => setEditing(finding)}
                      >
                        <IconEdit size={18} aria-hidden="true" />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('monitoring:findings.deleteNumber', { number: index + 1 })}
                        onClick={() => setDeleting(finding)}
                      >
                        <IconTrash size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
                <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
                  {finding.text}
                </Text>
                {finding.standards.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('monitoring:checklist.standards', { standards: format.list(finding.standards) })}
                  </Text>
                )}
                {finding.evidence && (
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                    {t('monitoring:finding.evidenceShown', { evidence: finding.evidence })}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('monitoring:finding.recommendationCount', { count: finding.recommendationCount })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && (
        <FindingFormModal
          visitId={visit.id}
          finding={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={t('monitoring:findings.deleteTitle')}
        message={t('monitoring:findings.deleteMessage')}
        confirmLabel={t('common:actions.delete')}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { id: deleting.id, version: deleting.version },
            {
              onSuccess: () => {
                notifySuccess(t('monitoring:findings.deleted'));
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
