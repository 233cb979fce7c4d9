import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { registerAuthentication } from './auth/authenticate.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { registerErrorHandler, sendError, sendFrameworkError } from './http/error-handler.js';
import { AppError } from './http/errors.js';
import { logRequest } from './http/log-redaction.js';
import { openApiDocument } from './http/openapi.js';
import { registerRoutes } from './http/route.js';
import { allRoutes } from './modules/index.js';
import { acceptOneClickUnsubscribe } from './modules/notifications/notifications.routes.js';
import { registerPublicSite } from './modules/public-site/public-site.routes.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  checkResponses?: boolean;
}

const BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp({
  config,
  database,
  logger,
  checkResponses = false,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // A calendar feed's secret token travels in its URL: the request log leaves it out.
    logger: logger ?? { level: config.logLevel, serializers: { req: logRequest } },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Duplicate or prototype-polluting keys never reach a handler.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // A malformed or over-long URL is refused before routing: with the same error shape as everything else.
    frameworkErrors: sendFrameworkError,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Never framed (clickjacking): the same answer as the CSP's frame-ancestors, for browsers that only read this.
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });

  // JSON only: a cross-site HTML form cannot send it, which closes the door to CSRF on cookie-less endpoints.
  app.removeContentTypeParser('text/plain');
  // File uploads: only routes that declare `multipart` accept it, every other one answers 415 (http/route.ts). A
  // cross-site form can send multipart, but a write also needs the CSRF header or a bearer token, which it cannot.
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadMaxBytes, files: 1 } });
  acceptOneClickUnsubscribe(app);
  registerErrorHandler(app);
  registerAuthentication(app, database.db, config);

  app.get('/healthz', async (_request, reply) => {
    await sql`select 1`.execute(database.db);
    return reply.send({ status: 'ok', engine: database.engine });
  });

  registerRoutes(app, { db: database.db, engine: database.engine, config, checkResponses }, allRoutes);
  // Pages for children under /{lang}/…, server-rendered (not part of the JSON API).
  registerPublicSite(app, database.db, config);

  const document = openApiDocument(allRoutes, config.publicUrl);
  app.get('/api/v1/openapi.json', async () => document);
  await app.register(fastifySwagger, { mode: 'static', specification: { document: document as never } });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // The documentation page carries its own CSP; it may not be framed either.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  const clientDir = config.clientDir;
  const hasClient = existsSync(path.join(clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, { root: clientDir, index: false, wildcard: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (wantsPage && hasClient) {
      // The single-page app routes on the client: every other page path gets index.html.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(request, reply, new AppError(404, 'route_not_found'));
  });

  return app;
}
