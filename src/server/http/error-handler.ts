import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultLanguage, negotiateLanguage } from '../../shared/languages.js';
import { translate } from '../i18n/translate.js';
import { AppError, type ErrorCode, type ErrorDetail } from './errors.js';

/** Database constraint failures that a request can cause: reported as conflicts, never as 500s. */
function constraintError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return new AppError(409, 'conflict', { reason: 'duplicate' });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
    return new AppError(409, 'conflict', { reason: 'in_use' });
  }
  return undefined;
}

const fastifyCodes: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_json'],
};

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return new AppError(known[0], known[1]);
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new AppError(400, 'invalid_json');
  return constraintError(error);
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const language = request.language;
  const details = Array.isArray(error.details)
    ? (error.details as (ErrorDetail & { params?: Record<string, string | number> })[]).map(
        ({ params, ...detail }) => ({
          ...detail,
          message: translate(language, `errors:validation.${detail.issue}`, { field: detail.field ?? '', ...params }),
        }),
      )
    : // A conflict's reason is also given as data, so that clients need not parse the message.
      (error.details ?? (error.params.reason === undefined ? undefined : { reason: error.params.reason }));
  if (error.status === 429) reply.header('retry-after', String(error.params.retryAfter ?? 900));
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: translate(language, `errors:${error.code}`, error.params),
      ...(details === undefined ? {} : { details }),
    },
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(request, reply, known);
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      request.log.warn({ err: error }, 'client error without a specific code');
      return sendError(request, reply, new AppError(status, status === 404 ? 'route_not_found' : 'validation_failed'));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, new AppError(500, 'internal'));
  });
}

/**
 * Errors Fastify raises before a route is found (a malformed percent-escape, a path segment longer than the router
 * takes): the same `{error:{code,message,details}}` shape as every other refusal, in the caller's language.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // Routing failed, so the request hooks that pick the language never ran.
  request.language = negotiateLanguage(request.headers['accept-language']) ?? defaultLanguage;
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    return sendError(
      request,
      reply,
      new AppError(tooLong ? 414 : 400, 'validation_failed', { field: 'path' }, [
        {
          field: 'path',
          issue: tooLong ? 'too_big' : 'invalid_format',
          message: '',
          // Fastify's default limit on a path parameter's length; ids are 36 characters.
          ...(tooLong ? { params: { limit: 100 } } : {}),
        },
      ]),
    );
  }
  request.log.error({ err: error }, 'unexpected error before routing');
  return sendError(request, reply, new AppError(500, 'internal'));
}
