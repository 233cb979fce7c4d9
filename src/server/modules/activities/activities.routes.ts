import { z } from 'zod';
import {
  activity,
  activityCreate,
  activityFilters,
  activitySorts,
  activityUpdate,
  followUp,
  followUpCreate,
  followUpUpdate,
  statementResponse,
  statementResponseCreate,
  statementResponseUpdate,
} from '../../../shared/contract/activities.js';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './activities.service.js';

const tag = 'activities';
const followUpParams = z.strictObject({ id: z.uuid(), followUpId: z.uuid() });
const responseParams = z.strictObject({ id: z.uuid(), responseId: z.uuid() });

export const activityRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/activities',
    operationId: 'listActivities',
    summary:
      'List the activities of axes 1–3 the caller may see (dialogue bodies and meetings, trainings, statements, study visits, courses)',
    tag,
    access: 'public',
    query: listQuery(activitySorts, 'startsAt', activityFilters),
    response: pageOf(activity),
    handler: ({ db, actor, query }) => service.listActivities(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/activities/{id}',
    operationId: 'getActivity',
    summary: 'One activity, with its institutions, partners, plan actions, follow-up items and responses',
    tag,
    access: 'public',
    params: idParams,
    response: activity,
    handler: ({ db, actor, params }) => service.getActivity(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/activities',
    operationId: 'createActivity',
    summary: 'Record an activity, owned by the caller’s institution unless said otherwise',
    tag,
    access: 'user',
    body: activityCreate,
    response: activity,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createActivity(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/activities/{id}',
    operationId: 'updateActivity',
    summary: 'Edit an activity (send the version you edited; a stale version gets 409; details are replaced whole)',
    tag,
    access: 'user',
    params: idParams,
    body: activityUpdate,
    response: activity,
    handler: ({ db, actor, requestId, params, body, request }) =>
      // The details are read again with the schema of the activity's kind, from the body as sent.
      service.updateActivity(
        db,
        { actor, requestId },
        params.id,
        body,
        (request.body as { details?: unknown } | undefined)?.details,
      ),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/activities/{id}',
    operationId: 'deleteActivity',
    summary: 'Delete an activity (a dialogue body only once it has no meetings)',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteActivity(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/activities/{id}/follow-ups',
    operationId: 'createFollowUp',
    summary: 'Add a follow-up item to an activity (owner, due date, status)',
    tag,
    access: 'user',
    params: idParams,
    body: followUpCreate,
    response: followUp,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) =>
      service.createFollowUp(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/activities/{id}/follow-ups/{followUpId}',
    operationId: 'updateFollowUp',
    summary: 'Edit a follow-up item or move its status on (versioned)',
    tag,
    access: 'user',
    params: followUpParams,
    body: followUpUpdate,
    response: followUp,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateFollowUp(db, { actor, requestId }, params.id, params.followUpId, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/activities/{id}/follow-ups/{followUpId}',
    operationId: 'deleteFollowUp',
    summary: 'Delete a follow-up item',
    tag,
    access: 'user',
    params: followUpParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteFollowUp(db, { actor, requestId }, params.id, params.followUpId, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/activities/{id}/responses',
    operationId: 'createStatementResponse',
    summary: 'Record an authority’s response to a statement',
    tag,
    access: 'user',
    params: idParams,
    body: statementResponseCreate,
    response: statementResponse,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) =>
      service.createResponse(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/activities/{id}/responses/{responseId}',
    operationId: 'updateStatementResponse',
    summary: 'Edit a response to a statement (versioned)',
    tag,
    access: 'user',
    params: responseParams,
    body: statementResponseUpdate,
    response: statementResponse,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateResponse(db, { actor, requestId }, params.id, params.responseId, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/activities/{id}/responses/{responseId}',
    operationId: 'deleteStatementResponse',
    summary: 'Delete a response to a statement',
    tag,
    access: 'user',
    params: responseParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteResponse(db, { actor, requestId }, params.id, params.responseId, query.version);
      return undefined;
    },
  }),
];
