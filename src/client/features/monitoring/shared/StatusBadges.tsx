import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconRepeat } from '@tabler/icons-react';
import { useT } from '../../../i18n/use-t';
import {
  type FindingSeverity,
  type RecommendationStatus,
  recommendationStatusColors,
  recommendationStatusLabels,
  severityColors,
  severityLabels,
  type VisitStatus,
  visitStatusColors,
  visitStatusLabels,
} from './labels';

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={visitStatusColors[status]}>
      {t(visitStatusLabels[status])}
    </Badge>
  );
}

export function RecommendationStatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={recommendationStatusColors[status]}>
      {t(recommendationStatusLabels[status])}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={severityColors[severity]}>
      {t(severityLabels[severity])}
    </Badge>
  );
}

/** Past its due date and still open: said in words, with an icon, never by colour alone. */
export function OverdueBadge() {
  const { t } = useT();
  return (
    <Badge variant="light" color="red" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
      {t('monitoring:recommendation.overdue')}
    </Badge>
  );
}

export function RepeatedBadge() {
  const { t } = useT();
  return (
    <Badge variant="light" color="grape" leftSection={<IconRepeat size={12} aria-hidden="true" />}>
      {t('monitoring:recommendation.repeated')}
    </Badge>
  );
}
