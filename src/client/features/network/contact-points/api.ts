import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContactPoint, contactPointHandover, contactPointUpdate } from '../../../../shared/contract/network';
import { apiRequest } from '../../../api/http';

export type ContactPointChanges = z.input<typeof contactPointUpdate>;
export type Handover = z.input<typeof contactPointHandover>;

const key = (membershipId: string) => ['memberships', 'contact-points', membershipId] as const;

/** The current contact point first (no end date), then the earlier ones. */
export function useContactPoints(membershipId: string) {
  return useQuery({
    queryKey: key(membershipId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: ContactPoint[] }>(`/memberships/${membershipId}/contact-points`, { signal }),
  });
}

function useRefresh(membershipId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key(membershipId) }),
      // Group member lists show the current contact point's name.
      queryClient.invalidateQueries({ queryKey: ['groups'] }),
    ]);
}

export function useUpdateContactPoint(membershipId: string) {
  const refresh = useRefresh(membershipId);
  return useMutation({
    mutationFn: ({ id, ...body }: ContactPointChanges & { id: string }) =>
      apiRequest<ContactPoint>(`/contact-points/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useHandover(membershipId: string) {
  const refresh = useRefresh(membershipId);
  return useMutation({
    mutationFn: (body: Handover) =>
      apiRequest<ContactPoint>(`/memberships/${membershipId}/contact-points`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useAdoptContactPoint(membershipId: string) {
  const queryClient = useQueryClient();
  return (current: ContactPoint | undefined) => {
    if (current) {
      queryClient.setQueryData<{ items: ContactPoint[] }>(key(membershipId), (data) =>
        data ? { items: data.items.map((item) => (item.id === current.id ? current : item)) } : data,
      );
    } else void queryClient.invalidateQueries({ queryKey: key(membershipId) });
  };
}
