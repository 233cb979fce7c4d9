import { Anchor, Badge, Button, Grid, Group, List, Stack, Tabs, Text } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Visit } from '../../../../shared/contract/monitoring';
import type { Action } from '../../../../shared/contract/plan';
import { apiRequest, type Page } from '../../../api/http';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailList } from '../../../components/DetailList';
import { AttachedDocuments } from '../../../components/documents/AttachedDocuments';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { RecommendationsSection } from '../recommendations/RecommendationsSection';
import { facilityKindLabels, visitTypeLabels } from '../shared/labels';
import { monitoringKey, usePartnerName } from '../shared/queries';
import { VisitStatusBadge } from '../shared/StatusBadges';
import { useDeleteVisit, useVisit } from './api';
import { ChecklistSection } from './ChecklistSection';
import { FindingsSection } from './FindingsSection';
import { PopulationSection } from './PopulationSection';
import { ReportDownloads } from './ReportDownloads';
import { StatusButtons, StatusHistory } from './StatusWorkflow';
import { UrgentSituationsSection } from './UrgentSituationsSection';
import { VisitFormModal } from './VisitFormModal';

const tabs = ['overview', 'population', 'checklist', 'findings', 'recommendations', 'attachments', 'urgent'] as const;
type Tab = (typeof tabs)[number];

/** The titles of the plan actions a visit serves (those the caller may see). */
function useActionTitles(ids: string[]) {
  const query = useQuery({
    queryKey: [...monitoringKey, 'action-options'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Action>>('/actions', { query: { pageSize: 100, sort: 'title', order: 'asc' }, signal }),
    staleTime: 60_000,
    enabled: ids.length > 0,
  });
  return ids.map((id) => ({ id, title: query.data?.items.find((a) => a.id === id)?.title }));
}

function Overview({ visit }: { visit: Visit }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const partnerName = usePartnerName();
  const actions = useActionTitles(visit.actionIds);
  const names = (items: string[]) => (items.length === 0 ? null : format.list(items));
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="lg">
          <Section title={t('monitoring:visit.detailsTitle')}>
            <DetailList
              items={[
                {
                  label: t('monitoring:visit.facility'),
                  value: (
                    <Anchor component={Link} to={`/facilities/${visit.facility.id}`}>
                      {visit.facility.name}
                    </Anchor>
                  ),
                },
                {
                  label: t('monitoring:facility.kind'),
                  value: `${t(facilityKindLabels[visit.facility.kind])} — ${format.country(visit.facility.countryCode)}`,
                },
                {
                  label: t('monitoring:visit.dates'),
                  value:
                    visit.startsOn === visit.endsOn
                      ? format.date(visit.startsOn)
                      : t('monitoring:dates.range', {
                          start: format.date(visit.startsOn),
                          end: format.date(visit.endsOn),
                        }),
                },
                { label: t('monitoring:visit.type'), value: t(visitTypeLabels[visit.type]) },
                {
                  label: t('monitoring:visit.announcement'),
                  value: visit.announced ? t('monitoring:visit.announced') : t('monitoring:visit.unannounced'),
                },
                {
                  label: t('monitoring:visit.lead'),
                  value: visit.leadInstitution
                    ? localized(visit.leadInstitution.nameFr, visit.leadInstitution.nameEn)
                    : t('monitoring:visit.secretariat'),
                },
                {
                  label: t('monitoring:visit.institutions'),
                  value: names(visit.institutions.map((i) => localized(i.nameFr, i.nameEn))),
                },
                { label: t('monitoring:visit.partners'), value: names(visit.partners.map(partnerName)) },
                {
                  label: t('monitoring:visit.team'),
                  value:
                    visit.team.length === 0 ? null : (
                      <List size="sm" spacing={2}>
                        {visit.team.map((member) => (
                          <List.Item key={`${member.name}|${member.role ?? ''}`}>
                            {member.role
                              ? t('monitoring:visit.teamMember', { name: member.name, role: member.role })
                              : member.name}
                          </List.Item>
                        ))}
                      </List>
                    ),
                },
                {
                  label: t('monitoring:visit.actions'),
                  value:
                    actions.length === 0 ? null : (
                      <List size="sm" spacing={2}>
                        {actions.map((action) => (
                          <List.Item key={action.id}>
                            <Anchor component={Link} to={`/actions/${action.id}`} size="sm">
                              {action.title ?? t('monitoring:visit.actionLink')}
                            </Anchor>
                          </List.Item>
                        ))}
                      </List>
                    ),
                },
                {
                  label: t('monitoring:visit.objectives'),
                  value: visit.objectives && <span style={{ whiteSpace: 'pre-line' }}>{visit.objectives}</span>,
                },
                {
                  label: t('monitoring:visit.summary'),
                  value: visit.summary && <span style={{ whiteSpace: 'pre-line' }}>{visit.summary}</span>,
                },
                { label: t('common:visibility.label'), value: <VisibilityBadge value={visit.visibility} /> },
                { label: t('monitoring:visit.updatedAt'), value: format.dateTime(visit.updatedAt) },
              ]}
            />
          </Section>
          <Section title={t('monitoring:report.title')} description={t('monitoring:report.intro')}>
            <ReportDownloads visitId={visit.id} />
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Section title={t('monitoring:workflow.title')}>
          <Stack gap="md">
            <StatusButtons visit={visit} />
            <StatusHistory visit={visit} />
          </Stack>
        </Section>
      </Grid.Col>
    </Grid>
  );
}

