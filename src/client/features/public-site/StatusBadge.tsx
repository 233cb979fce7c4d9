import { Badge } from '@mantine/core';
import { useT } from '../../i18n/use-t';
import type { ChildPageStatus } from './api';

const colors: Record<ChildPageStatus, string> = { draft: 'gray', reviewed: 'blue', published: 'green' };

export function StatusBadge({ status }: { status: ChildPageStatus }) {
  const { t } = useT();
  const labels: Record<ChildPageStatus, string> = {
    draft: t('public-site:status.draft'),
    reviewed: t('public-site:status.reviewed'),
    published: t('public-site:status.published'),
  };
  return (
    <Badge variant="light" color={colors[status]}>
      {labels[status]}
    </Badge>
  );
}
