import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import {
  childPage,
  childPageDefaults,
  childPageParams,
  childPageStatusChange,
  childPageStatuses,
  childPageSummary,
  childPageWrite,
} from '../../../shared/contract/public-site.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './child-pages.service.js';

const tag = 'public-site';

export const childPageRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/institutions/{id}/child-pages',
    operationId: 'listChildPages',
    summary: 'The institution’s pages for children, one per language, with their status (its writers only)',
    tag,
    access: 'user',
    params: idParams,
    query: listQuery(['language', 'status', 'updatedAt'], 'language', {
      status: z.enum(childPageStatuses).optional(),
    }),
    response: pageOf(childPageSummary),
    handler: ({ db, actor, config, params, query }) =>
      service.listChildPages(db, actor, config.publicUrl, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/institutions/{id}/child-pages/{lang}',
    operationId: 'getChildPage',
    summary: 'One page for children in one language, whatever its status',
    tag,
    access: 'user',
    params: childPageParams,
    response: childPage,
    handler: ({ db, actor, config, params }) =>
      service.getChildPage(db, actor, config.publicUrl, params.id, params.lang),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/institutions/{id}/child-pages/{lang}/defaults',
    operationId: 'getChildPageDefaults',
    summary: 'The text a new page starts from: shipped child-friendly wording (English where none is shipped)',
    tag,
    access: 'user',
    params: childPageParams,
    response: childPageDefaults,
    handler: ({ db, actor, params }) => service.getDefaults(db, actor, params.id, params.lang),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/institutions/{id}/child-pages/{lang}',
    operationId: 'putChildPage',
    summary:
      'Write a page for children: without `version` it is created as a draft (409 if it exists); with the version ' +
      'edited, it is replaced (a stale version gets 409; a reviewed page goes back to draft)',
    tag,
    access: 'user',
    params: childPageParams,
    body: childPageWrite,
    response: childPage,
    handler: ({ db, actor, requestId, config, params, body }) =>
      service.writeChildPage(db, { actor, requestId }, config.publicUrl, params.id, params.lang, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/institutions/{id}/child-pages/{lang}/status',
    operationId: 'changeChildPageStatus',
    summary: 'Move a page along draft → reviewed → published, or back to draft (which takes it off the public site)',
    tag,
    access: 'user',
    params: childPageParams,
    body: childPageStatusChange,
    response: childPage,
    handler: ({ db, actor, requestId, config, params, body }) =>
      service.changeStatus(db, { actor, requestId }, config.publicUrl, params.id, params.lang, body),
  }),
];
