import type { Role } from '../../../shared/roles';
import type { UserStatus } from './api';

export const roleLabels = {
  administrator: 'users:roles.administrator',
  coordinator: 'users:roles.coordinator',
  contact_point: 'users:roles.contact_point',
  staff: 'users:roles.staff',
  partner: 'users:roles.partner',
} as const satisfies Record<Role, string>;

export const roleDescriptions = {
  administrator: 'users:roleHints.administrator',
  coordinator: 'users:roleHints.coordinator',
  contact_point: 'users:roleHints.contact_point',
  staff: 'users:roleHints.staff',
  partner: 'users:roleHints.partner',
} as const satisfies Record<Role, string>;

export const statusLabels = {
  active: 'users:status.active',
  invited: 'users:status.invited',
  disabled: 'users:status.disabled',
} as const satisfies Record<UserStatus, string>;

export const statusColors = { active: 'green', invited: 'blue', disabled: 'gray' } as const satisfies Record<
  UserStatus,
  string
>;
