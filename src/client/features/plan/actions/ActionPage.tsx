import { Anchor, Button, Grid, Group, List, Menu, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconChevronDown, IconEdit, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Action, Plan } from '../../../../shared/contract/plan';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailList, NotProvided } from '../../../components/DetailList';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { usePlan } from '../plans/api';
import { useDateRange } from '../shared/dates';
import { actionStatusLabels, actionStatusList, linkEntityLabel } from '../shared/labels';
import { axesInOrder, membersOf, usePartnerName, usePartners } from '../shared/plan-data';
import { ActionStatusBadge, OverdueBadge } from '../shared/StatusBadges';
import { ActionActivities } from './ActionActivities';
import { ActionFormModal } from './ActionFormModal';
import { ActionVisits } from './ActionVisits';
import { useAction, useDeleteAction, useSetActionStatus } from './api';
import { MarkDoneButton } from './MarkDoneButton';

/** Any status in one click from a menu; "done" also has its own button beside it. */
function StatusMenu({ action }: { action: Action }) {
  const { t } = useT();
  const setStatus = useSetActionStatus();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<IconChevronDown size={16} aria-hidden="true" />}
          loading={setStatus.isPending}
        >
          {t('plan:actions.changeStatus')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actionStatusList
          .filter((status) => status !== action.status)
          .map((status) => (
            <Menu.Item
              key={status}
              onClick={() =>
                setStatus.mutate(
                  { action, status },
                  {
                    onSuccess: () =>
                      notifySuccess(t('plan:actions.statusChanged', { status: t(actionStatusLabels[status]) })),
                    onError: notifyError,
                  },
                )
              }
            >
              {t(actionStatusLabels[status])}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function Details({ action, plan }: { action: Action; plan: Plan | undefined }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const dateRange = useDateRange();
  const partnerName = usePartnerName();
  const partners = usePartners();
  const axis = plan ? axesInOrder(plan).find((a) => a.id === action.axisId) : undefined;
  const members = plan ? membersOf(plan) : [];
  const institutionName = (id: string) => {
    const member = members.find((m) => m.institutionId === id);
    return member
      ? localized(member.nameFr, member.nameEn)
      : id === action.leadInstitutionId
        ? action.leadInstitutionName
        : null;
  };
  const partnerById = (id: string) => partners.data?.items.find((p) => p.id === id);
  const names = (ids: string[], name: (id: string) => string | null | undefined) =>
    ids.length === 0 ? null : format.list(ids.map((id) => name(id) ?? t('plan:action.unknownRecord')));

  return (
    <Section title={t('plan:action.detailsTitle')}>
      <DetailList
        items={[
          {
            label: t('plan:action.axis'),
            value: axis ? (
              <span>
                {t('plan:axis.number', { number: axis.number })} —{' '}
                <span lang={langOf(axis.titleEn)} dir="auto">
                  {localized(axis.titleFr, axis.titleEn)}
                </span>
              </span>
            ) : (
              action.axisNumber
            ),
          },
          {
            label: t('plan:action.description'),
            value: action.description && <span style={{ whiteSpace: 'pre-line' }}>{action.description}</span>,
          },
          { label: t('plan:action.lead'), value: action.leadInstitutionName ?? t('plan:action.noLead') },
          { label: t('plan:action.participants'), value: names(action.participantInstitutionIds, institutionName) },
          {
            label: t('plan:action.partners'),
            value: names(action.partnerIds, (id) => {
              const partner = partnerById(id);
              return partner && partnerName(partner);
            }),
          },
          { label: t('plan:action.plannedDates'), value: dateRange(action.plannedStart, action.plannedEnd) },
          ...(action.completedOn
            ? [{ label: t('plan:action.completedOn'), value: format.date(action.completedOn) }]
            : []),
          {
            label: t('plan:action.funder'),
            value: action.funderPartnerId
              ? (() => {
                  const partner = partnerById(action.funderPartnerId);
                  return partner ? partnerName(partner) : t('plan:action.unknownRecord');
                })()
              : null,
          },
          {
            label: t('plan:action.budget'),
            value: action.budget && format.money(action.budget.amount, action.budget.currency),
          },
          {
            label: t('plan:action.comments'),
            value: action.comments && <span style={{ whiteSpace: 'pre-line' }}>{action.comments}</span>,
          },
          { label: t('common:visibility.label'), value: <VisibilityBadge value={action.visibility} /> },
          { label: t('plan:action.updatedAt'), value: format.dateTime(action.updatedAt) },
        ]}
      />
    </Section>
  );
}

function Links({ action }: { action: Action }) {
  const { t } = useT();
  const total = action.links.reduce((sum, link) => sum + link.count, 0);
  return (
    <Section title={t('plan:action.linksTitle')} description={t('plan:action.linksHint')}>
      {total === 0 ? (
        <NotProvided />
      ) : (
        <List size="sm" spacing={4}>
          {action.links.map((link) => {
            const label = linkEntityLabel(link.entity);
            return (
              <List.Item key={link.entity}>
                {label ? t(label, { count: link.count }) : t('plan:links.other', { count: link.count })}
              </List.Item>
            );
          })}
        </List>
      )}
    </Section>
  );
}

/** One action: what it is, who leads it, its dates, funding and linked records; its status in one click. */
export function ActionPage() {
  const { t } = useT();
  const { actionId = '' } = useParams();
  const navigate = useNavigate();
  const query = useAction(actionId);
  const plan = usePlan(query.data?.planId ?? '', query.isSuccess);
  const remove = useDeleteAction();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('plan:actions.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const action = query.data;
  const backTo = `/plans/${action.planId}/actions`;
  const confirmDelete = () =>
    remove.mutate(
      { id: action.id, version: action.version },
      {
        onSuccess: () => {
          notifySuccess(t('plan:actions.deleted', { title: action.title }));
          navigate(backTo, { replace: true });
        },
      },
    );

  return (
    <>
      <Anchor component={Link} to={backTo} size="sm">
        {t('plan:actions.backToList')}
      </Anchor>
      <PageHeader
        title={action.title}
        meta={
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('plan:axis.number', { number: action.axisNumber })}
            </Text>
            <ActionStatusBadge status={action.status} />
            {action.overdue && <OverdueBadge />}
          </Group>
        }
        actions={
          action.can.edit && (
            <>
              <MarkDoneButton action={action} size="sm" />
              <StatusMenu action={action} />
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                // The form offers the plan's axes and members: it opens once the plan is there.
                loading={plan.isPending}
                onClick={() => setEditing(true)}
              >
                {t('common:actions.edit')}
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDeleting(true)}
              >
                {t('common:actions.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {action.carriedFromId && (
          <Group gap="xs">
            <IconArrowBackUp size={16} aria-hidden="true" className="flip-in-rtl" />
            <Anchor component={Link} to={`/actions/${action.carriedFromId}`} size="sm">
              {t('plan:action.carriedFrom')}
            </Anchor>
          </Group>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Details action={action} plan={plan.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Links action={action} />
              <ActionActivities actionId={action.id} />
              <ActionVisits actionId={action.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      {action.can.edit && (
        <>
          {editing && plan.data && (
            <ActionFormModal plan={plan.data} action={action} onClose={() => setEditing(false)} />
          )}
          <ConfirmDialog
            opened={deleting}
            onClose={() => {
              setDeleting(false);
              remove.reset();
            }}
            title={t('plan:actions.deleteTitle')}
            message={t('plan:actions.deleteMessage', { title: action.title })}
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
