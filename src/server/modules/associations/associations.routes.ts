import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import { association, associationUpdate } from '../../../shared/contract/network.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './associations.service.js';

const tag = 'network';

export const associationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/associations',
    operationId: 'listAssociations',
    summary: 'List the associations of ombudsmen (AOM, AOMF and others), by code',
    tag,
    access: 'public',
    query: listQuery(['code', 'name'], 'code', { q: z.string().trim().max(200).optional() }),
    response: pageOf(association),
    handler: ({ db, actor, query }) => service.listAssociations(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/associations/{id}',
    operationId: 'getAssociation',
    summary: 'One association',
    tag,
    access: 'public',
    params: idParams,
    response: association,
    handler: ({ db, actor, params }) => service.getAssociation(db, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/associations/{id}',
    operationId: 'updateAssociation',
    summary: 'Edit an association (administrators and coordinators; send the version you edited)',
    tag,
    access: 'user',
    params: idParams,
    body: associationUpdate,
    response: association,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateAssociation(db, { actor, requestId }, params.id, body),
  }),
];
