import type { InterfaceLanguage } from '../../shared/languages.js';
import type { Role } from '../../shared/roles.js';

export interface ActorUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  institutionId: string | null;
  partnerId: string | null;
  language: InterfaceLanguage;
}

/** Who is asking: the anonymous public, or a person signed in by session cookie or API token. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: ActorUser; via: 'session'; sessionId: string; csrfToken: string }
  | { kind: 'user'; user: ActorUser; via: 'token'; tokenId: string };

export const anonymous: Actor = { kind: 'anonymous' };

export function roleOf(actor: Actor): Role | null {
  return actor.kind === 'user' ? actor.user.role : null;
}

export function userOf(actor: Actor): ActorUser | null {
  return actor.kind === 'user' ? actor.user : null;
}
