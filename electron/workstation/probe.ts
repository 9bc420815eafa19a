/**
 * "Office server at https://host:port": what the connection screen shows before anyone trusts the
 * server: can it be reached, is it a Lantern office server, which version, and the fingerprint of
 * its certificate for the administrator to compare. With a pin, a changed certificate is refused.
 */
import type { ServerProbe } from '../../shared/desktop-bridge';
import { normaliseServerUrl } from './config';
import { CertificateChangedError, pinnedRequest } from './pinning';

export async function probeServer(serverUrlText: string, pinned: string | null, timeoutMs?: number): Promise<ServerProbe> {
  const serverUrl = normaliseServerUrl(serverUrlText);
  if (!serverUrl) {
    return {
      ok: false,
      reason: 'invalid-url',
      message: `"${serverUrlText.trim()}" is not an office server address: type https://, the server's name or address, and its port, like https://office-server:8443.`,
    };
  }
  let response;
  try {
    response = await pinnedRequest(serverUrl, pinned, { path: '/api/health', timeoutMs });
  } catch (error) {
    if (error instanceof CertificateChangedError) {
      return { ok: false, reason: 'certificate-changed', message: error.message, expected: error.expected, presented: error.presented };
    }
    const cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ok: false,
      reason: 'unreachable',
      message: `Could not reach ${serverUrl} (${cause}). Check the address and port, that the office server is running, and that this computer is on the office network.`,
    };
  }
  const health = parseHealth(response.status, response.text);
  if (!health) {
    return {
      ok: false,
      reason: 'not-lantern',
      message: `${serverUrl} answered, but not as a Lantern CRM office server (HTTP ${response.status} for /api/health). Check the port.`,
    };
  }
  return {
    ok: true,
    serverUrl,
    fingerprint: response.decision.fingerprint,
    pin: response.decision.kind,
    version: health.version,
    schemaVersion: health.schemaVersion,
  };
}

/** `GET /api/health` as API.md defines it, or null for anything else. */
function parseHealth(status: number, text: string): { version: string; schemaVersion: number } | null {
  if (status !== 200) return null;
  try {
    const body = JSON.parse(text) as { status?: unknown; version?: unknown; schemaVersion?: unknown };
    if (body.status === 'ok' && typeof body.version === 'string' && Number.isInteger(body.schemaVersion)) {
      return { version: body.version, schemaVersion: body.schemaVersion as number };
    }
  } catch {
    // not JSON: not ours
  }
  return null;
}
