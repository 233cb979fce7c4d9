import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DocumentDetail, DocumentSummary, DocumentUploadLimits } from '../../../shared/contract/documents';
import type { Visibility } from '../../../shared/roles';
import { apiRequest, apiUpload, type Page } from '../../api/http';

export const documentSorts = ['title', 'updatedAt', 'size', 'language'] as const;
export const documentFilters = ['q', 'language', 'type', 'institution'] as const;

const keys = {
  all: ['documents'] as const,
  lists: ['documents', 'list'] as const,
  list: (query: Record<string, string | number>) => ['documents', 'list', query] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  limits: ['documents', 'limits'] as const,
};

/** Where a version's bytes are downloaded from (a plain link: the session cookie is enough for a GET). */
export function contentUrl(id: string, version?: number): string {
  return `/api/v1/documents/${id}/content${version === undefined ? '' : `?version=${version}`}`;
}

export function useDocuments(query: Record<string, string | number>, enabled = true) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<DocumentSummary>>('/documents', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<DocumentDetail>(`/documents/${id}`, { signal }),
  });
}

/** What the server accepts: its size limit and types, to say so before a file is sent. */
export function useUploadLimits() {
  return useQuery({
    queryKey: keys.limits,
    queryFn: ({ signal }) => apiRequest<DocumentUploadLimits>('/documents/upload-limits', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface UploadInput {
  file: File;
  title?: string;
  description?: string;
  language?: string;
  visibility?: Visibility;
  entity?: string;
  entityId?: string;
}

function formOf(fields: Record<string, string | undefined>, file: File): FormData {
  const form = new FormData();
  // Fields first: the server reads them before it streams the file.
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') form.append(name, value);
  }
  form.append('file', file, file.name);
  return form;
}

/** Uploads a new document (attached at once when `entity` and `entityId` are given), with its progress. */
export function useUploadDocument() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: ({ file, ...fields }: UploadInput) => {
      setProgress(0);
      return apiUpload<DocumentDetail>('/documents', formOf({ ...fields }, file), { onProgress: setProgress });
    },
    onSettled: () => setProgress(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
  return { ...mutation, progress };
}

/** Uploads a new version of a document. */
export function useUploadVersion(id: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return apiUpload<DocumentDetail>(`/documents/${id}/versions`, formOf({}, file), { onProgress: setProgress });
    },
    onSettled: () => setProgress(null),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: keys.lists });
    },
  });
  return { ...mutation, progress };
}

export interface DocumentChanges {
  title?: string;
  description?: string | null;
  language?: string | null;
  visibility?: Visibility;
  version: number;
}

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentChanges) => apiRequest<DocumentDetail>(`/documents/${id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: keys.lists });
    },
  });
}

export function useAdoptDocument() {
  const queryClient = useQueryClient();
  return (current: DocumentDetail | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/documents/${id}`, { method: 'DELETE', query: { version } }),
    // Only the lists: the deleted document's page is still on screen until the caller navigates away.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

export function useDetachDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, entity, entityId }: { id: string; entity: string; entityId: string }) =>
      apiRequest<undefined>(`/documents/${id}/links/${entity}/${entityId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
