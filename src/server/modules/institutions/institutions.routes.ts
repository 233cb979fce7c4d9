import { z } from 'zod';
import { booleanQuery, countryCode, idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  associationStatuses,
  dataStatuses,
  institution,
  institutionCreate,
  institutionKinds,
  institutionUpdate,
  membershipStatuses,
} from '../../../shared/contract/network.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './institutions.service.js';

const tag = 'network';

export const institutionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/institutions',
    operationId: 'listInstitutions',
    summary: 'List the institutions the caller may see, members of the working group and others',
    tag,
    access: 'public',
    query: listQuery(['name', 'country', 'kind', 'updatedAt'], 'name', {
      q: z.string().trim().max(200).optional(),
      country: countryCode.optional(),
      kind: z.enum(institutionKinds).optional(),
      association: z.string().trim().max(20).optional(),
      associationStatus: z.enum(associationStatuses).optional(),
      membershipStatus: z.enum(membershipStatuses).optional(),
      member: booleanQuery.optional(),
      dataStatus: z.enum(dataStatuses).optional(),
    }),
    response: pageOf(institution),
    handler: ({ db, actor, query }) => service.listInstitutions(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/institutions/{id}',
    operationId: 'getInstitution',
    summary: 'One institution, with its association memberships and working-group memberships',
    tag,
    access: 'public',
    params: idParams,
    response: institution,
    handler: ({ db, actor, params }) => service.getInstitution(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/institutions',
    operationId: 'createInstitution',
    summary: 'Register an institution',
    tag,
    access: 'user',
    body: institutionCreate,
    response: institution,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createInstitution(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/institutions/{id}',
    operationId: 'updateInstitution',
    summary: 'Edit an institution (send the version you edited; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: institutionUpdate,
    response: institution,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateInstitution(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/institutions/{id}',
    operationId: 'deleteInstitution',
    summary: 'Delete an institution that nothing refers to',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteInstitution(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
