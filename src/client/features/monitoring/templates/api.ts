import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChecklistTemplate,
  checklistTemplateSummary,
  checklistTemplateUpdate,
} from '../../../../shared/contract/monitoring';
import { apiRequest, type Page } from '../../../api/http';
import { monitoringKey, refreshMonitoring } from '../shared/queries';

export type TemplateSummary = z.infer<typeof checklistTemplateSummary>;
export type TemplateChanges = z.input<typeof checklistTemplateUpdate>;

export const templateSorts = ['name', 'updatedAt'] as const;
export const templateFilters = ['q', 'active'] as const;

const keys = {
  list: (query: Record<string, string | number>) => [...monitoringKey, 'templates', 'list', query] as const,
  detail: (id: string) => [...monitoringKey, 'templates', 'detail', id] as const,
};

export function useTemplates(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<TemplateSummary>>('/checklist-templates', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTemplate(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<ChecklistTemplate>(`/checklist-templates/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useUpdateTemplate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateChanges) =>
      apiRequest<ChecklistTemplate>(`/checklist-templates/${id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(id), saved);
      return refreshMonitoring(queryClient);
    },
  });
}

export function useAdoptTemplate() {
  const queryClient = useQueryClient();
  return (current: ChecklistTemplate | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}
