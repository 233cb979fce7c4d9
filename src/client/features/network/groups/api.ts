import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  group,
  groupMember,
  groupUpdate,
  membershipCreate,
  membershipStatusChange,
  membershipStatusUpdate,
} from '../../../../shared/contract/network';
import { apiRequest, type Page } from '../../../api/http';

export type Group = z.infer<typeof group>;
export type GroupMember = z.infer<typeof groupMember>;
export type MembershipStatusChange = z.infer<typeof membershipStatusChange>;

const keys = {
  all: ['groups'] as const,
  list: ['groups', 'list'] as const,
  detail: (id: string) => ['groups', 'detail', id] as const,
  members: (id: string) => ['groups', 'members', id] as const,
  history: (membershipId: string) => ['memberships', 'history', membershipId] as const,
};

export function useGroups() {
  return useQuery({
    queryKey: keys.list,
    queryFn: ({ signal }) => apiRequest<Page<Group>>('/groups', { query: { pageSize: 100 }, signal }),
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Group>(`/groups/${id}`, { signal }),
  });
}

export function useUpdateGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof groupUpdate>) => apiRequest<Group>(`/groups/${id}`, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}

/** After a version conflict: show the group as the server has it now. */
export function useAdoptGroup(id: string) {
  const queryClient = useQueryClient();
  return (current: Group | undefined) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}

export function useGroupMembers(id: string) {
  return useQuery({
    queryKey: keys.members(id),
    queryFn: ({ signal }) =>
      apiRequest<Page<GroupMember>>(`/groups/${id}/members`, {
        query: { pageSize: 100, sort: 'position', order: 'asc' },
        signal,
      }),
  });
}

export function useMembershipHistory(membershipId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.history(membershipId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: MembershipStatusChange[] }>(`/memberships/${membershipId}/history`, { signal }),
    enabled,
  });
}

/** Membership changes show on group pages and on institution pages: refresh both. */
function useInvalidateMemberships() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.all }),
      queryClient.invalidateQueries({ queryKey: ['memberships'] }),
      queryClient.invalidateQueries({ queryKey: ['institutions'] }),
    ]);
}

export function useAddMember(groupId: string) {
  const invalidate = useInvalidateMemberships();
  return useMutation({
    mutationFn: (body: z.input<typeof membershipCreate>) =>
      apiRequest<GroupMember>(`/groups/${groupId}/members`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateMembershipStatus(membershipId: string) {
  const invalidate = useInvalidateMemberships();
  return useMutation({
    mutationFn: (body: z.input<typeof membershipStatusUpdate>) =>
      apiRequest<unknown>(`/memberships/${membershipId}/status`, { method: 'PATCH', body }),
    onSuccess: invalidate,
    // A conflict means someone else changed it: the refreshed list carries the new version.
    onError: invalidate,
  });
}
