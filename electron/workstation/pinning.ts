/**
 * Trust on first use for the office server's certificate. The server makes its own self-signed
 * certificate, so no certificate authority vouches for it; instead the workstation remembers its
 * SHA-256 fingerprint the first time an administrator compares it with what `npm run serve` printed,
 * and from then on refuses any other certificate at that address. Plain Node (node:tls), so the
 * same code runs in the main process and in the tests against a real server.
 */
import { X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';

export type PinDecision =
  /** Nothing pinned yet: show the fingerprint; it is recorded once an administrator trusts it. */
  | { kind: 'first-use'; fingerprint: string }
  /** The pinned certificate: go ahead. */
  | { kind: 'trusted'; fingerprint: string }
  /** Another certificate than the pinned one: refuse. */
  | { kind: 'changed'; expected: string; presented: string; message: string };

/** The SHA-256 fingerprint (`AB:CD:...`) of a PEM certificate, in the form the office server prints. */
export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

export function certificateChangedMessage(serverUrl: string, expected: string, presented: string): string {
  return (
    `The office server at ${serverUrl} shows a different certificate from the one this computer trusted, so nothing was sent to it. ` +
    `Trusted: ${expected}. Shown now: ${presented}. ` +
    'Someone may be intercepting the connection, or the administrator replaced the certificate: ask your administrator, ' +
    'and trust the new fingerprint only if it matches what the server prints.'
  );
}

/** The whole trust rule, pure: compared case-insensitively, since people copy fingerprints from many places. */
export function decidePin(serverUrl: string, pinned: string | null, presented: string): PinDecision {
  const shown = presented.toUpperCase();
  if (pinned === null) return { kind: 'first-use', fingerprint: shown };
  const expected = pinned.toUpperCase();
  if (expected === shown) return { kind: 'trusted', fingerprint: shown };
  return { kind: 'changed', expected, presented: shown, message: certificateChangedMessage(serverUrl, expected, shown) };
}

/** A connection refused because the server's certificate is not the pinned one. */
export class CertificateChangedError extends Error {
  readonly expected: string;
  readonly presented: string;

  constructor(decision: Extract<PinDecision, { kind: 'changed' }>) {
    super(decision.message);
    this.name = 'CertificateChangedError';
    this.expected = decision.expected;
    this.presented = decision.presented;
  }
}

export interface PinnedSocket {
  socket: TLSSocket;
  decision: Exclude<PinDecision, { kind: 'changed' }>;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A TLS connection to the server whose certificate has been checked against the pin (or, with no
 * pin, whose fingerprint is reported for a first use) before a single byte of a request is sent.
 * Chain and host-name checks are off on purpose: the fingerprint is the trust, not a CA.
 */
export function openPinnedSocket(serverUrl: string, pinned: string | null, timeoutMs = CONNECT_TIMEOUT_MS): Promise<PinnedSocket> {
  const url = new URL(serverUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const certificate = socket.getPeerCertificate();
      if (!certificate?.fingerprint256) {
        socket.destroy();
        reject(new Error('the server sent no certificate'));
        return;
      }
      const decision = decidePin(url.origin, pinned, certificate.fingerprint256);
      if (decision.kind === 'changed') {
        socket.destroy();
        reject(new CertificateChangedError(decision));
        return;
      }
      resolve({ socket, decision });
    });
  });
}

export interface PinnedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  decision: PinnedSocket['decision'];
}

/** One HTTPS request over a pinned connection (the main process's own calls: health, update policy). */
export async function pinnedRequest(
  serverUrl: string,
  pinned: string | null,
  options: { method?: string; path: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number },
): Promise<PinnedResponse> {
  const { socket, decision } = await openPinnedSocket(serverUrl, pinned, options.timeoutMs);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const url = new URL(options.path, serverUrl);
    // node:http over the already-verified TLS socket: an https agent would open (and verify) its own.
    headers.host = url.host;
    const req = request(
      { method: options.method ?? 'GET', path: url.pathname + url.search, headers, createConnection: () => socket },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          socket.end();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), decision });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? CONNECT_TIMEOUT_MS, () => req.destroy(new Error('the server stopped answering')));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Chromium's certificate verdicts (net error codes) for Electron's setCertificateVerifyProc. */
export const CHROMIUM_VERDICT = { trust: 0, refuse: -2, usual: -3 } as const;

/**
 * The verdict for a certificate the browser engine is shown (the page's API calls and change feed,
 * the updater's downloads): the office server's host must show the pinned certificate, whatever a
 * CA would say; any other host gets the engine's usual checks.
 */
export function verdictForCertificate(serverUrl: string, pinned: string, hostname: string, certificatePem: string): number {
  const serverHost = new URL(serverUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (hostname.replace(/^\[|\]$/g, '').toLowerCase() !== serverHost) return CHROMIUM_VERDICT.usual;
  let presented: string;
  try {
    presented = fingerprintOfPem(certificatePem);
  } catch {
    return CHROMIUM_VERDICT.refuse;
  }
  return decidePin(serverUrl, pinned, presented).kind === 'trusted' ? CHROMIUM_VERDICT.trust : CHROMIUM_VERDICT.refuse;
}
