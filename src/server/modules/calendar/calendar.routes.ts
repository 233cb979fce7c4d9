import { z } from 'zod';
import {
  calendarEvents,
  calendarFeedCreate,
  calendarFeedCreated,
  calendarFeedList,
  calendarQuery,
} from '../../../shared/contract/activities.js';
import { idParams } from '../../../shared/contract/common.js';
import { notFound } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import * as service from './calendar.service.js';

const tag = 'calendar';

export const calendarRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendar',
    operationId: 'listCalendarEvents',
    summary:
      'Events the caller may see between two dates (at most two years), by kind, axis or institution, earliest first',
    tag,
    access: 'public',
    query: calendarQuery,
    response: calendarEvents,
    handler: ({ db, actor, query }) => service.calendarEvents(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendar/feeds',
    operationId: 'listCalendarFeeds',
    summary: 'The caller’s live iCalendar feeds, and those of their institution (their secret addresses are not shown)',
    tag,
    access: 'user',
    response: calendarFeedList,
    handler: ({ db, actor }) => service.listFeeds(db, actor),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/calendar/feeds',
    operationId: 'createCalendarFeed',
    summary:
      'Create an iCalendar feed: the caller’s own (what they may see, as long as their account is active) or their institution’s (its activities as its staff see them). The secret address is returned once.',
    tag,
    access: 'user',
    body: calendarFeedCreate,
    response: calendarFeedCreated,
    status: 201,
    handler: ({ db, config, actor, requestId, body }) => service.createFeed(db, config, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/calendar/feeds/{id}',
    operationId: 'revokeCalendarFeed',
    summary: 'Revoke a feed: its address stops working at once',
    tag,
    access: 'user',
    params: idParams,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params }) => {
      await service.revokeFeed(db, { actor, requestId }, params.id);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/calendar.ics',
    operationId: 'readCalendarFeed',
    summary: 'An iCalendar feed (text/calendar) by its secret token; an unknown or revoked token is a 404',
    tag,
    access: 'public',
    query: z.strictObject({ token: z.string().min(1).max(200) }),
    response: z.string().describe('text/calendar'),
    raw: true,
    handler: async ({ db, config, query, reply }) => {
      const text = await service.feedCalendar(db, config, query.token);
      if (text === null) throw notFound();
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="vigie.ics"')
        .send(text);
      return undefined;
    },
  }),
];
