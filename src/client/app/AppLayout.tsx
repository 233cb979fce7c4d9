import { AppShell, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { SearchBox } from '../features/search/SearchBox';
import { useT } from '../i18n/use-t';
import classes from './AppLayout.module.css';
import { LanguageMenu } from './LanguageMenu';
import { Navigation } from './navigation';
import { UserMenu } from './UserMenu';

/** The signed-in shell: header (name, language, user), the role's navigation, and the page. */
export function AppLayout() {
  const { t } = useT();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // After a client-side navigation, move focus to the new page so screen readers start reading it.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    document.getElementById('main')?.focus();
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      {/* A plain fragment link: the browser moves focus to <main>, which accepts it (tabIndex -1). */}
      <a href="#main" className={classes.skipLink}>
        {t('common:app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common:nav.toggle')}
              aria-expanded={navOpened}
              aria-controls="app-navigation"
            />
            <Link to="/" className={classes.brand}>
              {t('common:app.name')}
            </Link>
          </Group>
          <SearchBox />
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navigation" aria-label={t('common:nav.label')} p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={nav.close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
