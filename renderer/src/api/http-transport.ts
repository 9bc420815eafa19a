import { ERROR_STATUS, type ErrorCode } from '../../../shared/errors';
import { CLIENT_VERSION_HEADER } from '../../../shared/schemas/admin';
import { APP_VERSION } from '../../../shared/version';
import { ApiError } from './api-error';
import { createChangeFeed } from './feed';
import { officeServerUrl } from './office-server';
import type { Transport } from './transport';

const API_PREFIX = '/api/v1/';

function codeForStatus(status: number): ErrorCode {
  const match = Object.entries(ERROR_STATUS).find(([, s]) => s === status);
  return match ? (match[0] as ErrorCode) : 'INTERNAL';
}

async function readError(response: Response): Promise<ApiError> {
  const fallback = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { error?: unknown };
    if (body && typeof body === 'object' && body.error) return ApiError.fromBody(body.error, fallback);
  } catch {
    // Not JSON (a proxy's error page, say): the status is all we know.
  }
  return new ApiError(codeForStatus(response.status), fallback);
}

/** The office server's API: `POST /api/v1/<method>` with a JSON body and a bearer token (a browser's own server, or a workstation's). */
export function createHttpTransport(getToken: () => string | null): Transport {
  const feed = createChangeFeed(getToken);
  return {
    async call(method, input, token) {
      // An out-of-date page (a tab left open across a server upgrade) is told to reload instead of writing.
      const headers: Record<string, string> = { 'Content-Type': 'application/json', [CLIENT_VERSION_HEADER]: APP_VERSION };
      if (token) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(officeServerUrl(API_PREFIX + encodeURIComponent(method)), {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error');
      }
      if (!response.ok) throw await readError(response);
      try {
        return await response.json();
      } catch {
        throw new ApiError('INTERNAL', 'The server sent a response that is not JSON');
      }
    },
    subscribe: feed.subscribe,
  };
}
