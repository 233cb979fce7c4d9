import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import { declaration, declarationCreate, declarationUpdate } from '../../../shared/contract/network.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './declarations.service.js';

const tag = 'network';

export const declarationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/declarations',
    operationId: 'listDeclarations',
    summary: 'List the declarations the caller may see, by adoption date by default (undated ones last)',
    tag,
    access: 'public',
    query: listQuery(['adoptedOn', 'title'], 'adoptedOn', {
      q: z.string().trim().max(200).optional(),
      association: z.string().trim().max(20).optional(),
    }),
    response: pageOf(declaration),
    handler: ({ db, actor, query }) => service.listDeclarations(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/declarations/{id}',
    operationId: 'getDeclaration',
    summary: 'One declaration, with the associations that signed it',
    tag,
    access: 'public',
    params: idParams,
    response: declaration,
    handler: ({ db, actor, params }) => service.getDeclaration(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/declarations',
    operationId: 'createDeclaration',
    summary: 'Add a declaration (administrators and coordinators)',
    tag,
    access: 'user',
    body: declarationCreate,
    response: declaration,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createDeclaration(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/declarations/{id}',
    operationId: 'updateDeclaration',
    summary: 'Edit a declaration (send the version you edited; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: declarationUpdate,
    response: declaration,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateDeclaration(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/declarations/{id}',
    operationId: 'deleteDeclaration',
    summary: 'Delete a declaration',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteDeclaration(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
