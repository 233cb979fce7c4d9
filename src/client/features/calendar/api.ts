import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarEvent,
  CalendarFeed,
  calendarFeedCreate,
  calendarFeedCreated,
} from '../../../shared/contract/activities';
import type { Institution } from '../../../shared/contract/network';
import { apiRequest } from '../../api/http';

export type CalendarQuery = { from: string; to: string; kind?: string; axis?: string; institutionId?: string };
export type FeedInput = z.input<typeof calendarFeedCreate>;
export type FeedCreated = z.infer<typeof calendarFeedCreated>;

const keys = {
  events: (query: CalendarQuery) => ['calendar', 'events', query] as const,
  feeds: ['calendar', 'feeds'] as const,
};

export function useCalendarEvents(query: CalendarQuery) {
  return useQuery({
    queryKey: keys.events(query),
    queryFn: ({ signal }) =>
      apiRequest<{ items: CalendarEvent[]; truncated: boolean }>('/calendar', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFeeds() {
  return useQuery({
    queryKey: keys.feeds,
    queryFn: ({ signal }) => apiRequest<{ items: CalendarFeed[] }>('/calendar/feeds', { signal }),
  });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedInput) => apiRequest<FeedCreated>('/calendar/feeds', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.feeds }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/calendar/feeds/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.feeds }),
  });
}

/** Institutions, to filter by and to name an institution's feed: the whole network fits in one page of 100. */
export function useInstitutions() {
  return useQuery({
    queryKey: ['calendar', 'institution-options'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: Institution[] }>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
}
