import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Institution, Partner } from '../../../shared/contract/network';
import type {
  oneTimeLink,
  User,
  userCreate,
  userCreated,
  userStatuses,
  userUpdate,
} from '../../../shared/contract/users';
import { apiRequest, type Page } from '../../api/http';
import { useT } from '../../i18n/use-t';

export const userSorts = ['name', 'email', 'role', 'lastLoginAt'] as const;
export const userFilters = ['q', 'role', 'status', 'institutionId'] as const;

export type UserStatus = (typeof userStatuses)[number];
export type UserInput = z.input<typeof userCreate>;
export type UserChanges = z.input<typeof userUpdate>;
export type UserCreated = z.infer<typeof userCreated>;
export type OneTimeLink = z.infer<typeof oneTimeLink>;

const keys = {
  all: ['users'] as const,
  list: (query: Record<string, string | number>) => ['users', 'list', query] as const,
};

export function useUsers(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<User>>('/users', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => apiRequest<UserCreated>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserChanges) => apiRequest<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
    onError: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function usePasswordResetLink(id: string) {
  return useMutation({
    mutationFn: () => apiRequest<OneTimeLink>(`/users/${id}/password-reset`, { method: 'POST' }),
  });
}

/** Institutions and partners to attach a user to: the whole network fits in one page of 100. */
export function useOrganisationOptions() {
  const institutions = useQuery({
    queryKey: ['users', 'institution-options'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Institution>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  const partners = useQuery({
    queryKey: ['users', 'partner-options'],
    queryFn: ({ signal }) => apiRequest<Page<Partner>>('/partners', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  // English names for English speakers when there is one; French, the working group's first language, otherwise.
  const english = useT().i18n.language === 'en';
  const named = (o: { id: string; nameFr: string; nameEn: string | null }) => ({
    value: o.id,
    label: english && o.nameEn ? o.nameEn : o.nameFr,
  });
  return {
    institutions: (institutions.data?.items ?? []).map(named),
    partners: (partners.data?.items ?? []).map(named),
  };
}
