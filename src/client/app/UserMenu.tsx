import { Avatar, Box, Button, Menu } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n/use-t';
import { useCurrentUser, useSignOut } from '../session/session';

export function UserMenu() {
  const { t } = useT();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          leftSection={
            // An icon rather than initials: the button's visible text must stay exactly its accessible name.
            <Avatar size={26} color="blue" aria-hidden="true">
              <IconUser size={16} />
            </Avatar>
          }
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          aria-label={user.name}
        >
          <Box component="span" visibleFrom="sm">
            {user.name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden="true" />}>
          {t('common:userMenu.account')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
        >
          {t('common:userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
