import { Badge } from '@mantine/core';
import { useT } from '../../../i18n/use-t';
import {
  type AssociationStatus,
  associationStatusLabels,
  type MembershipStatus,
  membershipStatusLabels,
} from './labels';

const membershipColors = { active: 'green', pending_validation: 'orange', withdrawn: 'gray' } as const satisfies Record<
  MembershipStatus,
  string
>;

export function MembershipStatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={membershipColors[status]}>
      {t(membershipStatusLabels[status])}
    </Badge>
  );
}

const associationColors = { member: 'green', not_member: 'gray', unknown: 'yellow' } as const satisfies Record<
  AssociationStatus,
  string
>;

export function AssociationStatusBadge({ status }: { status: AssociationStatus }) {
  const { t } = useT();
  return (
    <Badge variant="light" color={associationColors[status]}>
      {t(associationStatusLabels[status])}
    </Badge>
  );
}

/** Seeded data that nobody has checked yet: flagged so that a member institution confirms it. */
export function ToConfirmBadge() {
  const { t } = useT();
  return (
    <Badge variant="light" color="yellow">
      {t('network:dataStatus.to_confirm')}
    </Badge>
  );
}
