import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  finding,
  findingCreate,
  findingFilters,
  findingParams,
  findingSorts,
  findingUpdate,
  followUpCreate,
  recommendation,
  recommendationCreate,
  recommendationDetail,
  recommendationFilters,
  recommendationSorts,
  recommendationUpdate,
  themesByCountry,
} from '../../../shared/contract/monitoring.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as findings from './findings.service.js';
import * as recommendations from './recommendations.service.js';

const tag = 'monitoring';
const { country: _country, ...filtersButCountry } = recommendationFilters;

export const findingRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/visits/{id}/findings',
    operationId: 'listVisitFindings',
    summary: 'A visit’s findings (theme, severity, standards, evidence)',
    tag,
    access: 'public',
    params: idParams,
    query: listQuery(findingSorts, 'theme', findingFilters),
    response: pageOf(finding),
    handler: ({ db, actor, params, query }) => findings.listFindings(db, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/visits/{id}/findings',
    operationId: 'createVisitFinding',
    summary: 'Record a finding of a visit',
    tag,
    access: 'user',
    params: idParams,
    body: findingCreate,
    response: finding,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) =>
      findings.createFinding(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/visits/{id}/findings/{findingId}',
    operationId: 'updateVisitFinding',
    summary: 'Edit a finding (stale version: 409)',
    tag,
    access: 'user',
    params: findingParams,
    body: findingUpdate,
    response: finding,
    handler: ({ db, actor, requestId, params, body }) =>
      findings.updateFinding(db, { actor, requestId }, params.id, params.findingId, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/visits/{id}/findings/{findingId}',
    operationId: 'deleteVisitFinding',
    summary: 'Delete a finding (its recommendations stay, no longer linked to it)',
    tag,
    access: 'user',
    params: findingParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await findings.deleteFinding(db, { actor, requestId }, params.id, params.findingId, query.version);
      return undefined;
    },
  }),
];

export const recommendationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/recommendations',
    operationId: 'listRecommendations',
    summary: 'The recommendation tracker across visits (country, facility kind, theme, addressee, status, overdue…)',
    tag,
    access: 'public',
    query: listQuery(recommendationSorts, 'issuedOn', recommendationFilters),
    response: pageOf(recommendation),
    handler: ({ db, actor, query }) => recommendations.listRecommendations(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/recommendations/themes-by-country',
    operationId: 'recommendationThemesByCountry',
    summary: 'Recommendations counted per theme and country, to compare the problems found across members',
    tag,
    access: 'public',
    query: z.strictObject(filtersButCountry),
    response: themesByCountry,
    handler: ({ db, actor, query }) => recommendations.themesByCountry(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/recommendations/{id}',
    operationId: 'getRecommendation',
    summary: 'One recommendation with its dated follow-up and the days to the authority’s first reply',
    tag,
    access: 'public',
    params: idParams,
    response: recommendationDetail,
    handler: ({ db, actor, params }) => recommendations.getRecommendation(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recommendations',
    operationId: 'createRecommendation',
    summary: 'Issue a recommendation from a visit (to an authority; may repeat an earlier one)',
    tag,
    access: 'user',
    body: recommendationCreate,
    response: recommendationDetail,
    status: 201,
    handler: ({ db, actor, requestId, body }) => recommendations.createRecommendation(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/recommendations/{id}',
    operationId: 'updateRecommendation',
    summary: 'Edit a recommendation (its status moves by follow-up steps only; stale version: 409)',
    tag,
    access: 'user',
    params: idParams,
    body: recommendationUpdate,
    response: recommendationDetail,
    handler: ({ db, actor, requestId, params, body }) =>
      recommendations.updateRecommendation(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/recommendations/{id}',
    operationId: 'deleteRecommendation',
    summary: 'Delete a recommendation and its follow-up',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await recommendations.deleteRecommendation(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/recommendations/{id}/follow-ups',
    operationId: 'addRecommendationFollowUp',
    summary: 'Record a dated follow-up step (acknowledged, accepted, rejected, in progress, implemented…)',
    tag,
    access: 'user',
    params: idParams,
    body: followUpCreate,
    response: recommendationDetail,
    status: 201,
    handler: ({ db, actor, requestId, params, body }) =>
      recommendations.addFollowUp(db, { actor, requestId }, params.id, body),
  }),
];
