import { ApiError } from '../../api/api-error';
import { getToken } from '../../api/token-store';

/**
 * Saves a backup file: `GET /api/backups/<id>/file` with the bearer token (a plain link could not
 * send it), then hands the bytes to the browser as a download named like the file on the server.
 */
export async function downloadBackup(id: string, fallbackName: string): Promise<void> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`/api/backups/${encodeURIComponent(id)}/file`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    throw ApiError.fromBody(body?.error, `${response.status} ${response.statusText}`.trim());
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
