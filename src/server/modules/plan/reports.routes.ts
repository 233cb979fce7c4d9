import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  indicatorReport,
  indicatorReportCreate,
  indicatorReportUpdate,
  periodTransition,
  reportingPeriod,
  reportingPeriodCreate,
  reportingPeriodList,
  reportStatuses,
  reportTransition,
} from '../../../shared/contract/plan.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './reports.service.js';

const tag = 'plan';

export const reportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/{id}/periods',
    operationId: 'listReportingPeriods',
    summary: 'The reporting periods of a plan, in date order',
    tag,
    access: 'public',
    params: idParams,
    response: reportingPeriodList,
    handler: ({ db, actor, params }) => service.listPeriods(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/{id}/periods',
    operationId: 'createReportingPeriod',
    summary: 'Open a reporting period for a plan (administrators, coordinators)',
    tag,
    access: 'user',
    params: idParams,
    body: reportingPeriodCreate,
    response: reportingPeriod,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) =>
      service.createPeriod(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reporting-periods/{id}/close',
    operationId: 'closeReportingPeriod',
    summary: 'Close a reporting period: its reports can no longer change (coordinators, administrators)',
    tag,
    access: 'user',
    params: idParams,
    body: periodTransition,
    response: reportingPeriod,
    handler: ({ db, actor, requestId, params, body }) =>
      service.closePeriod(db, { actor, requestId }, params.id, body.version),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reporting-periods/{id}/reopen',
    operationId: 'reopenReportingPeriod',
    summary: 'Reopen a closed reporting period (administrators)',
    tag,
    access: 'user',
    params: idParams,
    body: periodTransition,
    response: reportingPeriod,
    handler: ({ db, actor, requestId, params, body }) =>
      service.reopenPeriod(db, { actor, requestId }, params.id, body.version),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/indicator-reports',
    operationId: 'listIndicatorReports',
    summary: 'List the indicator reports the caller may see',
    tag,
    access: 'public',
    query: listQuery(['indicator', 'institution', 'period', 'status', 'updatedAt'], 'indicator', {
      planId: z.uuid().optional(),
      periodId: z.uuid().optional(),
      indicatorId: z.uuid().optional(),
      institutionId: z.uuid().optional(),
      status: z.enum(reportStatuses).optional(),
    }),
    response: pageOf(indicatorReport),
    handler: ({ db, actor, query }) => service.listReports(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/indicator-reports/{id}',
    operationId: 'getIndicatorReport',
    summary: 'One indicator report, with its cells, total and breakdown',
    tag,
    access: 'public',
    params: idParams,
    response: indicatorReport,
    handler: ({ db, actor, params }) => service.getReport(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/indicator-reports',
    operationId: 'createIndicatorReport',
    summary:
      'Report an indicator for a period, for the caller’s own institution (administrators: any), as the full cross-classification of its dimensions',
    tag,
    access: 'user',
    body: indicatorReportCreate,
    response: indicatorReport,
    status: 201,
    handler: ({ db, actor, requestId, body }) => service.createReport(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/indicator-reports/{id}',
    operationId: 'updateIndicatorReport',
    summary: 'Edit a report; a submitted or validated one returns to draft (a stale version gets 409)',
    tag,
    access: 'user',
    params: idParams,
    body: indicatorReportUpdate,
    response: indicatorReport,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateReport(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/indicator-reports/{id}/submit',
    operationId: 'submitIndicatorReport',
    summary: 'Submit a draft report for validation (the institution’s staff and contact point)',
    tag,
    access: 'user',
    params: idParams,
    body: reportTransition,
    response: indicatorReport,
    handler: ({ db, actor, requestId, params, body }) =>
      service.submitReport(db, { actor, requestId }, params.id, body.version),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/indicator-reports/{id}/validate',
    operationId: 'validateIndicatorReport',
    summary: 'Validate a submitted report (the contact point of its institution, or an administrator)',
    tag,
    access: 'user',
    params: idParams,
    body: reportTransition,
    response: indicatorReport,
    handler: ({ db, actor, requestId, params, body }) =>
      service.validateReport(db, { actor, requestId }, params.id, body.version),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/indicator-reports/{id}',
    operationId: 'deleteIndicatorReport',
    summary: 'Withdraw a report not yet validated, while its period is open',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteReport(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
];
