/** Entities and actions the server records; anything else is shown as the server names it. */
export const entityLabels = {
  institution: 'audit:entities.institution',
  association: 'audit:entities.association',
  group: 'audit:entities.group',
  membership: 'audit:entities.membership',
  contact_point: 'audit:entities.contact_point',
  partner: 'audit:entities.partner',
  declaration: 'audit:entities.declaration',
  user: 'audit:entities.user',
  api_token: 'audit:entities.api_token',
  session: 'audit:entities.session',
  seed: 'audit:entities.seed',
} as const;

export const actionLabels = {
  create: 'audit:actions.create',
  update: 'audit:actions.update',
  delete: 'audit:actions.delete',
  status_change: 'audit:actions.status_change',
  handover: 'audit:actions.handover',
  login: 'audit:actions.login',
  logout: 'audit:actions.logout',
  password_changed: 'audit:actions.password_changed',
  password_reset_requested: 'audit:actions.password_reset_requested',
  password_reset: 'audit:actions.password_reset',
  invitation_reissued: 'audit:actions.invitation_reissued',
  invitation_accepted: 'audit:actions.invitation_accepted',
  revoke: 'audit:actions.revoke',
  export: 'audit:actions.export',
} as const;

/** Where to see a record of this entity, when it has a page of its own. */
export const entityPaths: Partial<Record<string, (id: string) => string>> = {
  institution: (id) => `/institutions/${id}`,
  partner: (id) => `/partners/${id}`,
  declaration: (id) => `/declarations/${id}`,
  group: (id) => `/groups/${id}`,
};

export function labelOf<M extends Record<string, string>>(map: M, value: string): M[keyof M] | undefined {
  return Object.hasOwn(map, value) ? map[value as keyof M] : undefined;
}
