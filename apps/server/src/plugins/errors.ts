import { ERRORS, type ErrorCode, errorMessage, type Locale } from '@yingshang/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/app-error.js';

/** zh-CN unless the request asks for English (the web app sends its language on every call). */
export function localeOf(req: FastifyRequest): Locale {
  const header = req.headers['accept-language'];
  if (typeof header === 'string' && header.length > 0)
    return /^en\b/i.test(header.trim()) ? 'en-US' : 'zh-CN';
  return req.actor?.locale ?? 'zh-CN';
}

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const body = { error: { code, message: errorMessage(code, localeOf(req)), details } };
  return reply.status(ERRORS[code].status).send(body);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
};

/** Every failure leaves as `{ error: { code, message, details } }` with the right status. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err.code, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        in: err.validationContext,
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message,
      }));
      return sendError(req, reply, 'VALIDATION_FAILED', details);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, cause: err.cause }, 'response does not match its schema');
      return sendError(req, reply, 'INTERNAL');
    }
    const mapped =
      (err.code && FASTIFY_CODES[err.code]) || (err.statusCode === 429 ? 'RATE_LIMITED' : undefined);
    if (mapped) return sendError(req, reply, mapped);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(req, reply, err.statusCode === 413 ? 'BODY_TOO_LARGE' : 'VALIDATION_FAILED', {
        reason: err.message,
      });
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'INTERNAL');
  });
});
