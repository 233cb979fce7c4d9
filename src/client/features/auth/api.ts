import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptInvitationBody,
  apiToken,
  apiTokenCreated,
  loginBody,
  oneTimePurposes,
  passwordChange,
  resetPasswordBody,
  setupBody,
  tokenInfo,
} from '../../../shared/contract/users';
import { apiRequest } from '../../api/http';
import type { Session } from '../../session/session';

export type OneTimePurpose = (typeof oneTimePurposes)[number];
export type TokenInfo = z.infer<typeof tokenInfo>;
export type ApiToken = z.infer<typeof apiToken>;
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;

export const login = (body: z.input<typeof loginBody>) => apiRequest<Session>('/auth/login', { method: 'POST', body });

export const checkToken = (token: string) =>
  apiRequest<TokenInfo>('/auth/check-token', { method: 'POST', body: { token } });

export const completeSetup = (body: z.input<typeof setupBody>) =>
  apiRequest<Session>('/auth/setup', { method: 'POST', body });

export const acceptInvitation = (body: z.input<typeof acceptInvitationBody>) =>
  apiRequest<Session>('/auth/accept-invitation', { method: 'POST', body });

export const resetPassword = (body: z.input<typeof resetPasswordBody>) =>
  apiRequest<Session>('/auth/reset-password', { method: 'POST', body });

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
