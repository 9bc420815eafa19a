import { downloadFromServer } from '../records/download';

/** Saves a backup file: `GET /api/backups/<id>/file`, named like the file on the server. */
export function downloadBackup(id: string, fallbackName: string): Promise<void> {
  return downloadFromServer(`/api/backups/${encodeURIComponent(id)}/file`, fallbackName);
}
