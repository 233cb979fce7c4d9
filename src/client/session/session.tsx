import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect } from 'react';
import type { z } from 'zod';
import type { session as sessionSchema, twoFactorState, User } from '../../shared/contract/users';
import type { InterfaceLanguage } from '../../shared/languages';
import { type Permission, roleHas } from '../../shared/roles';
import {
  ApiError,
  apiRequest,
  setCsrfToken,
  setEnrollmentRequiredHandler,
  setUnauthenticatedHandler,
} from '../api/http';
import { notifyError, notifyWarning } from '../components/notify';
import i18n, { switchLanguage } from '../i18n/i18n';
import { rememberLanguage } from '../i18n/language';

/** The session as signing in returns it; `/auth/me` adds the two-factor state (on, and required of the role). */
export type Session = z.infer<typeof sessionSchema> & { twoFactor?: z.infer<typeof twoFactorState> };

const sessionKey = ['session'] as const;

/** Settles once the language's messages are loaded and on screen. */
function adoptLanguage(language: InterfaceLanguage): Promise<void> {
  rememberLanguage(language);
  return switchLanguage(language);
}

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    await adoptLanguage(session.user.language);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

function storeSession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionKey, session);
}

/** Keeps the session in the query cache and drops it, saying so, when the server says it has expired. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (!queryClient.getQueryData<Session | null>(sessionKey)) return;
      storeSession(queryClient, null);
      notifyWarning(i18n.t('common:errors.signedOut'));
    });
    // Held back until two-factor authentication is set up (a rule an administrator may have just made):
    // reload the session, whose state sends the user to enrolment.
    setEnrollmentRequiredHandler(() => void queryClient.invalidateQueries({ queryKey: sessionKey }));
    return () => {
      setUnauthenticatedHandler(null);
      setEnrollmentRequiredHandler(null);
    };
  }, [queryClient]);
  return children;
}

export type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'error'; user: null; error: Error; retry: () => void }
  | { status: 'anonymous'; user: null }
  | {
      status: 'authenticated';
      user: User;
      /** The user's role requires two-factor authentication and they have not set it up: only enrolment is open. */
      enrollmentRequired: boolean;
      /** Whether two-factor authentication is on and required of the role (unknown until /auth/me answered). */
      twoFactor: { enabled: boolean; required: boolean } | undefined;
    };

export function useSession(): SessionState {
  // Checked again when the window regains focus after a minute, so an expired session is noticed early.
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  if (query.isPending) return { status: 'loading', user: null };
  if (query.isError) return { status: 'error', user: null, error: query.error, retry: () => void query.refetch() };
  if (!query.data) return { status: 'anonymous', user: null };
  const twoFactor = query.data.twoFactor;
  return {
    status: 'authenticated',
    user: query.data.user,
    enrollmentRequired: twoFactor?.required === true && !twoFactor.enabled,
    twoFactor,
  };
}

/** The signed-in user; only for components rendered behind the session guard. */
export function useCurrentUser(): User {
  const session = useSession();
  if (session.status !== 'authenticated') throw new Error('useCurrentUser needs a signed-in user');
  return session.user;
}

/** Whether the user's role holds any of these permissions (for showing entry points; the server decides). */
export function useCan(...permissions: Permission[]): boolean {
  const session = useSession();
  const role = session.user?.role ?? null;
  return permissions.some((permission) => roleHas(role, permission));
}

/**
 * After login or a one-time link: remember the session, forget any other user's cached data, and use their saved
 * language (unless the caller is about to save the one on screen instead).
 */
export function useSignIn(): (session: Session, options?: { keepLanguage?: boolean }) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session, options?: { keepLanguage?: boolean }) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      storeSession(queryClient, session);
      if (!options?.keepLanguage) {
        adoptLanguage(session.user.language).catch(notifyError);
        // Signing in answers the session without the two-factor state: /auth/me has it.
        if (!session.twoFactor) void queryClient.invalidateQueries({ queryKey: sessionKey });
      }
    },
    [queryClient],
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      storeSession(queryClient, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}

/** Reloads the session from the server (after a change to the second factor, which it reports). */
export function useReloadSession(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: sessionKey }), [queryClient]);
}

/** Ends every session of the user, this one included; then as after signing out. */
export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>('/auth/logout-everywhere', { method: 'POST' }),
    onSuccess: () => {
      storeSession(queryClient, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
}

export interface MeUpdate {
  name?: string;
  language?: InterfaceLanguage;
}

/** PATCH /auth/me answers with the session shape or the bare user; both are accepted. */
function userFrom(payload: Session | User): User {
  return 'user' in payload ? payload.user : payload;
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: MeUpdate) => {
      const current = queryClient.getQueryData<Session | null>(sessionKey);
      if (!current) throw new ApiError(401, 'unauthenticated', i18n.t('common:errors.signedOut'));
      const payload = await apiRequest<Session | User>('/auth/me', {
        method: 'PATCH',
        body: { ...changes, version: current.user.version },
      });
      return userFrom(payload);
    },
    onSuccess: (user) => {
      queryClient.setQueryData<Session | null>(sessionKey, (current) => (current ? { ...current, user } : current));
      adoptLanguage(user.language);
    },
    onError: (error) => {
      // A stale version means the profile changed elsewhere: take the current one so the next attempt succeeds.
      if (!(error instanceof ApiError && error.isVersionConflict)) return;
      const user = error.current<User>();
      if (user)
        queryClient.setQueryData<Session | null>(sessionKey, (current) => (current ? { ...current, user } : current));
      else void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** Switches the interface language; when signed in, saves it on the user's profile too. */
export function useLanguageSwitch() {
  const session = useSession();
  const updateMe = useUpdateMe();
  return {
    pending: updateMe.isPending,
    switchTo: async (language: InterfaceLanguage) => {
      await adoptLanguage(language);
      if (session.status === 'authenticated' && session.user.language !== language) {
        await updateMe.mutateAsync({ language });
      }
    },
  };
}
