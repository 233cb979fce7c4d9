import { idParams } from '../../../shared/contract/common.js';
import {
  contactPoint,
  contactPointHandover,
  contactPointList,
  contactPointUpdate,
} from '../../../shared/contract/network.js';
import { defineRoute } from '../../http/route.js';
import * as service from './contact-points.service.js';

const tag = 'network';

export const contactPointRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/memberships/{id}/contact-points',
    operationId: 'listContactPoints',
    summary: 'A member’s contact points the caller may see: the current one first, then the past ones',
    tag,
    access: 'public',
    params: idParams,
    response: contactPointList,
    handler: ({ db, actor, params }) => service.listContactPoints(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/memberships/{id}/contact-points',
    operationId: 'handOverContactPoint',
    summary: 'Hand the member’s contact point over to someone new; the previous one ends and stays in the history',
    tag,
    access: 'user',
    params: idParams,
    body: contactPointHandover,
    response: contactPoint,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) => service.handOver(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/contact-points/{id}',
    operationId: 'getContactPoint',
    summary: 'One contact point',
    tag,
    access: 'public',
    params: idParams,
    response: contactPoint,
    handler: ({ db, actor, params }) => service.getContactPoint(db, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/contact-points/{id}',
    operationId: 'updateContactPoint',
    summary: 'Edit a contact point (its institution; send the version you edited)',
    tag,
    access: 'user',
    params: idParams,
    body: contactPointUpdate,
    response: contactPoint,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateContactPoint(db, { actor, requestId }, params.id, body),
  }),
];
