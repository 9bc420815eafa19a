import { ApiError } from '../../api/api-error';
import { officeServerUrl } from '../../api/office-server';
import { getToken } from '../../api/token-store';

/** Saves bytes as a file through a temporary object URL (works in Electron and in browsers). */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text as a file. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/**
 * A file the server streams (`GET path` with the bearer token: a plain link could not send it),
 * saved under the name its Content-Disposition gives, else `fallbackName`.
 */
export async function downloadFromServer(path: string, fallbackName: string): Promise<void> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(officeServerUrl(path), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    throw ApiError.fromBody(body?.error, `${response.status} ${response.statusText}`.trim());
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  downloadBlob(name, await response.blob());
}
