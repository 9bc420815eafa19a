import type { FastifyReply } from 'fastify';
import { AppError } from '../../shared/errors';

/** Sends `{error:{code,message,details?}}` with the code's status (or a more precise HTTP one). */
export function sendError(reply: FastifyReply, error: AppError, status: number = error.status): FastifyReply {
  const details = error.details as { retryAfterSeconds?: number } | undefined;
  if (error.code === 'RATE_LIMITED' && details?.retryAfterSeconds) reply.header('Retry-After', String(details.retryAfterSeconds));
  return reply.code(status).send({ error: error.toBody() });
}

/** Fastify's own errors (bad JSON, body too large, wrong media type) in the shape of API.md. */
export function fromFastifyError(error: { code?: string; statusCode?: number }): { error: AppError; status: number } | null {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { error: new AppError('VALIDATION', 'The request body is too large.'), status: 413 };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { error: new AppError('VALIDATION', 'The request could not be read: send a JSON body.'), status: error.statusCode };
  }
  return null;
}
