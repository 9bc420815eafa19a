import { createReadStream } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { User } from '../../../shared/schemas/users';
import { findJob } from '../import/jobs';
import { finishedExport } from './handlers';

/** The little of the HTTP server this route needs (the server passes its fastify instance). */
interface Route {
  get(
    path: string,
    handler: (
      request: { params: unknown; headers: Record<string, string | string[] | undefined> },
      reply: ExportReply,
    ) => Promise<unknown>,
  ): unknown;
}

interface ExportReply {
  code(status: number): ExportReply;
  header(name: string, value: string): ExportReply;
  send(payload: unknown): unknown;
}

function fail(reply: ExportReply, error: AppError) {
  return reply.code(error.status).header('Content-Type', 'application/json').send({ error: error.toBody() });
}

/**
 * GET /api/v1/export/<jobId> with the bearer token: the finished export's file, streamed (a
 * million contacts never sit in memory), to the user who made it (administrators: anyone's).
 */
export function registerExportRoute(app: Route, backend: { authenticate(token: string | null): User | null }): void {
  app.get('/api/v1/export/:jobId', async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const user = backend.authenticate(token);
    if (!user) return fail(reply, new AppError('UNAUTHENTICATED', 'Please sign in first.'));
    const { jobId } = request.params as { jobId: string };
    const job = findJob(jobId);
    if (!job || job.kind !== 'export' || (job.userId !== user.id && user.role !== 'admin')) {
      return fail(reply, new AppError('NOT_FOUND', 'No such export (finished exports are kept for six hours).'));
    }
    try {
      const result = finishedExport(job);
      return reply
        .header('Content-Type', result.contentType)
        .header('Content-Disposition', `attachment; filename="${result.fileName}"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`)
        .header('Cache-Control', 'no-store')
        .header('Content-Length', String(result.sizeBytes ?? 0))
        .send(createReadStream(result.file));
    } catch (error) {
      if (error instanceof AppError) return fail(reply, error);
      throw error;
    }
  });
}
