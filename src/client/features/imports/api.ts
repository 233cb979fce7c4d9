import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportKind, ImportLayout, ImportPreview, ImportResult } from '../../../shared/contract/imports';
import type { VisitSummary } from '../../../shared/contract/monitoring';
import { apiRequest, apiUpload, type Page } from '../../api/http';

const keys = {
  layout: (kind: ImportKind, language: string) => ['imports', 'layout', kind, language] as const,
  visits: ['imports', 'visits'] as const,
};

/** Where a kind's template is downloaded from (a plain link: the session cookie is enough for a GET). */
export function templateUrl(kind: ImportKind, format: 'csv' | 'xlsx'): string {
  return `/api/v1/imports/${kind}/template.${format}`;
}

/** The columns a kind reads, labelled in the interface language. */
export function useImportLayout(kind: ImportKind, language: string) {
  return useQuery({
    queryKey: keys.layout(kind, language),
    queryFn: ({ signal }) => apiRequest<ImportLayout>(`/imports/${kind}/columns`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Visits the user sees, newest first: recommendations are imported into one of them. */
export function useVisitChoices(enabled: boolean) {
  return useQuery({
    queryKey: keys.visits,
    queryFn: ({ signal }) =>
      apiRequest<Page<VisitSummary>>('/visits', {
        query: { pageSize: 100, sort: 'startsOn', order: 'desc' },
        signal,
      }),
    enabled,
  });
}

export interface ImportInput {
  kind: ImportKind;
  file: File;
  visitId?: string | undefined;
  checksum?: string;
}

function formOf({ file, visitId, checksum }: ImportInput): FormData {
  const form = new FormData();
  // Fields first: the server reads them before it reads the file.
  if (checksum) form.append('checksum', checksum);
  if (visitId) form.append('visitId', visitId);
  form.append('file', file, file.name);
  return form;
}

/** Sends the file for a preview (nothing is written), with the upload's progress. */
export function usePreviewImport() {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (input: ImportInput) => {
      setProgress(0);
      return apiUpload<ImportPreview>(`/imports/${input.kind}/preview`, formOf(input), { onProgress: setProgress });
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

/** Imports the previewed file: every row or none. Lists of every kind are refreshed afterwards. */
export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput & { checksum: string }) =>
      apiUpload<ImportResult>(`/imports/${input.kind}`, formOf(input)),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
