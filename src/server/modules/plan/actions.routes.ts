import { z } from 'zod';
import { booleanQuery, countryCode, idParams, isoDate, versionQuery } from '../../../shared/contract/common.js';
import { action, actionCreate, actionStatuses, actionUpdate } from '../../../shared/contract/plan.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './actions.service.js';

const tag = 'plan';

export const actionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/actions',
    operationId: 'listActions',
    summary: 'List the plan actions the caller may see',
    tag,
    access: 'public',
    query: listQuery(['title', 'plannedStart', 'plannedEnd', 'status', 'updatedAt', 'axis'], 'axis', {
      planId: z.uuid().optional(),
      axisId: z.uuid().optional().describe('an axis takes in the actions of its sub-items'),
      institutionId: z.uuid().optional().describe('leading or taking part'),
      status: z.enum(actionStatuses).optional(),
      overdue: booleanQuery.optional().describe('past the planned end and neither done nor cancelled'),
      q: z.string().trim().max(200).optional(),
      from: isoDate.optional().describe('planned dates overlapping [from, to]'),
      to: isoDate.optional(),
      country: countryCode.optional().describe('involving (leading or taking part) an institution of this country'),
    }),
    response: pageOf(action),
    handler: ({ db, actor, query }) => service.listActions(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/actions/{id}',
    operationId: 'getAction',
    summary: 'One plan action',
    tag,
    access: 'public',
    params: idParams,
    response: action,
    handler: ({ db, actor, params }) => service.getAction(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/actions',
    operationId: 'createAction',
    summary: 'Add an action to an axis or sub-item (staff and contact points: led by their own institution)',
    tag,
    access: 'user',
    body: actionCreate,
    response: action,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createAction(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/actions/{id}',
    operationId: 'updateAction',
    summary: 'Edit an action (send the version you edited; a stale one gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: actionUpdate,
    response: action,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateAction(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/actions/{id}',
    operationId: 'deleteAction',
    summary: 'Delete an action that no indicator, linked record or carried-over action refers to',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteAction(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
