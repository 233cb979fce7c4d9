import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { InterfaceLanguage } from '../../shared/languages.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Engine } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { AppError } from './errors.js';
import { invalidCharacters, unstorableText, validationError } from './validation.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  language: InterfaceLanguage;
  requestId: string;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One HTTP operation: its contract (zod schemas, from which OpenAPI is generated), who may call it at all, and
 * its handler. Finer authorization (which record, which role) happens in the module's policy and SQL.
 */
export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** OpenAPI-style path, e.g. `/api/v1/institutions/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** `public`: anyone, including the anonymous public; `user`: a signed-in person or an API token. */
  access: 'public' | 'user';
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The body is multipart/form-data: these text fields and a `file` part, which the handler reads itself (it
   * streams, with its own limits). Documents the operation; requests of any other type are refused with 415.
   */
  multipart?: z.ZodType;
  response: R;
  status?: number;
  /** The response is not JSON (a file, a redirect): the handler writes to `reply` itself. */
  raw?: boolean;
  handler(ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R> | undefined>;
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  definition: RouteDefinition<P, Q, B, R>,
): RouteDefinition {
  return definition as unknown as RouteDefinition;
}

export interface AppServices {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  /** Parse responses against their schema too: on in tests, so that a drift from the contract fails loudly. */
  checkResponses: boolean;
}

function parseWith<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const unstorable = unstorableText(value, where);
  if (unstorable) throw invalidCharacters(unstorable);
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

export function registerRoutes(app: FastifyInstance, services: AppServices, routes: RouteDefinition[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request, reply) => {
        const actor = request.actor;
        if (route.access === 'user' && actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
        const params = parseWith(route.params, request.params, 'params');
        const query = parseWith(route.query, request.query, 'query');
        if (route.multipart ? !request.isMultipart() : request.isMultipart()) {
          throw new AppError(415, 'unsupported_media_type', { kind: route.multipart ? 'multipart' : 'json' });
        }
        if (route.body === undefined && request.body !== undefined && request.body !== null) {
          throw new AppError(400, 'validation_failed', { field: 'body' }, [
            { field: 'body', issue: 'unexpected_body', message: 'This operation takes no body.' },
          ]);
        }
        const body = parseWith(route.body, request.body, 'body');
        const result = await route.handler({
          actor,
          params,
          query,
          body,
          db: services.db,
          engine: services.engine,
          config: services.config,
          language: request.language,
          requestId: request.id,
          request,
          reply,
        });
        if (route.raw) return reply;
        if (route.status === 204) return reply.status(204).send();
        if (services.checkResponses) {
          const checked = route.response.safeParse(result);
          if (!checked.success) {
            request.log.error({ issues: checked.error.issues }, 'response does not match its schema');
            throw new Error(`Response of ${route.operationId} does not match its schema`);
          }
        }
        reply.status(route.status ?? 200);
        return result ?? null;
      },
    });
  }
}
