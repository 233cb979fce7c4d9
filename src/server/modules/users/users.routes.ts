import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import {
  oneTimeLink,
  user,
  userCreate,
  userCreated,
  userStatuses,
  userUpdate,
} from '../../../shared/contract/users.js';
import { roles } from '../../../shared/roles.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './users.service.js';

const tag = 'users';

export const userRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary: 'List accounts: all of them for administrators, their institution’s for a contact point',
    tag,
    access: 'user',
    query: listQuery(['name', 'email', 'role', 'lastLoginAt', 'createdAt'], 'name', {
      q: z.string().trim().max(200).optional(),
      role: z.enum(roles).optional(),
      status: z.enum(userStatuses).optional(),
      institutionId: z.uuid().optional(),
    }),
    response: pageOf(user),
    handler: ({ db, actor, query }) => service.listUsers(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/users/{id}',
    operationId: 'getUser',
    summary: 'One account',
    tag,
    access: 'user',
    params: idParams,
    response: user,
    handler: ({ db, actor, params }) => service.getUser(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'inviteUser',
    summary: 'Invite a person: the account waits for them to choose a password through the one-time link returned',
    tag,
    access: 'user',
    body: userCreate,
    response: userCreated,
    status: 201,
    handler: ({ db, config, actor, requestId, body }) => service.createUser(db, config, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    operationId: 'updateUser',
    summary: 'Change an account’s name, role, institution, language or status (send its version)',
    tag,
    access: 'user',
    params: idParams,
    body: userUpdate,
    response: user,
    handler: ({ db, actor, requestId, params, body }) => service.updateUser(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/{id}/password-reset',
    operationId: 'createPasswordResetLink',
    summary: 'Issue a one-time password-reset link (a new invitation link for an account not yet accepted)',
    tag,
    access: 'user',
    params: idParams,
    response: oneTimeLink,
    status: 201,
    handler: ({ db, config, actor, requestId, params }) =>
      service.passwordResetLink(db, config, { actor, requestId }, params.id),
  }),
];
