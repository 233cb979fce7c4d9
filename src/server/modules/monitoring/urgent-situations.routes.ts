import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  urgentSituation,
  urgentSituationCreate,
  urgentSituationDetail,
  urgentSituationUpdate,
} from '../../../shared/contract/monitoring.js';
import { MAX_PAGE_SIZE, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './urgent-situations.service.js';

const tag = 'monitoring';

export const urgentSituationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/visits/{id}/urgent-situations',
    operationId: 'listUrgentSituations',
    summary: 'A visit’s urgent individual situations, pseudonymous, without details (the visiting institution only)',
    tag,
    access: 'user',
    params: idParams,
    query: z.strictObject({
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
    }),
    response: pageOf(urgentSituation),
    handler: ({ db, actor, params, query }) => service.listSituations(db, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/visits/{id}/urgent-situations',
    operationId: 'createUrgentSituation',
    summary: 'Record an urgent situation found during a visit (details encrypted at rest)',
    tag,
    access: 'user',
    params: idParams,
    body: urgentSituationCreate,
    response: urgentSituation,
    status: 201,
    handler: ({ db, config, actor, requestId, params, body }) =>
      service.createSituation(db, config.encryptionKey, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/urgent-situations/{id}',
    operationId: 'updateUrgentSituation',
    summary: 'Edit an urgent situation (status, referral, details; stale version: 409)',
    tag,
    access: 'user',
    params: idParams,
    body: urgentSituationUpdate,
    response: urgentSituation,
    handler: ({ db, config, actor, requestId, params, body }) =>
      service.updateSituation(db, config.encryptionKey, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/urgent-situations/{id}',
    operationId: 'deleteUrgentSituation',
    summary: 'Delete an urgent situation',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteSituation(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/urgent-situations/{id}/reveal',
    operationId: 'revealUrgentSituation',
    summary: 'Read an urgent situation’s identifying details (decrypted; every read is audited)',
    tag,
    access: 'user',
    params: idParams,
    response: urgentSituationDetail,
    handler: ({ db, config, actor, requestId, params }) =>
      service.revealSituation(db, config.encryptionKey, { actor, requestId }, params.id),
  }),
];
