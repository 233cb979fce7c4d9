import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EmailStatus,
  Notification,
  NotificationKind,
  NotificationMode,
  NotificationPreferences,
} from '../../../shared/contract/notifications';
import type { JobStatus } from '../../../shared/contract/operations';
import { apiRequest, type Page } from '../../api/http';

export type { EmailStatus, JobStatus, Notification, NotificationKind, NotificationMode, NotificationPreferences };

export const notificationSorts = ['createdAt', 'kind'] as const;
export const notificationFilters = ['unread', 'kind'] as const;

const keys = {
  all: ['notifications'] as const,
  list: (query: Record<string, string | number>) => ['notifications', 'list', query] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
  email: ['admin', 'email'] as const,
  jobs: ['admin', 'jobs'] as const,
};

/** The unread count in the header: asked again every minute, and whenever a notification is read. */
export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unread,
    queryFn: ({ signal }) => apiRequest<{ unread: number }>('/notifications/unread-count', { signal }),
    refetchInterval: 60_000,
  });
}

export function useNotifications(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Notification>>('/notifications', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<Notification>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: ({ signal }) => apiRequest<NotificationPreferences>('/notifications/preferences', { signal }),
  });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (modes: Partial<Record<NotificationKind, NotificationMode>>) =>
      apiRequest<NotificationPreferences>('/notifications/preferences', { method: 'PUT', body: { modes } }),
    onSuccess: (saved) => queryClient.setQueryData(keys.preferences, saved),
  });
}

export interface UnsubscribeStatus {
  kind: NotificationKind;
  email: string;
  subscribed: boolean;
}

export function useUnsubscribeStatus(token: string) {
  return useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: ({ signal }) => apiRequest<UnsubscribeStatus>('/notifications/unsubscribe', { query: { token }, signal }),
    enabled: token !== '',
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<UnsubscribeStatus>('/notifications/unsubscribe', { method: 'POST', query: { token } }),
    onSuccess: (status) => queryClient.setQueryData(['unsubscribe', token], status),
  });
}

export function useEmailStatus() {
  return useQuery({
    queryKey: keys.email,
    queryFn: ({ signal }) => apiRequest<EmailStatus>('/admin/email', { signal }),
  });
}

export function useSendTestEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<{ status: 'sent' | 'pending' | 'failed'; error: string | null }>('/admin/email/test', {
        method: 'POST',
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.email }),
  });
}

export function useJobs() {
  return useQuery({
    queryKey: keys.jobs,
    queryFn: ({ signal }) => apiRequest<{ items: JobStatus[] }>('/admin/jobs', { signal }),
  });
}

export interface JobRun {
  job: JobStatus;
  outcome: 'succeeded' | 'failed';
  error: string | null;
}

export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest<JobRun>(`/admin/jobs/${name}/run`, { method: 'POST' }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.jobs });
      void queryClient.invalidateQueries({ queryKey: keys.email });
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}
