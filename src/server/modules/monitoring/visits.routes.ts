import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  visit,
  visitCreate,
  visitFilters,
  visitSorts,
  visitSummary,
  visitTransition,
  visitUpdate,
} from '../../../shared/contract/monitoring.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './visits.service.js';

const tag = 'monitoring';

export const visitRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/visits',
    operationId: 'listVisits',
    summary: 'List the monitoring visits the caller may see (filters: facility, kind, country, status, type…)',
    tag,
    access: 'public',
    query: listQuery(visitSorts, 'startsOn', visitFilters),
    response: pageOf(visitSummary),
    handler: ({ db, actor, query }) => service.listVisits(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/visits/{id}',
    operationId: 'getVisit',
    summary: 'One visit: facility, institutions, partners, team, population on the day, status history',
    tag,
    access: 'public',
    params: idParams,
    response: visit,
    handler: ({ db, actor, params }) => service.getVisit(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/visits',
    operationId: 'createVisit',
    summary: 'Plan a visit, led by the caller’s institution unless said otherwise',
    tag,
    access: 'user',
    body: visitCreate,
    response: visit,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createVisit(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/visits/{id}',
    operationId: 'updateVisit',
    summary: 'Edit a visit (send the version you edited; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: visitUpdate,
    response: visit,
    handler: ({ db, actor, requestId, params, body }) => service.updateVisit(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/visits/{id}/transitions',
    operationId: 'transitionVisit',
    summary:
      'Move a visit along its workflow (planned → in progress → report drafted → validated → published, or closed)',
    tag,
    access: 'user',
    params: idParams,
    body: visitTransition,
    response: visit,
    handler: ({ db, actor, requestId, params, body }) =>
      service.transitionVisit(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/visits/{id}',
    operationId: 'deleteVisit',
    summary: 'Delete a visit that has issued no recommendation',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteVisit(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
