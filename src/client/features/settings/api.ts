import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SecuritySettings, securitySettingsUpdate } from '../../../shared/contract/settings';
import { ApiError, apiRequest } from '../../api/http';

export type { SecuritySettings };

const securityKey = ['settings', 'security'] as const;

export function useSecuritySettings() {
  return useQuery({
    queryKey: securityKey,
    queryFn: ({ signal }) => apiRequest<SecuritySettings>('/settings/security', { signal }),
  });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof securitySettingsUpdate>) =>
      apiRequest<SecuritySettings>('/settings/security', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(securityKey, saved);
      // The rule may now hold back the administrator themself: the session says so.
      void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isVersionConflict) {
        const current = error.current<SecuritySettings>();
        if (current) queryClient.setQueryData(securityKey, current);
      }
    },
  });
}
