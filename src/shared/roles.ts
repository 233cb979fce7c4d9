/**
 * Roles, visibilities and permissions: plain data shared by server and client.
 * Permissions are typed strings `action:entity:scope`; roles map to them here and nowhere else.
 */
export const roles = ['administrator', 'coordinator', 'contact_point', 'staff', 'partner'] as const;
export type Role = (typeof roles)[number];

/** Who may see a record, from narrowest to widest. */
export const visibilities = ['institution', 'group', 'partners', 'public'] as const;
export type Visibility = (typeof visibilities)[number];

export const permissions = [
  'read:record:any',
  'read:record:group',
  'read:record:partners',
  'read:record:public',
  'write:record:any',
  'write:record:network',
  'write:record:own',
  'manage:membership:any',
  'manage:user:any',
  'manage:user:own',
  'read:audit:any',
  'manage:settings:any',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions = {
  administrator: [
    'read:record:any',
    'write:record:any',
    'manage:membership:any',
    'manage:user:any',
    'read:audit:any',
    'manage:settings:any',
  ],
  coordinator: ['read:record:group', 'write:record:network', 'write:record:own', 'manage:membership:any'],
  contact_point: ['read:record:group', 'write:record:own', 'manage:user:own'],
  staff: ['read:record:group', 'write:record:own'],
  partner: ['read:record:partners'],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHas(role: Role | null, permission: Permission): boolean {
  if (role === null) return permission === 'read:record:public';
  return (rolePermissions[role] as readonly Permission[]).includes(permission);
}

/** Roles that belong to one institution. */
export const institutionRoles: readonly Role[] = ['contact_point', 'staff'];
