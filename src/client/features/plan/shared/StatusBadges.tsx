import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../i18n/use-t';
import {
  type ActionStatus,
  actionStatusColors,
  actionStatusLabels,
  type PeriodStatus,
  type PlanStatus,
  periodStatusLabels,
  planStatusLabels,
  type ReportStatus,
  reportStatusLabels,
} from './labels';

const planColors = { draft: 'yellow', adopted: 'green', closed: 'gray' } as const satisfies Record<PlanStatus, string>;

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={planColors[status]}>
      {t(planStatusLabels[status])}
    </Badge>
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={actionStatusColors[status]}>
      {t(actionStatusLabels[status])}
    </Badge>
  );
}

/** Past its planned end and neither done nor cancelled: said in words, with an icon, never by colour alone. */
export function OverdueBadge() {
  const { t } = useT();
  return (
    <Badge variant="light" color="red" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
      {t('plan:action.overdue')}
    </Badge>
  );
}

const periodColors = { open: 'green', closed: 'gray' } as const satisfies Record<PeriodStatus, string>;

export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={periodColors[status]}>
      {t(periodStatusLabels[status])}
    </Badge>
  );
}

const reportColors = { draft: 'gray', submitted: 'blue', validated: 'green' } as const satisfies Record<
  ReportStatus,
  string
>;

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={reportColors[status]}>
      {t(reportStatusLabels[status])}
    </Badge>
  );
}

/** A member whose membership the group has not validated yet (Turkey in 2017). */
export function PendingValidationBadge() {
  const { t } = useT();
  return (
    <Badge variant="light" color="orange">
      {t('plan:participants.pendingValidation')}
    </Badge>
  );
}
