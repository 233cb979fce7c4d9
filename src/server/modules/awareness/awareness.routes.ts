import { z } from 'zod';
import {
  awarenessFilters,
  awarenessReach,
  awarenessReachQuery,
  awarenessSession,
  awarenessSessionCreate,
  awarenessSessionSummary,
  awarenessSessionUpdate,
  material,
  materialCreate,
  materialFilters,
  materialTransition,
  materialUpdate,
} from '../../../shared/contract/awareness.js';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as materials from './materials.service.js';
import * as sessions from './sessions.service.js';

const tag = 'awareness';

/** Axis 4: awareness sessions and campaigns, their honest reach, and the materials library. */
export const awarenessRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/awareness-sessions',
    operationId: 'listAwarenessSessions',
    summary: 'List the awareness sessions and campaigns the caller may see',
    tag,
    access: 'public',
    query: listQuery(['startsOn', 'title', 'setting', 'channel', 'updatedAt'], 'startsOn', awarenessFilters),
    response: pageOf(awarenessSessionSummary),
    handler: ({ db, actor, query }) => sessions.listSessions(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/awareness-sessions/reach',
    operationId: 'getAwarenessReach',
    summary:
      'Children (sex × age band × status) and adults reached, each group counted once across its repeats, and media audiences apart',
    tag,
    access: 'public',
    query: awarenessReachQuery,
    response: awarenessReach,
    handler: ({ db, actor, query }) => sessions.getReach(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/awareness-sessions/{id}',
    operationId: 'getAwarenessSession',
    summary: 'One awareness session or campaign, with its reach grid',
    tag,
    access: 'public',
    params: idParams,
    response: awarenessSession,
    handler: ({ db, actor, params }) => sessions.getSession(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/awareness-sessions',
    operationId: 'createAwarenessSession',
    summary: 'Record a session or campaign (repeatOfId: a repeat with the same group, whose children count once)',
    tag,
    access: 'user',
    body: awarenessSessionCreate,
    response: awarenessSession,
    status: 201,
    handler: ({ db, actor, requestId, body }) => sessions.createSession(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/awareness-sessions/{id}',
    operationId: 'updateAwarenessSession',
    summary: 'Edit a session (send the version you edited; a stale version gets 409; a grid sent replaces the grid)',
    tag,
    access: 'user',
    params: idParams,
    body: awarenessSessionUpdate,
    response: awarenessSession,
    handler: ({ db, actor, requestId, params, body }) =>
      sessions.updateSession(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/awareness-sessions/{id}',
    operationId: 'deleteAwarenessSession',
    summary: 'Delete a session that no repeat points at',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await sessions.deleteSession(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/materials',
    operationId: 'listMaterials',
    summary: 'The materials library: leaflets, posters, videos… per language and age range, with approval status',
    tag,
    access: 'public',
    query: listQuery(['title', 'kind', 'status', 'updatedAt'], 'title', materialFilters),
    response: pageOf(material),
    handler: ({ db, actor, query }) => materials.listMaterials(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/materials/{id}',
    operationId: 'getMaterial',
    summary: 'One material',
    tag,
    access: 'public',
    params: idParams,
    response: material,
    handler: ({ db, actor, params }) => materials.getMaterial(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/materials',
    operationId: 'createMaterial',
    summary: 'Add a material to the library, as a draft',
    tag,
    access: 'user',
    body: materialCreate,
    response: material,
    status: 201,
    handler: ({ db, actor, requestId, body }) => materials.createMaterial(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/materials/{id}',
    operationId: 'updateMaterial',
    summary: 'Edit a material (send the version you edited; a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: materialUpdate,
    response: material,
    handler: ({ db, actor, requestId, params, body }) =>
      materials.updateMaterial(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/materials/{id}/transition',
    operationId: 'transitionMaterial',
    summary: 'Move a material through its approval: draft → in_review → approved → withdrawn → draft',
    tag,
    access: 'user',
    params: idParams,
    body: materialTransition,
    response: material,
    handler: ({ db, actor, requestId, params, body }) =>
      materials.transitionMaterial(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/materials/{id}',
    operationId: 'deleteMaterial',
    summary: 'Delete a material no session used (a used one is withdrawn instead)',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await materials.deleteMaterial(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
