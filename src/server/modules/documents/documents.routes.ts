import { z } from 'zod';
import { idParams, versionQuery } from '../../../shared/contract/common.js';
import {
  acceptedExtensions,
  documentContentQuery,
  documentDetail,
  documentEntity,
  documentFamilies,
  documentLanguage,
  documentLinkCreate,
  documentLinkParams,
  documentMimes,
  documentSummary,
  documentUpdate,
  documentUploadFields,
  documentUploadLimits,
  documentVersionFields,
} from '../../../shared/contract/documents.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './documents.service.js';
import { sendContent } from './download.js';
import { readUpload } from './upload.js';

const tag = 'documents';

export const documentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/documents',
    operationId: 'listDocuments',
    summary: 'List the documents the caller may see; filter by text, language, type, institution or attached record',
    tag,
    access: 'public',
    query: listQuery(['title', 'updatedAt', 'size', 'language'], 'updatedAt', {
      q: z.string().trim().max(200).optional(),
      language: documentLanguage.optional(),
      type: z.enum(documentFamilies).optional(),
      institution: z.uuid().optional(),
      entity: documentEntity.optional(),
      entityId: z.uuid().optional(),
    }),
    response: pageOf(documentSummary),
    handler: ({ db, actor, query }) => service.listDocuments(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/documents/upload-limits',
    operationId: 'getDocumentUploadLimits',
    summary: 'The largest file an upload may carry and the types accepted',
    tag,
    access: 'user',
    response: documentUploadLimits,
    handler: async ({ config }) => ({
      maxBytes: config.uploadMaxBytes,
      mimes: documentMimes,
      extensions: acceptedExtensions,
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/documents/{id}',
    operationId: 'getDocument',
    summary: 'One document, with its versions and the records it is attached to',
    tag,
    access: 'public',
    params: idParams,
    response: documentDetail,
    handler: ({ db, actor, params }) => service.getDocument(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/documents',
    operationId: 'uploadDocument',
    summary:
      'Upload a document (multipart/form-data: the fields, then the `file` part); its type is read from its ' +
      'content, photos lose their metadata; attached to a record at once when entity and entityId are given',
    tag,
    access: 'user',
    multipart: documentUploadFields,
    response: documentDetail,
    status: 201,
    handler: async ({ db, actor, requestId, request, config }) =>
      service.uploadDocument(
        db,
        { actor, requestId, log: request.log },
        await readUpload(request, config.uploadMaxBytes),
      ),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/documents/{id}',
    operationId: 'updateDocument',
    summary: 'Edit a document’s title, description, language, owner or visibility (send the version you edited)',
    tag,
    access: 'user',
    params: idParams,
    body: documentUpdate,
    response: documentDetail,
    handler: ({ db, actor, requestId, params, body }) =>
      service.updateDocument(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/documents/{id}',
    operationId: 'deleteDocument',
    summary: 'Delete a document with all its versions and attachments',
    tag,
    access: 'user',
    params: idParams,
    query: versionQuery,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, query }) => {
      await service.deleteDocument(db, { actor, requestId }, params.id, query.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/documents/{id}/versions',
    operationId: 'uploadDocumentVersion',
    summary: 'Upload a new version of a document (multipart/form-data: the `file` part only)',
    tag,
    access: 'user',
    params: idParams,
    multipart: documentVersionFields,
    response: documentDetail,
    status: 201,
    handler: async ({ db, actor, requestId, request, config, params }) =>
      service.uploadVersion(
        db,
        { actor, requestId, log: request.log },
        params.id,
        await readUpload(request, config.uploadMaxBytes),
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/documents/{id}/content',
    operationId: 'downloadDocument',
    summary: 'Download a version of a document (the current one unless `version` is given); `inline=1` shows a photo',
    tag,
    access: 'public',
    params: idParams,
    query: documentContentQuery,
    response: z.unknown(),
    raw: true,
    handler: async ({ db, actor, params, query, reply }) => {
      const content = await service.documentContent(db, actor, params.id, query.version);
      sendContent(reply, content, query.inline === '1');
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/documents/{id}/links',
    operationId: 'attachDocument',
    summary: 'Attach a document to a record the caller may change (no more visible than that record)',
    tag,
    access: 'user',
    params: idParams,
    body: documentLinkCreate,
    response: documentDetail,
    handler: ({ db, actor, requestId, params, body }) =>
      service.linkDocument(db, { actor, requestId }, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/documents/{id}/links/{entity}/{entityId}',
    operationId: 'detachDocument',
    summary: 'Detach a document from a record (the document stays in the library)',
    tag,
    access: 'user',
    params: documentLinkParams,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params }) => {
      await service.unlinkDocument(db, { actor, requestId }, params.id, params.entity, params.entityId);
      return undefined;
    },
  }),
];