/** One visit, in tabs: what it was, who was there on the day, the checklist, findings, recommendations, files. */
export function VisitPage() {
  const { t } = useT();
  const { visitId = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const query = useVisit(visitId);
  const remove = useDeleteVisit();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const requested = params.get('tab');
  const tab: Tab = tabs.find((name) => name === requested) ?? 'overview';

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('monitoring:visits.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const visit = query.data;
  const title = t('monitoring:visit.pageTitle', { facility: visit.facility.name, date: format.date(visit.startsOn) });
  const confirmDelete = () =>
    remove.mutate(
      { id: visit.id, version: visit.version },
      {
        onSuccess: () => {
          notifySuccess(t('monitoring:visits.deleted'));
          navigate('/visits', { replace: true });
        },
      },
    );
  const count = (value: number) => (
    <Badge size="xs" variant="light" circle={value < 10}>
      {format.number(value)}
    </Badge>
  );

  return (
    <>
      <Anchor component={Link} to="/visits" size="sm">
        {t('monitoring:visits.backToList')}
      </Anchor>
      <PageHeader
        title={title}
        meta={
          <Group gap="xs">
            <VisitStatusBadge status={visit.status} />
            <Text size="sm">{t(visitTypeLabels[visit.type])}</Text>
            <Badge variant="light" color={visit.announced ? 'gray' : 'orange'}>
              {visit.announced ? t('monitoring:visit.announced') : t('monitoring:visit.unannounced')}
            </Badge>
            {visit.institutions.length > 0 && (
              <Badge variant="light" color="indigo">
                {t('monitoring:visit.joint')}
              </Badge>
            )}
          </Group>
        }
        actions={
          visit.can.edit && (
            <>
              <Button leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
                {t('common:actions.edit')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDeleting(true)}
              >
                {t('common:actions.delete')}
              </Button>
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              if (value === null || value === 'overview') next.delete('tab');
              else next.set('tab', value);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg" aria-label={t('monitoring:visit.tabsLabel')}>
          <Tabs.Tab value="overview">{t('monitoring:visit.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="population">{t('monitoring:visit.tabs.population')}</Tabs.Tab>
          <Tabs.Tab
            value="checklist"
            rightSection={visit.counts.questions > 0 ? count(visit.counts.answered) : undefined}
          >
            {t('monitoring:visit.tabs.checklist')}
          </Tabs.Tab>
          <Tabs.Tab value="findings" rightSection={count(visit.counts.findings)}>
            {t('monitoring:visit.tabs.findings')}
          </Tabs.Tab>
          <Tabs.Tab value="recommendations" rightSection={count(visit.counts.recommendations)}>
            {t('monitoring:visit.tabs.recommendations')}
          </Tabs.Tab>
          <Tabs.Tab value="attachments">{t('monitoring:visit.tabs.attachments')}</Tabs.Tab>
          <Tabs.Tab value="urgent" rightSection={count(visit.counts.urgentSituations)}>
            {t('monitoring:visit.tabs.urgent')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview visit={visit} />
        </Tabs.Panel>
        <Tabs.Panel value="population">
          <PopulationSection visit={visit} />
        </Tabs.Panel>
        <Tabs.Panel value="checklist">
          <ChecklistSection visit={visit} />
        </Tabs.Panel>
        <Tabs.Panel value="findings">
          <FindingsSection visit={visit} />
        </Tabs.Panel>
        <Tabs.Panel value="recommendations">
          <RecommendationsSection visit={visit} />
        </Tabs.Panel>
        <Tabs.Panel value="attachments">
          <AttachedDocuments
            entity="visit"
            entityId={visit.id}
            canEdit={visit.can.edit}
            maxVisibility={visit.visibility}
            title={t('monitoring:visit.attachmentsTitle')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="urgent">
          <UrgentSituationsSection visit={visit} />
        </Tabs.Panel>
      </Tabs>
      {visit.can.edit && (
        <>
          {editing && <VisitFormModal visit={visit} onClose={() => setEditing(false)} />}
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('monitoring:visits.deleteTitle')}
            message={t('monitoring:visits.deleteMessage', { title })}
            confirmLabel={t('common:actions.delete')}
            onConfirm={confirmDelete}
            pending={remove.isPending}
            error={remove.error}
          />
        </>
      )}
    </>
  );
}
