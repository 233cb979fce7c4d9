import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { VisitSummary } from '../../../../shared/contract/monitoring';
import { type Column, DataTable } from '../../../components/DataTable';
import { useListParams } from '../../../components/list-params';
import { useFormat } from '../../../i18n/format';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { visitTypeLabels } from '../shared/labels';
import { VisitStatusBadge } from '../shared/StatusBadges';
import { useVisits, visitSorts } from './api';

type Sort = (typeof visitSorts)[number];

/** The visits of one place, newest first: when, what kind, who went and where the report stands. */
export function VisitHistory({ facilityId, label }: { facilityId: string; label: string }) {
  const { t } = useT();
  const list = useListParams({
    sorts: visitSorts,
    defaultSort: 'startsOn',
    defaultOrder: 'desc',
    descendingFirst: ['startsOn', 'updatedAt'],
    filters: [],
  });
  const query = useVisits({ ...list.query, facility: facilityId });
  const columns = useVisitColumns().filter((column) => column.id !== 'facility');
  return (
    <DataTable
      label={label}
      columns={columns}
      query={query}
      list={list}
      rowKey={(visit) => visit.id}
      empty={{ title: t('monitoring:facility.noVisits') }}
    />
  );
}

/** The columns of a list of visits, shared by the visits page and a facility's history. */
export function useVisitColumns(): Column<VisitSummary, Sort>[] {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  return [
    {
      id: 'startsOn',
      header: t('monitoring:visit.dates'),
      sortKey: 'startsOn',
      render: (visit) => (
        <Anchor component={Link} to={`/visits/${visit.id}`} fw={500}>
          {visit.startsOn === visit.endsOn
            ? format.date(visit.startsOn)
            : t('monitoring:dates.range', { start: format.date(visit.startsOn), end: format.date(visit.endsOn) })}
        </Anchor>
      ),
    },
    {
      id: 'facility',
      header: t('monitoring:visit.facility'),
      sortKey: 'facility',
      render: (visit) => (
        <Stack gap={0}>
          <Text size="sm" dir="auto">
            {visit.facility.name}
          </Text>
          <Text size="xs" c="dimmed">
            {format.country(visit.facility.countryCode)}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'type',
      header: t('monitoring:visit.type'),
      sortKey: 'type',
      render: (visit) => (
        <Group gap={4}>
          <Text size="sm">{t(visitTypeLabels[visit.type])}</Text>
          <Badge size="xs" variant="light" color={visit.announced ? 'gray' : 'orange'}>
            {visit.announced ? t('monitoring:visit.announcedShort') : t('monitoring:visit.unannouncedShort')}
          </Badge>
          {visit.institutions.length > 0 && (
            <Badge size="xs" variant="light" color="indigo">
              {t('monitoring:visit.jointShort')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'lead',
      header: t('monitoring:visit.lead'),
      render: (visit) =>
        visit.leadInstitution
          ? localized(visit.leadInstitution.nameFr, visit.leadInstitution.nameEn)
          : t('monitoring:visit.secretariat'),
    },
    {
      id: 'status',
      header: t('monitoring:visit.status'),
      sortKey: 'status',
      render: (visit) => <VisitStatusBadge status={visit.status} />,
    },
  ];
}
