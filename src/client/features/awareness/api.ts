import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AwarenessReach,
  AwarenessSession,
  AwarenessSessionSummary,
  awarenessSessionCreate,
  awarenessSessionUpdate,
  Material,
  materialCreate,
  materialUpdate,
} from '../../../shared/contract/awareness';
import { apiRequest, type Page } from '../../api/http';
import { useLocalizedText } from '../../i18n/localized';

export const sessionSorts = ['startsOn', 'title', 'setting', 'channel', 'updatedAt'] as const;
export const sessionFilters = [
  'q',
  'setting',
  'channel',
  'institutionId',
  'country',
  'language',
  'from',
  'to',
] as const;
export const reachFilters = ['from', 'to', 'institutionId', 'setting', 'channel', 'country'] as const;
export const materialSorts = ['title', 'kind', 'status', 'updatedAt'] as const;
export const materialFilters = ['q', 'kind', 'status', 'language', 'age', 'institutionId'] as const;

export type SessionInput = z.input<typeof awarenessSessionCreate>;
export type SessionChanges = z.input<typeof awarenessSessionUpdate>;
export type MaterialInput = z.input<typeof materialCreate>;
export type MaterialChanges = z.input<typeof materialUpdate>;

/** Every awareness query starts with this key: a session's change moves the reach, a material's its sessions. */
const awarenessKey = ['awareness'] as const;
const keys = {
  sessions: (query: Record<string, string | number>) => [...awarenessKey, 'sessions', query] as const,
  session: (id: string) => [...awarenessKey, 'session', id] as const,
  reach: (query: Record<string, string>) => [...awarenessKey, 'reach', query] as const,
  materials: (query: Record<string, string | number>) => [...awarenessKey, 'materials', query] as const,
  material: (id: string) => [...awarenessKey, 'material', id] as const,
};

/**
 * After a write: everything of awareness, and the plans (their progress shows the reach), except the record just
 * deleted, whose page is still on screen until the caller navigates away.
 */
function refresh(queryClient: QueryClient, deletedId?: string) {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: awarenessKey,
      predicate: (query) => deletedId === undefined || !query.queryKey.includes(deletedId),
    }),
    queryClient.invalidateQueries({ queryKey: ['plan', 'progress'] }),
  ]);
}

export function useSessions(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.sessions(query),
    queryFn: ({ signal }) => apiRequest<Page<AwarenessSessionSummary>>('/awareness-sessions', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: keys.session(id),
    queryFn: ({ signal }) => apiRequest<AwarenessSession>(`/awareness-sessions/${id}`, { signal }),
  });
}

export function useReach(query: Record<string, string>) {
  return useQuery({
    queryKey: keys.reach(query),
    queryFn: ({ signal }) => apiRequest<AwarenessReach>('/awareness-sessions/reach', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveSession(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionInput | SessionChanges) =>
      id
        ? apiRequest<AwarenessSession>(`/awareness-sessions/${id}`, { method: 'PATCH', body })
        : apiRequest<AwarenessSession>('/awareness-sessions', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.session(saved.id), saved);
      return refresh(queryClient);
    },
  });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/awareness-sessions/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_result, { id }) => refresh(queryClient, id),
  });
}

export function useAdoptSession() {
  const queryClient = useQueryClient();
  return (current: AwarenessSession | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.session(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.session(id) });
  };
}

export function useMaterials(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.materials(query),
    queryFn: ({ signal }) => apiRequest<Page<Material>>('/materials', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMaterial(id: string) {
  return useQuery({
    queryKey: keys.material(id),
    queryFn: ({ signal }) => apiRequest<Material>(`/materials/${id}`, { signal }),
  });
}

export function useSaveMaterial(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MaterialInput | MaterialChanges) =>
      id
        ? apiRequest<Material>(`/materials/${id}`, { method: 'PATCH', body })
        : apiRequest<Material>('/materials', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.material(saved.id), saved);
      return refresh(queryClient);
    },
  });
}

export function useTransitionMaterial(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: Material['approvalStatus']; version: number }) =>
      apiRequest<Material>(`/materials/${id}/transition`, { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.material(saved.id), saved);
      return refresh(queryClient);
    },
  });
}

export function useDeleteMaterial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/materials/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_result, { id }) => refresh(queryClient, id),
  });
}

export function useAdoptMaterial() {
  const queryClient = useQueryClient();
  return (current: Material | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.material(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.material(id) });
  };
}

interface Named {
  id: string;
  nameFr?: string;
  nameEn?: string | null;
  name?: string;
  title?: string;
  axisNumber?: string;
}

/** Options for the form's pickers: one page of 100 is enough for the network's partners, institutions, facilities. */
function useOptions(key: string, path: string, query: Record<string, string | number>, label: (row: Named) => string) {
  const result = useQuery({
    queryKey: [...awarenessKey, 'options', key],
    queryFn: ({ signal }) => apiRequest<Page<Named>>(path, { query: { pageSize: 100, ...query }, signal }),
    staleTime: 60_000,
  });
  return (result.data?.items ?? []).map((row) => ({ value: row.id, label: label(row), row }));
}

export function usePickerOptions() {
  const localized = useLocalizedText();
  return {
    institutions: useOptions('institutions', '/institutions', { sort: 'name' }, (r) =>
      localized(r.nameFr ?? '', r.nameEn ?? null),
    ),
    partners: useOptions('partners', '/partners', { sort: 'name' }, (r) => localized(r.nameFr ?? '', r.nameEn ?? null)),
    facilities: useOptions('facilities', '/facilities', { sort: 'name' }, (r) => r.name ?? ''),
    materials: useOptions('materials', '/materials', { sort: 'title' }, (r) => r.title ?? ''),
    // Awareness is axis 4 of the plan: its actions (4.1, 4.2, 4.3) are the ones a session serves.
    actions: useOptions('actions', '/actions', { sort: 'axis' }, (r) => `${r.axisNumber} · ${r.title}`).filter(
      (option) => option.row.axisNumber === '4' || option.row.axisNumber?.startsWith('4.'),
    ),
  };
}
