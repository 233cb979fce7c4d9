import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  checklistAnswersUpdate,
  checklistStart,
  checklistTemplate,
  checklistTemplateCreate,
  checklistTemplateFilters,
  checklistTemplateSorts,
  checklistTemplateSummary,
  checklistTemplateUpdate,
  visitChecklist,
} from '../../../shared/contract/monitoring.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as checklist from './checklist.service.js';
import * as templates from './templates.service.js';

const tag = 'monitoring';

export const checklistRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/checklist-templates',
    operationId: 'listChecklistTemplates',
    summary: 'List the visit checklist templates the caller may see',
    tag,
    access: 'public',
    query: listQuery(checklistTemplateSorts, 'name', checklistTemplateFilters),
    response: pageOf(checklistTemplateSummary),
    handler: ({ db, actor, query }) => templates.listTemplates(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/checklist-templates/{id}',
    operationId: 'getChecklistTemplate',
    summary: 'One checklist template: its themes and questions, with the standards each rests on',
    tag,
    access: 'public',
    params: idParams,
    response: checklistTemplate,
    handler: ({ db, actor, params }) => templates.getTemplate(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/checklist-templates',
    operationId: 'createChecklistTemplate',
    summary: 'Create a checklist template (the network’s for coordinators, else the caller’s institution’s)',
    tag,
    access: 'user',
    body: checklistTemplateCreate,
    response: checklistTemplate,
    status: 201,
    handler: ({ db, actor, requestId, body }) => templates.createTemplate(db, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/checklist-templates/{id}',
    operationId: 'updateChecklistTemplate',
    summary: 'Edit a template; visits whose checklist has started keep their copy (stale version: 409)',
    tag,
    access: 'user',
    params: idParams,
    body: checklistTemplateUpdate,
    response: checklistTemplate,
    handler: ({ db, actor, requestId, params, body }) =>
      templates.updateTemplate(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/checklist-templates/{id}',
    operationId: 'deleteChecklistTemplate',
    summary: 'Delete a template (visits keep their copy of its questions)',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await templates.deleteTemplate(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/visits/{id}/checklist',
    operationId: 'getVisitChecklist',
    summary: 'A visit’s checklist: its copy of the template’s questions, with answers and notes',
    tag,
    access: 'public',
    params: idParams,
    response: visitChecklist,
    handler: ({ db, actor, params }) => checklist.getChecklist(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/visits/{id}/checklist',
    operationId: 'startVisitChecklist',
    summary: 'Start a visit’s checklist from a template (copies its questions; names the visit’s version)',
    tag,
    access: 'user',
    params: idParams,
    body: checklistStart,
    response: visitChecklist,
    handler: ({ db, actor, requestId, params, body }) =>
      checklist.startChecklist(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/visits/{id}/checklist',
    operationId: 'saveVisitChecklist',
    summary: 'Save answers (yes, partly, no, not observed) and notes; names the visit’s version (stale: 409)',
    tag,
    access: 'user',
    params: idParams,
    body: checklistAnswersUpdate,
    response: visitChecklist,
    handler: ({ db, actor, requestId, params, body }) =>
      checklist.saveAnswers(db, { actor, requestId }, params.id, body),
  }),
];
