import { type Visibility, visibilities } from '../../src/shared/roles.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  type Session,
  signIn,
  type TestApp,
} from './app.js';

/**
 * The people of the policy table (docs/decisions/003-visibility-model.md), for any owned table: who sees a record
 * of each visibility and who may edit it, for a record owned by France and for one owned by the network.
 */
export type Who = 'administrator' | 'coordinator' | 'contactPointFR' | 'staffFR' | 'staffMA' | 'partner' | 'anonymous';

export const everyone: Who[] = [
  'administrator',
  'coordinator',
  'contactPointFR',
  'staffFR',
  'staffMA',
  'partner',
  'anonymous',
];

const all = [...visibilities];
const shared: Visibility[] = ['group', 'partners', 'public'];
const outside: Visibility[] = ['partners', 'public'];

export interface PolicyTable {
  canSee: Record<Who, Visibility[]>;
  canEdit: Record<Who, boolean>;
}

export const ownedByFrance: PolicyTable = {
  canSee: {
    administrator: all,
    coordinator: shared,
    contactPointFR: all,
    staffFR: all,
    staffMA: shared,
    partner: outside,
    anonymous: ['public'],
  },
  canEdit: {
    administrator: true,
    coordinator: false,
    contactPointFR: true,
    staffFR: true,
    staffMA: false,
    partner: false,
    anonymous: false,
  },
};

export const ownedByNetwork: PolicyTable = {
  canSee: {
    administrator: all,
    coordinator: all,
    contactPointFR: shared,
    staffFR: shared,
    staffMA: shared,
    partner: outside,
    anonymous: ['public'],
  },
  canEdit: {
    administrator: true,
    coordinator: true,
    contactPointFR: false,
    staffFR: false,
    staffMA: false,
    partner: false,
    anonymous: false,
  },
};

/** Every person × every visibility. */
export const matrix = everyone.flatMap((who) => visibilities.map((visibility) => [who, visibility] as const));

/** The expected answer to an edit: 401 for the public, 404 when invisible, else 200 or 403. */
export function expectedEditStatus(table: PolicyTable, who: Who, visibility: Visibility): number {
  if (who === 'anonymous') return 401;
  if (!table.canSee[who].includes(visibility)) return 404;
  return table.canEdit[who] ? 200 : 403;
}

/** Signs in one person of each kind (the partner as UNHCR); the anonymous public has no session. */
export async function signInEveryone(t: TestApp): Promise<Record<Who, Session | null>> {
  const france = await institutionId(t.db, 'FR');
  const morocco = await institutionId(t.db, 'MA');
  const unhcr = await t.db
    .selectFrom('partners')
    .select('id')
    .where('acronym_en', '=', 'UNHCR')
    .executeTakeFirstOrThrow();
  const users = {
    coordinator: await createUser(t.db, 'coordinator'),
    contactPointFR: await createUser(t.db, 'contact_point', { institutionId: france }),
    staffFR: await createUser(t.db, 'staff', { institutionId: france }),
    staffMA: await createUser(t.db, 'staff', { institutionId: morocco }),
    partner: await createUser(t.db, 'partner', { partnerId: unhcr.id }),
  };
  const sessions = { anonymous: null } as Record<Who, Session | null>;
  sessions.administrator = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  for (const [who, user] of Object.entries(users)) sessions[who as Who] = await signIn(t.app, user.email, PASSWORD);
  return sessions;
}
