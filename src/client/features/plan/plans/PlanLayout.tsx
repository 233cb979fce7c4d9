import { Anchor, Button, Group, ScrollArea, Text } from '@mantine/core';
import { IconCopyPlus, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { usePageTitle } from '../../../components/page-title';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { PlanStatusBadge } from '../shared/StatusBadges';
import { usePlan } from './api';
import { NextPlanModal } from './NextPlanModal';
import { PlanFormModal } from './PlanFormModal';

/** The plan's tabs: each is a page of its own (a link one can share), under the plan's title. */
const tabs = [
  { path: '', label: 'plan:tabs.overview' },
  { path: 'progress', label: 'plan:tabs.progress' },
  { path: 'actions', label: 'plan:tabs.actions' },
  { path: 'timeline', label: 'plan:tabs.timeline' },
  { path: 'indicators', label: 'plan:tabs.indicators' },
  { path: 'reports', label: 'plan:tabs.reports' },
] as const;

function PlanTabs({ planId, current }: { planId: string; current: string }) {
  const { t } = useT();
  return (
    <ScrollArea type="auto" offsetScrollbars mb="lg">
      <Group component="nav" aria-label={t('plan:tabs.label')} gap={4} wrap="nowrap">
        {tabs.map((tab) => {
          const active = tab.path === current;
          return (
            <Button
              key={tab.path}
              component={Link}
              to={tab.path === '' ? `/plans/${planId}` : `/plans/${planId}/${tab.path}`}
              variant={active ? 'light' : 'subtle'}
              aria-current={active ? 'page' : undefined}
              fw={active ? 700 : 500}
            >
              {t(tab.label)}
            </Button>
          );
        })}
      </Group>
    </ScrollArea>
  );
}

/** A plan's page: its title, period and status, what the user may do with it, its tabs, and the open tab. */
export function PlanLayout() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const { planId = '' } = useParams();
  const { pathname } = useLocation();
  const query = usePlan(planId);
  const [editing, setEditing] = useState(false);
  const [preparing, setPreparing] = useState(false);

  const current = pathname.replace(/\/+$/, '').split('/')[3] ?? '';
  const tab = tabs.find((candidate) => candidate.path === current) ?? tabs[0];
  const title = query.data ? localized(query.data.titleFr, query.data.titleEn) : t('plan:plans.title');
  // After the header's own title: "Timeline — Draft action plan 2017–2018 · Vigie".
  usePageTitle(t('plan:tabs.pageTitle', { tab: t(tab.label), plan: title }));

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('plan:plans.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const plan = query.data;
  return (
    <>
      <Anchor component={Link} to="/plans" size="sm">
        {t('plan:plans.backToList')}
      </Anchor>
      <PageHeader
        title={title}
        meta={
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('plan:dates.range', { start: format.date(plan.startsOn), end: format.date(plan.endsOn) })}
            </Text>
            <PlanStatusBadge status={plan.status} />
            <VisibilityBadge value={plan.visibility} />
            {plan.previousPlanId && (
              <Anchor component={Link} to={`/plans/${plan.previousPlanId}`} size="sm">
                {t('plan:plan.previous')}
              </Anchor>
            )}
          </Group>
        }
        actions={
          (plan.can.edit || plan.can.prepareNext) && (
            <>
              {plan.can.edit && (
                <Button
                  variant="default"
                  leftSection={<IconEdit size={16} aria-hidden="true" />}
                  onClick={() => setEditing(true)}
                >
                  {t('plan:plan.edit')}
                </Button>
              )}
              {plan.can.prepareNext && (
                <Button leftSection={<IconCopyPlus size={16} aria-hidden="true" />} onClick={() => setPreparing(true)}>
                  {t('plan:next.open')}
                </Button>
              )}
            </>
          )
        }
      />
      <PlanTabs planId={plan.id} current={tab.path} />
      <Outlet context={plan} />
      {editing && <PlanFormModal plan={plan} onClose={() => setEditing(false)} />}
      {preparing && <NextPlanModal plan={plan} onClose={() => setPreparing(false)} />}
    </>
  );
}
