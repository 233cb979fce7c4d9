import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptInvitationBody,
  apiToken,
  apiTokenCreated,
  LoginResult,
  loginBody,
  loginTwoFactorBody,
  oneTimePurposes,
  passwordChange,
  recoveryCodes,
  resetPasswordBody,
  SessionInfo,
  setupBody,
  tokenInfo,
  twoFactorDisableBody,
  twoFactorSetup,
  twoFactorStatus,
} from '../../../shared/contract/users';
import { apiRequest } from '../../api/http';
import { type Session, useReloadSession } from '../../session/session';

export type OneTimePurpose = (typeof oneTimePurposes)[number];
export type TokenInfo = z.infer<typeof tokenInfo>;
export type ApiToken = z.infer<typeof apiToken>;
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;

export type { LoginResult, SessionInfo };
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;
export type TwoFactorSetup = z.infer<typeof twoFactorSetup>;
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

/** Signing in (or a link that signs in) answers a session, or the challenge of the second step. */
export function isChallenge(result: LoginResult): result is Extract<LoginResult, { twoFactorRequired: true }> {
  return 'twoFactorRequired' in result;
}

export const login = (body: z.input<typeof loginBody>) =>
  apiRequest<LoginResult>('/auth/login', { method: 'POST', body });

export const completeTwoFactorLogin = (body: z.input<typeof loginTwoFactorBody>) =>
  apiRequest<Session>('/auth/login/2fa', { method: 'POST', body });

export const checkToken = (token: string) =>
  apiRequest<TokenInfo>('/auth/check-token', { method: 'POST', body: { token } });

export const completeSetup = (body: z.input<typeof setupBody>) =>
  apiRequest<Session>('/auth/setup', { method: 'POST', body });

export const acceptInvitation = (body: z.input<typeof acceptInvitationBody>) =>
  apiRequest<LoginResult>('/auth/accept-invitation', { method: 'POST', body });

export const resetPassword = (body: z.input<typeof resetPasswordBody>) =>
  apiRequest<LoginResult>('/auth/reset-password', { method: 'POST', body });

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof passwordChange>) =>
      apiRequest<unknown>('/auth/password', { method: 'POST', body }),
  });
}

const tokensKey = ['auth', 'tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => apiRequest<{ items: ApiToken[] }>('/auth/tokens', { signal }),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest<ApiTokenCreated>('/auth/tokens', { method: 'POST', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<unknown>(`/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

// Two-factor authentication.

const twoFactorKey = ['auth', 'two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: twoFactorKey,
    queryFn: ({ signal }) => apiRequest<TwoFactorStatus>('/auth/2fa', { signal }),
  });
}

/** A new secret and its QR code; nothing changes until a code confirms it. */
export function useStartTwoFactorSetup() {
  return useMutation({ mutationFn: () => apiRequest<TwoFactorSetup>('/auth/2fa/setup', { method: 'POST' }) });
}

function useTwoFactorChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: twoFactorKey });
}

/**
 * Turns the second factor on. The session (which says whether enrolment is still required) is reloaded by the
 * caller once the person has put their recovery codes away: before that, nothing may move them off the page.
 */
export function useEnableTwoFactor() {
  const changed = useTwoFactorChanged();
  return useMutation({
    mutationFn: (code: string) => apiRequest<RecoveryCodes>('/auth/2fa/enable', { method: 'POST', body: { code } }),
    onSuccess: () => void changed(),
  });
}

export function useDisableTwoFactor() {
  const changed = useTwoFactorChanged();
  const reloadSession = useReloadSession();
  return useMutation({
    mutationFn: (body: z.input<typeof twoFactorDisableBody>) =>
      apiRequest<unknown>('/auth/2fa/disable', { method: 'POST', body }),
    onSuccess: () => Promise.all([changed(), reloadSession()]),
  });
}

export function useRegenerateRecoveryCodes() {
  const changed = useTwoFactorChanged();
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest<RecoveryCodes>('/auth/2fa/recovery-codes', { method: 'POST', body: { password } }),
    onSuccess: () => void changed(),
  });
}

// Sessions.

const sessionsKey = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => apiRequest<{ items: SessionInfo[] }>('/auth/sessions', { signal }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<unknown>(`/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ revoked: number }>('/auth/sessions/revoke-others', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
