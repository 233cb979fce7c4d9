import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import {
  group,
  groupMember,
  groupUpdate,
  membershipCreate,
  membershipHistory,
  membershipStatuses,
  membershipStatusUpdate,
} from '../../../shared/contract/network.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './groups.service.js';

const tag = 'network';

export const groupRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/groups',
    operationId: 'listGroups',
    summary: 'List the working groups',
    tag,
    access: 'public',
    query: listQuery(['name'], 'name', { q: z.string().trim().max(200).optional() }),
    response: pageOf(group),
    handler: ({ db, actor, query }) => service.listGroups(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/groups/{id}',
    operationId: 'getGroup',
    summary: 'One working group, with its associations and the number of members that have not withdrawn',
    tag,
    access: 'public',
    params: idParams,
    response: group,
    handler: ({ db, actor, params }) => service.getGroup(db, actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/groups/{id}',
    operationId: 'updateGroup',
    summary: 'Edit a group’s names and descriptions (administrators and coordinators; send the version you edited)',
    tag,
    access: 'user',
    params: idParams,
    body: groupUpdate,
    response: group,
    handler: ({ db, actor, requestId, params, body }) => service.updateGroup(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/groups/{id}/members',
    operationId: 'listGroupMembers',
    summary:
      'The group’s members, in the plan’s order by default, with their status and current contact point ' +
      '(null when the caller may not see it)',
    tag,
    access: 'public',
    params: idParams,
    query: listQuery(['position', 'country', 'name'], 'position', {
      status: z.enum(membershipStatuses).optional(),
    }),
    response: pageOf(groupMember),
    handler: ({ db, actor, params, query }) => service.listMembers(db, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/groups/{id}/members',
    operationId: 'addGroupMember',
    summary: 'Admit an institution to the group, at the end of the order (administrators and coordinators)',
    tag,
    access: 'user',
    params: idParams,
    body: membershipCreate,
    response: groupMember,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) => service.addMember(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/memberships/{id}/status',
    operationId: 'changeMembershipStatus',
    summary: 'Change a membership’s status, recorded in its history (administrators and coordinators; versioned)',
    tag,
    access: 'user',
    params: idParams,
    body: membershipStatusUpdate,
    response: groupMember,
    handler: ({ db, actor, requestId, params, body }) =>
      service.changeMembershipStatus(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/memberships/{id}/history',
    operationId: 'getMembershipHistory',
    summary: 'A membership’s status changes, newest first',
    tag,
    access: 'public',
    params: idParams,
    response: membershipHistory,
    handler: ({ db, actor, params }) => service.membershipHistory(db, actor, params.id),
  }),
];
