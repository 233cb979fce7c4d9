import { z } from 'zod';
import { countryCode, idParams, versionQuery } from '../../../shared/contract/common.js';
import { partner, partnerCreate, partnerKinds, partnerUpdate } from '../../../shared/contract/network.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './partners.service.js';

const tag = 'network';

export const partnerRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/partners',
    operationId: 'listPartners',
    summary: 'List the partners the caller may see (international organisations, civil society and others)',
    tag,
    access: 'public',
    query: listQuery(['name', 'kind', 'country', 'updatedAt'], 'name', {
      q: z.string().trim().max(200).optional(),
      kind: z.enum(partnerKinds).optional(),
      country: countryCode.optional(),
    }),
    response: pageOf(partner),
    handler: ({ db, actor, query }) => service.listPartners(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/partners/{id}',
    operationId: 'getPartner',
    summary: 'One partner',
    tag,
    access: 'public',
    params: idParams,
    response: partner,
    handler: ({ db, actor, params }) => service.getPartner(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/partners',
    operationId: 'createPartner',
    summary: 'Register a partner, owned by the caller’s institution unless said otherwise',
    tag,
    access: 'user',
    body: partnerCreate,
    response: partner,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createPartner(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/partners/{id}',
    operationId: 'updatePartner',
    summary: 'Edit a partner (send the version you edited; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: partnerUpdate,
    response: partner,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updatePartner(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/partners/{id}',
    operationId: 'deletePartner',
    summary: 'Delete a partner that no user signs in as',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deletePartner(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
