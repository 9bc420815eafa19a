import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Backup } from '../../shared/schemas/admin';
import type { Backend } from '../core/backend-types';
import { sendError } from './http-errors';

/**
 * `GET /api/backups/<id>/file` with the admin's bearer token: downloads a backup file for the
 * admin page's Download button. Who may see it, and which file it is, come from `backups.list`
 * through the usual dispatch (administrators only); no path ever comes from the request.
 */
export function registerBackupDownload(app: FastifyInstance, backend: Backend): void {
  app.get<{ Params: { id: string } }>('/api/backups/:id/file', async (request, reply) => {
    const auth = request.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() || null : null;
    try {
      const list = (await backend.call({ token, address: request.ip, transport: 'http' }, 'backups.list', {})) as { items: Backup[] };
      const backup = list.items.find((item) => item.id === request.params.id);
      if (!backup || !backup.present) throw new AppError('NOT_FOUND', 'No such backup file (it may have been removed by retention).');
      return reply
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="${basename(backup.file).replace(/[^\w.-]/g, '_')}"`)
        .type('application/vnd.sqlite3')
        .send(createReadStream(backup.file));
    } catch (error) {
      return sendError(reply, error as AppError);
    }
  });
}
