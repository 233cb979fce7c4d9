import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import {
  axis,
  axisCreate,
  axisExceptionBody,
  axisUpdate,
  nextPlanCreate,
  plan,
  planCreate,
  planProgress,
  planStatuses,
  planSummary,
  planUpdate,
} from '../../../shared/contract/plan.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import { prepareNextPlan } from './next-plan.service.js';
import * as service from './plans.service.js';
import { getPlanProgress } from './progress.service.js';

const tag = 'plan';

const exceptionParams = z.strictObject({ id: z.uuid(), institutionId: z.uuid() });

export const planRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans',
    operationId: 'listPlans',
    summary: 'List the action plans the caller may see',
    tag,
    access: 'public',
    query: listQuery(['startsOn', 'title'], 'startsOn', {
      status: z.enum(planStatuses).optional(),
      groupId: z.uuid().optional(),
    }),
    response: pageOf(planSummary),
    handler: ({ db, actor, query }) => service.listPlans(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/{id}',
    operationId: 'getPlan',
    summary: 'One plan with its axes, sub-items, partners and, per axis, the member institutions taking part',
    tag,
    access: 'public',
    params: idParams,
    response: plan,
    handler: ({ db, actor, params }) => service.getPlan(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans',
    operationId: 'createPlan',
    summary: 'Create a plan for a working group (administrators, coordinators)',
    tag,
    access: 'user',
    body: planCreate,
    response: plan,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createPlan(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/plans/{id}',
    operationId: 'updatePlan',
    summary: 'Edit a plan: title, period, status, visibility (send the version you edited; a stale one gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: planUpdate,
    response: plan,
    handler: ({ db, actor, requestId, params, body }) => service.updatePlan(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/{id}/next',
    operationId: 'prepareNextPlan',
    summary:
      'Prepare the next plan: a draft with the same axes, partners, exceptions and indicators, and the unfinished actions carried over',
    tag,
    access: 'user',
    params: idParams,
    body: nextPlanCreate,
    response: plan,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) => prepareNextPlan(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/{id}/progress',
    operationId: 'getPlanProgress',
    summary:
      'Progress per axis and per member institution: actions by status, overdue, linked records, indicator values from validated reports',
    tag,
    access: 'public',
    params: idParams,
    query: z.strictObject({
      periodId: z.uuid().optional(),
      institutionId: z.uuid().optional(),
      axisId: z.uuid().optional(),
    }),
    response: planProgress,
    handler: ({ db, engine, actor, params, query }) => getPlanProgress(db, engine, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/{id}/axes',
    operationId: 'createPlanAxis',
    summary: 'Add an axis, or a numbered sub-item under an axis',
    tag,
    access: 'user',
    params: idParams,
    body: axisCreate,
    response: axis,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) => service.createAxis(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/plan-axes/{id}',
    operationId: 'updatePlanAxis',
    summary: 'Edit an axis or sub-item (send the version you edited; a stale one gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: axisUpdate,
    response: axis,
    handler: ({ db, actor, requestId, params, body }) => service.updateAxis(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/plan-axes/{id}/exceptions/{institutionId}',
    operationId: 'recordAxisException',
    summary: 'Record that a member institution does not take part in an axis (with an optional note); returns the axis',
    tag,
    access: 'user',
    params: exceptionParams,
    body: axisExceptionBody.optional(),
    response: axis,
    handler: ({ db, actor, requestId, params, body }) =>
      service.recordException(db, { actor, requestId }, params.id, params.institutionId, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/plan-axes/{id}/exceptions/{institutionId}',
    operationId: 'removeAxisException',
    summary: 'Remove a "does not take part": the institution takes part in the axis again; returns the axis',
    tag,
    access: 'user',
    params: exceptionParams,
    response: axis,
    handler: ({ db, actor, requestId, params }) =>
      service.removeException(db, { actor, requestId }, params.id, params.institutionId),
  }),
];
