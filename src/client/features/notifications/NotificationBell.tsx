import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useUnreadCount } from './api';

/** The header's bell: how many notifications are unread, and the way to them. */
export function NotificationBell() {
  const { t } = useT();
  const format = useFormat();
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  return (
    <Indicator
      label={format.number(unread)}
      size={18}
      offset={4}
      disabled={unread === 0}
      color="red"
      data-testid="unread-count"
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={t('notifications:bell.label', { count: unread })}
      >
        <IconBell size={20} aria-hidden="true" />
      </ActionIcon>
    </Indicator>
  );
}
