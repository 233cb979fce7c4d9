import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { Indicator } from '../../../../shared/contract/plan';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { NotProvided } from '../../../components/DetailList';
import { notifySuccess } from '../../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { isolate } from '../shared/bidi';
import { dimensionLabels, frequencyLabels } from '../shared/labels';
import { topAxisOf, usePlanContext } from '../shared/plan-data';
import { useDeleteIndicator, useIndicators } from './api';
import { IndicatorCreateModal, IndicatorFormModal } from './IndicatorFormModal';
import { PeriodsSection } from './PeriodsSection';

interface IndicatorGroup {
  key: string;
  /** "Axis 2" before an axis title. */
  prefix?: string;
  name: string;
  lang?: string;
  indicators: Indicator[];
}

function IndicatorTable({
  group,
  onEdit,
  onDelete,
}: {
  group: IndicatorGroup;
  onEdit: (indicator: Indicator) => void;
  onDelete: (indicator: Indicator) => void;
}) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const headingId = useId();
  const anyEditable = group.indicators.some((indicator) => indicator.can.edit);
  const orNone = (value: number | null) => (value === null ? <NotProvided /> : format.number(value));
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {group.prefix && `${group.prefix} — `}
        <span lang={group.lang} dir="auto">
          {group.name}
        </span>
      </Title>
      <Table.ScrollContainer minWidth={880}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>
            <VisuallyHidden>
              {t('plan:indicators.caption', { group: group.prefix ? `${group.prefix} — ${group.name}` : group.name })}
            </VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="4rem">{t('plan:indicator.code')}</Table.Th>
              <Table.Th>{t('plan:indicator.name')}</Table.Th>
              <Table.Th>{t('plan:indicator.unit')}</Table.Th>
              <Table.Th ta="end">{t('plan:indicator.baseline')}</Table.Th>
              <Table.Th ta="end">{t('plan:indicator.target')}</Table.Th>
              <Table.Th>{t('plan:indicator.frequency')}</Table.Th>
              <Table.Th>{t('plan:indicator.dimensions')}</Table.Th>
              {anyEditable && (
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.indicators.map((indicator) => {
              const name = localized(indicator.nameFr, indicator.nameEn);
              return (
                <Table.Tr key={indicator.id}>
                  <Table.Td fw={600}>
                    <span dir="ltr">{indicator.code}</span>
                  </Table.Td>
                  <Table.Th scope="row" fw={500}>
                    <span lang={langOf(indicator.nameEn)} dir="auto">
                      {name}
                    </span>
                    {indicator.aggregation === 'average' && (
                      <Text size="xs" c="dimmed">
                        {t('plan:progress.averaged')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td lang="fr">{indicator.unit}</Table.Td>
                  <Table.Td ta="end">{orNone(indicator.baseline)}</Table.Td>
                  <Table.Td ta="end">{orNone(indicator.target)}</Table.Td>
                  <Table.Td>{t(frequencyLabels[indicator.frequency])}</Table.Td>
                  <Table.Td>
                    {indicator.dimensions.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('plan:indicator.noDimensions')}
                      </Text>
                    ) : (
                      format.list(indicator.dimensions.map((d) => t(dimensionLabels[d])))
                    )}
                  </Table.Td>
                  {anyEditable && (
                    <Table.Td>
                      {indicator.can.edit && (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconEdit size={14} aria-hidden="true" />}
                            aria-label={t('plan:indicators.editNamed', { code: indicator.code, name })}
                            onClick={() => onEdit(indicator)}
                          >
                            {t('common:actions.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden="true" />}
                            aria-label={t('plan:indicators.deleteNamed', { code: indicator.code, name })}
                            onClick={() => onDelete(indicator)}
                          >
                            {t('common:actions.delete')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The plan's indicators, axis by axis, and its reporting periods. */
export function IndicatorsPage() {
  const { t } = useT();
  const plan = usePlanContext();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const query = useIndicators(plan.id);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Indicator | null>(null);
  const remove = useDeleteIndicator();

  const indicators = query.data?.items ?? [];
  const groups: IndicatorGroup[] = plan.axes.map((axis) => ({
    key: axis.id,
    prefix: t('plan:axis.number', { number: axis.number }),
    name: localized(axis.titleFr, axis.titleEn),
    lang: langOf(axis.titleEn),
    indicators: indicators.filter((indicator) => topAxisOf(plan, indicator.axisId)?.id === axis.id),
  }));
  const planWide = indicators.filter((indicator) => !topAxisOf(plan, indicator.axisId));
  if (planWide.length > 0) groups.push({ key: 'plan', name: t('plan:indicators.planWide'), indicators: planWide });
  const editing = indicators.find((indicator) => indicator.id === editingId);
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(
      { id: deleting.id, version: deleting.version },
      {
        onSuccess: () => {
          notifySuccess(t('plan:indicators.deleted'));
          closeDelete();
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Section
        title={t('plan:indicators.title')}
        description={t('plan:indicators.intro')}
        actions={
          plan.can.edit && (
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('plan:indicators.create')}
            </Button>
          )
        }
      >
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : indicators.length === 0 ? (
          <EmptyMessage title={t('plan:indicators.emptyTitle')} />
        ) : (
          <Stack gap="lg">
            {groups
              .filter((group) => group.indicators.length > 0)
              .map((group) => (
                <IndicatorTable
                  key={group.key}
                  group={group}
                  onEdit={(indicator) => setEditingId(indicator.id)}
                  onDelete={setDeleting}
                />
              ))}
          </Stack>
        )}
      </Section>
      <PeriodsSection plan={plan} />
      {editing && <IndicatorFormModal indicator={editing} onClose={() => setEditingId(null)} />}
      {creating && <IndicatorCreateModal plan={plan} onClose={() => setCreating(false)} />}
      <ConfirmDialog
        opened={deleting !== null}
        onClose={closeDelete}
        title={t('plan:indicators.deleteTitle', { code: isolate(deleting?.code ?? '') })}
        message={t('plan:indicators.deleteMessage', {
          name: deleting ? localized(deleting.nameFr, deleting.nameEn) : '',
        })}
        confirmLabel={t('common:actions.delete')}
        onConfirm={confirmDelete}
        pending={remove.isPending}
        error={remove.error}
      />
    </Stack>
  );
}
