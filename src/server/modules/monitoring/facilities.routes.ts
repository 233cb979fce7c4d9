import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  facility,
  facilityCreate,
  facilityFilters,
  facilitySorts,
  facilityUpdate,
} from '../../../shared/contract/monitoring.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './facilities.service.js';

const tag = 'monitoring';

export const facilityRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/facilities',
    operationId: 'listFacilities',
    summary: 'List the places of detention or accommodation the caller may see, with their visit counts',
    tag,
    access: 'public',
    query: listQuery(facilitySorts, 'name', facilityFilters),
    response: pageOf(facility),
    handler: ({ db, actor, query }) => service.listFacilities(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/facilities/{id}',
    operationId: 'getFacility',
    summary: 'One facility (its visit history: GET /api/v1/visits?facility={id})',
    tag,
    access: 'public',
    params: idParams,
    response: facility,
    handler: ({ db, actor, params }) => service.getFacility(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/facilities',
    operationId: 'createFacility',
    summary: 'Register a facility, owned by the caller’s institution unless said otherwise',
    tag,
    access: 'user',
    body: facilityCreate,
    response: facility,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createFacility(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/facilities/{id}',
    operationId: 'updateFacility',
    summary: 'Edit a facility (send the version you edited; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: facilityUpdate,
    response: facility,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateFacility(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/facilities/{id}',
    operationId: 'deleteFacility',
    summary: 'Delete a facility that has never been visited',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteFacility(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
