import type { FastifyReply } from 'fastify';
import { AppError } from '../../shared/errors';

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const details = error.details as { retryAfterSeconds?: number } | undefined;
  if (error.code === 'RATE_LIMITED' && details?.retryAfterSeconds) reply.header('Retry-After', String(details.retryAfterSeconds));
  return reply.code(error.status).send({ error: error.toBody() });
}

/** Fastify's own errors (bad JSON, body too large, wrong media type) in the shape of API.md. */
export function fromFastifyError(error: { code?: string; statusCode?: number; message: string }): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('VALIDATION', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('VALIDATION', 'Send the request body as JSON.');
    default:
      if (error.statusCode === 400) return new AppError('VALIDATION', 'The request body is not valid JSON.');
      return null;
  }
}
