import { Badge, Button, Collapse, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconEdit, IconUserCheck, IconUserOff, IconUsers } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { Axis } from '../../../../shared/contract/plan';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyMessage } from '../../../components/QueryStates';
import { useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { usePartnerName, usePlanContext } from '../shared/plan-data';
import { PendingValidationBadge } from '../shared/StatusBadges';
import { AxisFormModal, ExceptionModal } from './AxisFormModal';
import { useAxisParticipation } from './api';
import classes from './PlanOverview.module.css';

/** The plan as the working group wrote it, shown on demand: it is long, and the axes below carry its structure. */
function FoundingText({ text }: { text: string }) {
  const { t } = useT();
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  return (
    <Paper withBorder radius="md" p="md">
      <Button
        variant="subtle"
        px={0}
        rightSection={
          opened ? <IconChevronUp size={16} aria-hidden="true" /> : <IconChevronDown size={16} aria-hidden="true" />
        }
        aria-expanded={opened}
        aria-controls={panelId}
        onClick={() => setOpened((o) => !o)}
      >
        {opened ? t('plan:overview.hideSourceText') : t('plan:overview.showSourceText')}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <Stack gap="xs" mt="sm">
          <Text size="sm" c="dimmed">
            {t('plan:overview.sourceTextHint')}
          </Text>
          <Text component="blockquote" lang="fr" dir="auto" m={0} style={{ whiteSpace: 'pre-line' }}>
            {text}
          </Text>
        </Stack>
      </Collapse>
    </Paper>
  );
}

function Partners({ axis }: { axis: Axis }) {
  const { t } = useT();
  const format = useFormat();
  const partnerName = usePartnerName();
  const participants = axis.partners.filter((p) => p.role === 'participant').map(partnerName);
  const funders = axis.partners.filter((p) => p.role === 'funder').map(partnerName);
  if (participants.length === 0 && funders.length === 0) return null;
  return (
    <Group gap="xs">
      {participants.length > 0 && (
        <Badge variant="light" color="indigo">
          {t('plan:axis.withPartners', { partners: format.list(participants) })}
        </Badge>
      )}
      {funders.length > 0 && (
        <Badge variant="light" color="grape">
          {t('plan:axis.fundedBy', { partners: format.list(funders) })}
        </Badge>
      )}
    </Group>
  );
}

/** The member institutions taking part in an axis; whoever may edit the plan marks one out of it, or back in. */
function Participants({ axis, canEdit }: { axis: Axis; canEdit: boolean }) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const taking = axis.participants.filter((p) => p.participates).length;
  const headingId = useId();
  const participation = useAxisParticipation(axis.planId);
  const [excluding, setExcluding] = useState<Axis['participants'][number] | null>(null);
  const takePartAgain = (institutionId: string) =>
    participation.mutate(
      { axisId: axis.id, institutionId, takesPart: true },
      { onSuccess: () => notifySuccess(t('plan:participants.updated')), onError: notifyError },
    );
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="nowrap">
        <IconUsers size={16} aria-hidden="true" />
        <Text size="sm" fw={600} id={headingId}>
          {taking === axis.participants.length
            ? t('plan:participants.all', { count: taking })
            : t('plan:participants.some', { count: taking, total: axis.participants.length })}
        </Text>
      </Group>
      <ul aria-labelledby={headingId} className={classes.inlineList}>
        {axis.participants.map((p) => (
          <li key={p.institutionId}>
            <Group gap={4} wrap="nowrap">
              <Text span size="sm" td={p.participates ? undefined : 'line-through'}>
                {format.country(p.countryCode)}
                <VisuallyHidden> — {localized(p.nameFr, p.nameEn)}</VisuallyHidden>
              </Text>
              {p.membershipStatus === 'pending_validation' && <PendingValidationBadge />}
              {!p.participates && (
                <Badge variant="light" color="gray">
                  {t('plan:participants.notTakingPart')}
                </Badge>
              )}
              {!p.participates && p.note && (
                <Text span size="xs" c="dimmed" dir="auto">
                  {p.note}
                </Text>
              )}
              {canEdit &&
                (p.participates ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconUserOff size={14} aria-hidden="true" />}
                    aria-label={t('plan:participants.excludeNamed', {
                      institution: localized(p.nameFr, p.nameEn),
                      number: axis.number,
                    })}
                    onClick={() => setExcluding(p)}
                  >
                    {t('plan:participants.exclude')}
                  </Button>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconUserCheck size={14} aria-hidden="true" />}
                    aria-label={t('plan:participants.includeNamed', {
                      institution: localized(p.nameFr, p.nameEn),
                      number: axis.number,
                    })}
                    loading={participation.isPending && participation.variables?.institutionId === p.institutionId}
                    onClick={() => takePartAgain(p.institutionId)}
                  >
                    {t('plan:participants.include')}
                  </Button>
                ))}
            </Group>
          </li>
        ))}
      </ul>
      {excluding && (
        <ExceptionModal
          axis={axis}
          institutionId={excluding.institutionId}
          institutionName={localized(excluding.nameFr, excluding.nameEn)}
          onClose={() => setExcluding(null)}
        />
      )}
    </Stack>
  );
}

function AxisCard({ axis, canEditPlan }: { axis: Axis; canEditPlan: boolean }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const text = axis.textFr ? localized(axis.textFr, axis.textEn) : null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h3" id={headingId}>
            <span>{t('plan:axis.number', { number: axis.number })}</span> —{' '}
            <span lang={langOf(axis.titleEn)} dir="auto">
              {localized(axis.titleFr, axis.titleEn)}
            </span>
          </Title>
          {axis.can.edit && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEdit size={14} aria-hidden="true" />}
              aria-label={t('plan:axis.editNamed', { number: axis.number })}
              onClick={() => setEditing(true)}
            >
              {t('plan:axis.edit')}
            </Button>
          )}
        </Group>
        {text && (
          <Text size="sm" lang={langOf(axis.textEn)} dir="auto">
            {text}
          </Text>
        )}
        <Group gap="xs">
          {axis.eachInstitution && (
            <Badge variant="light" color="teal">
              {t('plan:axis.eachInstitution')}
            </Badge>
          )}
          <Partners axis={axis} />
        </Group>
        {axis.subItems.length > 0 && (
          <ul aria-label={t('plan:axis.subItemsOf', { number: axis.number })} className={classes.subItems}>
            {axis.subItems.map((sub) => (
              <li key={sub.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Text span fw={700} miw="2.5rem">
                    {sub.number}
                  </Text>
                  <Text span lang={langOf(sub.titleEn)} dir="auto">
                    {localized(sub.titleFr, sub.titleEn)}
                  </Text>
                  <Partners axis={{ ...sub, participants: [], subItems: [] }} />
                </Group>
              </li>
            ))}
          </ul>
        )}
        <Participants axis={axis} canEdit={canEditPlan} />
      </Stack>
      {editing && <AxisFormModal axis={axis} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

/** The plan's first tab: its founding text on demand, then its five axes as the group wrote them. */
export function PlanOverview() {
  const { t } = useT();
  const plan = usePlanContext();
  return (
    <Stack gap="lg">
      {plan.sourceText && <FoundingText text={plan.sourceText} />}
      {plan.axes.length === 0 ? (
        <EmptyMessage title={t('plan:overview.noAxes')} />
      ) : (
        plan.axes.map((axis) => <AxisCard key={axis.id} axis={axis} canEditPlan={plan.can.edit} />)
      )}
    </Stack>
  );
}
