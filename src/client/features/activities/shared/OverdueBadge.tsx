import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../i18n/use-t';

/** A dialogue body that has not met within its cadence: said in words, with an icon, never by colour alone. */
export function OverdueBadge() {
  const { t } = useT();
  return (
    <Badge variant="light" color="red" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
      {t('activities:body.overdue')}
    </Badge>
  );
}
