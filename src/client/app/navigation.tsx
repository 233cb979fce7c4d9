import { Box, NavLink, Stack, Text } from '@mantine/core';
import {
  IconBooks,
  IconBuildingBank,
  IconBuildingCommunity,
  IconCalendarMonth,
  IconCalendarStats,
  IconChartBar,
  IconChecklist,
  IconClipboardCheck,
  IconFileAnalytics,
  IconFileImport,
  IconFiles,
  IconFileText,
  IconHeartHandshake,
  IconHistory,
  IconListCheck,
  IconMailCog,
  IconPresentation,
  IconShieldLock,
  IconSitemap,
  IconSpeakerphone,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { type ComponentType, useId } from 'react';
import { Link, useLocation } from 'react-router';
import { type Permission, roleHas } from '../../shared/roles';
import { useT } from '../i18n/use-t';
import { useCurrentUser } from '../session/session';

interface NavItem {
  to: string;
  label:
    | 'common:nav.workingGroup'
    | 'common:nav.institutions'
    | 'common:nav.partners'
    | 'common:nav.declarations'
    | 'common:nav.associations'
    | 'common:nav.users'
    | 'common:nav.audit'
    | 'plan:nav.plans'
    | 'documents:nav.documents'
    | 'activities:nav.activities'
    | 'calendar:nav.calendar'
    | 'monitoring:nav.visits'
    | 'monitoring:nav.facilities'
    | 'monitoring:nav.tracker'
    | 'monitoring:nav.templates'
    | 'awareness:nav.sessions'
    | 'awareness:nav.materials'
    | 'settings:security.nav'
    | 'notifications:admin.nav'
    | 'imports:nav.imports'
    | 'dashboard:nav.dashboard'
    | 'reports:nav.reports';
  Icon: ComponentType<{ size?: number; 'aria-hidden'?: 'true' }>;
  /** Other paths this entry stands for (a group's page is the working group, an action's page the plan). */
  alsoActiveUnder?: string[];
  /** Shown when the role holds any of these; no list means everyone signed in. */
  anyOf?: Permission[];
}

interface NavSection {
  label:
    | 'common:nav.network'
    | 'common:nav.administration'
    | 'plan:nav.section'
    | 'activities:nav.section'
    | 'monitoring:nav.section'
    | 'awareness:nav.section'
    | 'dashboard:nav.section';
  items: NavItem[];
}

const sections: NavSection[] = [
  {
    label: 'common:nav.network',
    items: [
      { to: '/', label: 'common:nav.workingGroup', Icon: IconUsersGroup, alsoActiveUnder: ['/groups'] },
      { to: '/institutions', label: 'common:nav.institutions', Icon: IconBuildingBank },
      { to: '/partners', label: 'common:nav.partners', Icon: IconHeartHandshake },
      { to: '/declarations', label: 'common:nav.declarations', Icon: IconFileText },
      { to: '/documents', label: 'documents:nav.documents', Icon: IconFiles },
      { to: '/associations', label: 'common:nav.associations', Icon: IconSitemap },
    ],
  },
  {
    label: 'plan:nav.section',
    items: [{ to: '/plans', label: 'plan:nav.plans', Icon: IconCalendarStats, alsoActiveUnder: ['/actions'] }],
  },
  {
    label: 'activities:nav.section',
    items: [
      { to: '/activities', label: 'activities:nav.activities', Icon: IconPresentation },
      { to: '/calendar', label: 'calendar:nav.calendar', Icon: IconCalendarMonth },
    ],
  },
  {
    label: 'awareness:nav.section',
    items: [
      {
        to: '/awareness-sessions',
        label: 'awareness:nav.sessions',
        Icon: IconSpeakerphone,
        alsoActiveUnder: ['/awareness-reach'],
      },
      { to: '/materials', label: 'awareness:nav.materials', Icon: IconBooks },
    ],
  },
  {
    label: 'monitoring:nav.section',
    items: [
      { to: '/visits', label: 'monitoring:nav.visits', Icon: IconClipboardCheck },
      { to: '/facilities', label: 'monitoring:nav.facilities', Icon: IconBuildingCommunity },
      { to: '/recommendations', label: 'monitoring:nav.tracker', Icon: IconListCheck },
      { to: '/checklist-templates', label: 'monitoring:nav.templates', Icon: IconChecklist },
    ],
  },
  {
    label: 'dashboard:nav.section',
    items: [
      { to: '/dashboard', label: 'dashboard:nav.dashboard', Icon: IconChartBar },
      {
        to: '/imports',
        label: 'imports:nav.imports',
        Icon: IconFileImport,
        anyOf: ['write:record:any', 'write:record:network', 'write:record:own'],
      },
      { to: '/reports', label: 'reports:nav.reports', Icon: IconFileAnalytics },
    ],
  },
  {
    label: 'common:nav.administration',
    items: [
      { to: '/users', label: 'common:nav.users', Icon: IconUsers, anyOf: ['manage:user:any', 'manage:user:own'] },
      { to: '/audit', label: 'common:nav.audit', Icon: IconHistory, anyOf: ['read:audit:any'] },
      {
        to: '/settings/security',
        label: 'settings:security.nav',
        Icon: IconShieldLock,
        anyOf: ['manage:settings:any'],
      },
      {
        to: '/settings/email',
        label: 'notifications:admin.nav',
        Icon: IconMailCog,
        anyOf: ['manage:settings:any'],
      },
    ],
  },
];

function isActive(item: NavItem, pathname: string): boolean {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const alsoActive = (item.alsoActiveUnder ?? []).some(under);
  if (item.to === '/') return pathname === '/' || alsoActive;
  return under(item.to) || alsoActive;
}

function Section({ section, items, onNavigate }: { section: NavSection; items: NavItem[]; onNavigate: () => void }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const labelId = useId();
  return (
    <Box role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
        {t(section.label)}
      </Text>
      {items.map((item) => {
        const active = isActive(item, pathname);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<item.Icon size={18} aria-hidden="true" />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Box>
  );
}

/** The sections this role may use; a section with nothing in it is not shown. */
export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const user = useCurrentUser();
  return (
    <Stack gap="lg">
      {sections.map((section) => {
        const items = section.items.filter(
          (item) => !item.anyOf || item.anyOf.some((permission) => roleHas(user.role, permission)),
        );
        return items.length > 0 ? (
          <Section key={section.label} section={section} items={items} onNavigate={onNavigate} />
        ) : null;
      })}
    </Stack>
  );
}
