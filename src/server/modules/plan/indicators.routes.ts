import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import { indicator, indicatorCreate, indicatorUpdate } from '../../../shared/contract/plan.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './indicators.service.js';

const tag = 'plan';

export const indicatorRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/indicators',
    operationId: 'listIndicators',
    summary: 'List the indicators of the plans the caller may see',
    tag,
    access: 'public',
    query: listQuery(['code', 'name'], 'code', {
      planId: z.uuid().optional(),
      axisId: z.uuid().optional().describe('an axis takes in the indicators of its sub-items and actions'),
      actionId: z.uuid().optional(),
      q: z.string().trim().max(200).optional(),
    }),
    response: pageOf(indicator),
    handler: ({ db, actor, query }) => service.listIndicators(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/indicators/{id}',
    operationId: 'getIndicator',
    summary: 'One indicator',
    tag,
    access: 'public',
    params: idParams,
    response: indicator,
    handler: ({ db, actor, params }) => service.getIndicator(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/indicators',
    operationId: 'createIndicator',
    summary: 'Define an indicator of a plan, axis or action (administrators, coordinators)',
    tag,
    access: 'user',
    body: indicatorCreate,
    response: indicator,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createIndicator(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/indicators/{id}',
    operationId: 'updateIndicator',
    summary: 'Edit an indicator (its dimensions stay fixed once reported; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: indicatorUpdate,
    response: indicator,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateIndicator(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/indicators/{id}',
    operationId: 'deleteIndicator',
    summary: 'Delete an indicator that has no reports',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteIndicator(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
