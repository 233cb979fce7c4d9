import { z } from 'zod';
import { errorBody } from '../../shared/contract/common.js';
import type { RouteDefinition } from './route.js';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: toSchema(errorBody, 'output') } },
});

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: RouteDefinition[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const status = String(route.status ?? 200);
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses: {
        [status]:
          status === '204'
            ? { description: 'Done' }
            : {
                description: 'Success',
                content: route.raw ? {} : { 'application/json': { schema: toSchema(route.response, 'output') } },
              },
        '400': errorResponse('Bad input: the details name each field'),
        ...(route.access === 'user' ? { '401': errorResponse('Not signed in') } : {}),
        '403': errorResponse('Not allowed'),
        '404': errorResponse('Not found, or not visible to the caller'),
        ...(route.method === 'GET' ? {} : { '409': errorResponse('Stale version or conflicting state') }),
      },
      security: route.access === 'user' ? [{ session: [] }, { bearer: [] }] : [{}, { session: [] }, { bearer: [] }],
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input') } },
      };
    }
    if (route.multipart) {
      const fields = toSchema(route.multipart, 'input');
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              ...fields,
              properties: { ...(fields.properties as object), file: { type: 'string', format: 'binary' } },
              required: [...((fields.required as string[] | undefined) ?? []), 'file'],
            },
          },
        },
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigie API',
      version: '1',
      description:
        'The API of Vigie, the platform of the AOM/AOMF working group on the rights of migrant children. ' +
        'Sign in with POST /api/v1/auth/login (session cookie; writes then send the x-csrf-token header) or use ' +
        'a personal API token as `Authorization: Bearer <token>`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vigie_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
