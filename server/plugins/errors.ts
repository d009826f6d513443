// One error handler: every failure leaves the API as `{ code, message, details? }`.
import type { FastifyError, FastifyInstance } from 'fastify';
import { API_ERRORS, ApiError } from '../errors.js';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.retryAfterSec) void reply.header('retry-after', String(error.retryAfterSec));
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, msg: error.message }, 'request refused');
      return reply.code(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const message = error.validation
        .map((issue) => {
          const where = `${error.validationContext ?? 'body'}${issue.instancePath || ''}`;
          const extra = (issue.params as { additionalProperty?: string }).additionalProperty;
          return extra ? `${where} has an unknown field "${extra}"` : `${where} ${issue.message ?? 'is invalid'}`;
        })
        .join('; ');
      request.log.info({ code: 'validation_failed', msg: message }, 'request refused');
      return reply.code(API_ERRORS.validation_failed).send({ code: 'validation_failed', message });
    }
    const status = error.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send({ code: 'payload_too_large', message: 'request body is too large' });
    if (status < 500) {
      request.log.info({ err: error }, 'request refused');
      return reply.code(status).send({ code: 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ code: 'internal_error', message: 'internal error; see the server log' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
